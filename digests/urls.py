from django.urls import path

from digests import views

app_name = "digests"

urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("preference/", views.preference, name="preference"),
]
