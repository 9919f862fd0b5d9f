"""Root URL configuration: each app's URLs under its own namespace."""

from django.contrib import admin
from django.urls import include, path

from iomcaribbean import views

admin.site.site_header = "IOM Caribbean programme"
admin.site.site_title = "IOM Caribbean admin"
admin.site.index_title = "Programme records"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("donor/", include("funding.donor_urls")),
    path("healthz", views.healthz, name="healthz"),
    path("partners/", include("partners.urls")),
    path("funders/", include("funding.urls")),
    path("", include("programmes.urls")),
]

handler404 = "iomcaribbean.views.page_not_found"
handler500 = "iomcaribbean.views.server_error"
