"""/api/: the root, the OpenAPI schema, its documentation, and each app's API routes."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from funding import organisation_api_urls as funding_organisation_api_urls
from iati import api_urls as iati_api_urls
from iomcaribbean.public_routes import API_RECORD, public
from iomcaribbean.views import api_root
from programmes import api_urls as programmes_api_urls

# The API's collections, by route name (each app's router names them "<basename>-list").
COLLECTIONS = {
    "programmes": "programmes_api:programme-list",
    "countries": "programmes_api:country-list",
    "thematic_areas": "programmes_api:area-list",
    "organisations": "partners_api:organisation-list",
    "funders": "funding_api:funder-list",
    "documents": "documents_api:document-list",
}

urlpatterns = [
    path("", api_root, {"collections": COLLECTIONS}, name="api-root"),
    path("schema/", public(*API_RECORD, "version")(SpectacularAPIView.as_view()), name="api-schema"),
    # The split view serves its start-up script as a file, so the page needs no inline script (CSP).
    path(
        "docs/",
        public(*API_RECORD, "script", "version")(
            SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/docs.html")
        ),
        name="api-docs",
    ),
    # The programmes route is the iati app's (its record adds the IATI field); its names stay programmes_api's.
    path("", include(([*iati_api_urls.urlpatterns, *programmes_api_urls.urlpatterns], programmes_api_urls.app_name))),
    # The organisations route is funding's (its record adds the funder link); its names are partners_api's.
    path("", include((funding_organisation_api_urls.urlpatterns, "partners_api"))),
    path("", include("funding.api_urls")),
    path("", include("documents.api_urls")),
]
