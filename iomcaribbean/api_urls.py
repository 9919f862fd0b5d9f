"""/api/: the root, the OpenAPI schema, its documentation, and each app's API routes."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from iomcaribbean.public_routes import API_RECORD, public
from iomcaribbean.views import api_root

urlpatterns = [
    path("", api_root, name="api-root"),
    path("schema/", public(*API_RECORD, "version")(SpectacularAPIView.as_view()), name="api-schema"),
    # The split view serves its start-up script as a file, so the page needs no inline script (CSP).
    path(
        "docs/",
        public(*API_RECORD, "script", "version")(
            SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/docs.html")
        ),
        name="api-docs",
    ),
    path("", include("programmes.api_urls")),
    path("", include("partners.api_urls")),
    path("", include("funding.api_urls")),
]
