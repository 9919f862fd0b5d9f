"""Routes of the programmes API, under /api/ (the project's ``api_urls`` includes them)."""

from rest_framework.routers import SimpleRouter

from programmes import api

app_name = "programmes_api"

router = SimpleRouter()
router.register("programmes", api.ProgrammeViewSet, basename="programme")
router.register("countries", api.CountryViewSet, basename="country")
router.register("areas", api.ThematicAreaViewSet, basename="area")

urlpatterns = router.urls
