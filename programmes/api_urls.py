"""Routes of the programmes API, under /api/ (the project's ``api_urls`` includes them).

The programmes route is registered above this app, by the IATI app: its record of a programme
also says whether the programme is in the IATI file, which this app cannot know (apps import one way).
"""

from rest_framework.routers import SimpleRouter

from programmes.api import places

app_name = "programmes_api"

router = SimpleRouter()
router.register("countries", places.CountryViewSet, basename="country")
router.register("areas", places.ThematicAreaViewSet, basename="area")

urlpatterns = router.urls
