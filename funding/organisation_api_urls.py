"""The organisations route of the API, under /api/, with the record that links a funder to its
funder record (``funding.api``).

Its names stay in the ``partners_api`` namespace (``partners_api:organisation-list``...): the
project's ``api_urls`` serves these patterns there.
"""

from rest_framework.routers import SimpleRouter

from funding import api

router = SimpleRouter()
router.register("organisations", api.OrganisationViewSet, basename="organisation")

urlpatterns = router.urls
