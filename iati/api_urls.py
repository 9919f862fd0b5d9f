"""The programmes route of the API, under /api/, with the record that says whether each programme
is in the IATI file (``iati.api``).

Its names stay in the ``programmes_api`` namespace (``programmes_api:programme-list``...): the
project's ``api_urls`` serves these patterns there, with the programmes app's other routes.
"""

from rest_framework.routers import SimpleRouter

from iati import api

router = SimpleRouter()
router.register("programmes", api.ProgrammeViewSet, basename="programme")

urlpatterns = router.urls
