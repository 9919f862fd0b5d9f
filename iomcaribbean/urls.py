"""Root URL configuration: each app's URLs under its own namespace."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from documents.sitemaps import sitemaps as documents_sitemaps
from funding.sitemaps import sitemaps as funding_sitemaps
from iati import urls as iati_urls
from iomcaribbean import bench, password_reset, views
from iomcaribbean.public_routes import public
from partners.sitemaps import sitemaps as partners_sitemaps
from programmes import urls as programmes_urls
from programmes.sitemaps import sitemaps as programmes_sitemaps
from updates.sitemaps import sitemaps as updates_sitemaps

admin.site.site_header = "IOM Caribbean programme"
# The lists and forms need the width at 1,280 px; the index and the breadcrumbs lead to every model.
admin.site.enable_nav_sidebar = False
admin.site.site_title = "IOM Caribbean admin"
admin.site.index_title = "Programme records"

sitemaps = programmes_sitemaps | partners_sitemaps | funding_sitemaps | documents_sitemaps | updates_sitemaps


@public("p")
@transaction.non_atomic_requests
def public_sitemap(request: HttpRequest) -> HttpResponse:
    """The sitemap of every public page; it only reads (iomcaribbean.views.ReadsOnly)."""
    return sitemap(request, sitemaps=sitemaps)


# Machine endpoints and the admin: one address each, in English, whatever the language.
urlpatterns = [
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    # The public pages declare themselves read-only (no request transaction), and the query
    # parameters they read (iomcaribbean.public_routes), where they are defined.
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", public_sitemap, name="sitemap"),
    # The API keeps its transaction: DRF marks the request's transaction for rollback when it
    # answers an error, and without one of its own would mark whatever encloses the request.
    path("api/", include("iomcaribbean.api_urls")),
]
# The public pages, in English at their unprefixed addresses (so every existing link still
# answers as before) and under /es/ and /fr/. The apps' downloads, feeds and IATI files sit in
# their URLconfs but keep their one unprefixed address (iomcaribbean.i18n.language_neutral).
urlpatterns += i18n_patterns(
    # Ahead of Django's own: the reset that answers alike for every address, throttled.
    path("accounts/password_reset/", password_reset.PasswordResetView.as_view(), name="password_reset"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("donor/", include("funding.donor_urls")),
    path("digests/", include("digests.urls")),
    path("partners/", include("partners.urls")),
    path("funders/", include("funding.urls")),
    path("", include("documents.urls")),
    path("", include("updates.urls")),
    # The IATI files and "About this data" keep the names they had in the programmes namespace.
    path("", include(([*programmes_urls.urlpatterns, *iati_urls.urlpatterns], programmes_urls.app_name))),
    prefix_default_language=False,
)

if settings.BENCH_ENDPOINTS:
    # The benchmark's floor (make bench): a view with no database and no template.
    urlpatterns.insert(0, path("bench/bare", bench.bare, name="bench-bare"))

handler404 = "iomcaribbean.views.page_not_found"
handler500 = "iomcaribbean.views.server_error"
