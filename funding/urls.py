from django.urls import path

from funding import views
from iomcaribbean.i18n import language_neutral

app_name = "funding"

urlpatterns = [
    path("", views.FunderListView.as_view(), name="list"),
    path("<slug:slug>/", views.FunderDetailView.as_view(), name="detail"),
    path("<slug:slug>/funding.csv", language_neutral(views.funder_csv), name="detail_csv"),
]
