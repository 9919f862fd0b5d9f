from django.urls import path

from funding import donor_views
from iomcaribbean.i18n import language_neutral

app_name = "donor"

urlpatterns = [
    path("", donor_views.dashboard, name="dashboard"),
    path("grants/<int:pk>/", donor_views.grant_detail, name="grant"),
    path("export.csv", language_neutral(donor_views.export_csv), name="export_csv"),
    path("export.xlsx", language_neutral(donor_views.export_xlsx), name="export_xlsx"),
]
