from django.urls import path

from funding.donor import exports, pages
from iomcaribbean.i18n import language_neutral

app_name = "donor"

urlpatterns = [
    path("", pages.dashboard, name="dashboard"),
    path("years/", pages.years, name="years"),
    path("results/", pages.results, name="results"),
    path("grants/<int:pk>/", pages.grant_detail, name="grant"),
    path("export.csv", language_neutral(exports.export_csv), name="export_csv"),
    path("export.xlsx", language_neutral(exports.export_xlsx), name="export_xlsx"),
]
