"""Routes of the organisations API, under /api/ (the project's ``api_urls`` includes them)."""

from rest_framework.routers import SimpleRouter

from partners import api

app_name = "partners_api"

router = SimpleRouter()
router.register("organisations", api.OrganisationViewSet, basename="organisation")

urlpatterns = router.urls
