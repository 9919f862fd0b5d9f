from django.urls import path

from iomcaribbean.i18n import language_neutral
from programmes import downloads, feeds
from programmes.views import overview, places, programmes

app_name = "programmes"

# The pages answer in each language (under /es/ and /fr/ too); the downloads and the feed
# keep one unprefixed address, as every page links them (iomcaribbean.i18n.language_neutral).
urlpatterns = [
    path("", overview.OverviewView.as_view(), name="overview"),
    path("programmes/", programmes.ProgrammeListView.as_view(), name="list"),
    path(
        "programmes/export.csv",
        language_neutral(downloads.ProgrammeDownloadView.as_view(file_format="csv")),
        name="list_csv",
    ),
    path(
        "programmes/export.xlsx",
        language_neutral(downloads.ProgrammeDownloadView.as_view(file_format="xlsx")),
        name="list_xlsx",
    ),
    path("feeds/programmes.atom", language_neutral(feeds.new_programmes), name="feed"),
    path("programmes/<slug:slug>/", programmes.ProgrammeDetailView.as_view(), name="detail"),
    path("countries/", places.CountryListView.as_view(), name="countries"),
    path("countries/<slug:slug>/", places.CountryDetailView.as_view(), name="country"),
    path("countries/<slug:slug>/places/", places.CountryPlacesView.as_view(), name="country_places"),
    path("countries/<slug:slug>/named-in/", places.CountryNamedInView.as_view(), name="country_named_in"),
    path("areas/", places.ThematicAreaListView.as_view(), name="areas"),
    path("areas/<slug:slug>/", places.ThematicAreaDetailView.as_view(), name="area"),
]
