"""Routes of the funders API, under /api/ (the project's ``api_urls`` includes them)."""

from rest_framework.routers import SimpleRouter

from funding import api

app_name = "funding_api"

router = SimpleRouter()
router.register("funders", api.FunderViewSet, basename="funder")

urlpatterns = router.urls
