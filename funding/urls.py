from django.urls import path

from funding import views

app_name = "funding"

urlpatterns = [
    path("", views.FunderListView.as_view(), name="list"),
    path("<slug:slug>/", views.FunderDetailView.as_view(), name="detail"),
    path("<slug:slug>/funding.csv", views.funder_csv, name="detail_csv"),
]
