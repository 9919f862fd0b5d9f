from django.urls import path

from funding import donor_views

app_name = "donor"

urlpatterns = [
    path("", donor_views.dashboard, name="dashboard"),
    path("grants/<int:pk>/", donor_views.grant_detail, name="grant"),
    path("export.csv", donor_views.export_csv, name="export_csv"),
    path("export.xlsx", donor_views.export_xlsx, name="export_xlsx"),
]
