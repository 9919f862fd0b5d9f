"""Root URL configuration: each app's URLs under its own namespace."""

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from funding.sitemaps import sitemaps as funding_sitemaps
from iomcaribbean import views
from partners.sitemaps import sitemaps as partners_sitemaps
from programmes.sitemaps import sitemaps as programmes_sitemaps

admin.site.site_header = "IOM Caribbean programme"
admin.site.site_title = "IOM Caribbean admin"
admin.site.index_title = "Programme records"

sitemaps = programmes_sitemaps | partners_sitemaps | funding_sitemaps

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("donor/", include("funding.donor_urls")),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("api/", include("iomcaribbean.api_urls")),
    path("partners/", include("partners.urls")),
    path("funders/", include("funding.urls")),
    path("", include("programmes.urls")),
]

handler404 = "iomcaribbean.views.page_not_found"
handler500 = "iomcaribbean.views.server_error"
