from django.urls import path

from programmes import views

app_name = "programmes"

urlpatterns = [
    path("", views.OverviewView.as_view(), name="overview"),
    path("programmes/", views.ProgrammeListView.as_view(), name="list"),
    path("programmes/<slug:slug>/", views.ProgrammeDetailView.as_view(), name="detail"),
    path("countries/", views.CountryListView.as_view(), name="countries"),
    path("countries/<slug:slug>/", views.CountryDetailView.as_view(), name="country"),
    path("areas/", views.ThematicAreaListView.as_view(), name="areas"),
    path("areas/<slug:slug>/", views.ThematicAreaDetailView.as_view(), name="area"),
]
