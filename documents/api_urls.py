"""Routes of the documents API, under /api/ (the project's ``api_urls`` includes them)."""

from rest_framework.routers import SimpleRouter

from documents import api

app_name = "documents_api"

router = SimpleRouter()
router.register("documents", api.DocumentViewSet, basename="document")

urlpatterns = router.urls
