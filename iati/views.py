"""The public IATI pages: the file of every published programme IATI can take, one programme's
activity, IOM's organisation file, and "About this data", which says where the record comes from, how sure it is, and
which published programmes the IATI file leaves out, grouped by why (``iati.exclusions``)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.generic import TemplateView

from funding.models import OrganisationBudget
from iati.activity import unwritable
from iati.exclusions import LEFT_OUT, Exclusion, iati_exclusions
from iati.kept_activities import activities, iter_kept_activities_xml
from iati.organisation import organisation_xml
from iati.writer import around_activities, export_queryset, iter_activities_xml
from iomcaribbean.public_routes import public
from iomcaribbean.views import ReadsOnly
from programmes.items import prefetched
from programmes.models import Programme, ProgrammeCountry


def portal_address(request: HttpRequest) -> str:
    """The scheme and host the file was asked at, for absolute links to the portal's files (the page
    cache keys each answer by both)."""
    return request.build_absolute_uri("/").removesuffix("/")


@public(download=True)
@transaction.non_atomic_requests
def iati_activities(request: HttpRequest) -> StreamingHttpResponse:
    """Every published programme IATI can take, as one IATI activities file, streamed from the kept activities."""
    response = StreamingHttpResponse(
        iter_kept_activities_xml(base_url=portal_address(request)), content_type="application/xml; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="iom-caribbean-iati-activities.xml"'
    return response


@public(download=True)
@transaction.non_atomic_requests
def iati_activity(request: HttpRequest, slug: str) -> HttpResponse:
    """One programme's IATI activity file; staff may preview one that is unpublished or not yet valid."""
    staff = request.user.is_staff
    if not staff:
        return _public_activity(request, slug)
    visible = Programme.objects.all() if staff else Programme.objects.published()
    programme = get_object_or_404(export_queryset(visible), slug=slug)
    left_out = bool(unwritable(programme))
    if not staff and left_out:
        raise Http404("This programme is not in the IATI file yet.")
    response = HttpResponse(
        b"".join(iter_activities_xml([programme], include_unwritable=True, base_url=portal_address(request))),
        content_type="application/xml; charset=utf-8",
    )
    if not programme.is_public or left_out:
        patch_cache_control(response, private=True, no_store=True)
    return response


def _public_activity(request: HttpRequest, slug: str) -> HttpResponse:
    """A published programme's activity, as kept (``iati.kept_activities``)."""
    pk = get_object_or_404(Programme.objects.published().values_list("pk", flat=True), slug=slug)
    now = timezone.now()
    [activity] = activities([pk], timezone.localdate(now), portal_address(request))
    if not activity:
        raise Http404("This programme is not in the IATI file yet.")
    return HttpResponse(b"".join(around_activities([activity], now)), content_type="application/xml; charset=utf-8")


@public(download=True)
@transaction.non_atomic_requests
def iati_organisation(request: HttpRequest) -> HttpResponse:
    """IOM's IATI organisation file: its names, the budgets staff entered, its documents."""
    response = HttpResponse(
        organisation_xml(base_url=portal_address(request)), content_type="application/xml; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="iom-caribbean-iati-organisation.xml"'
    return response


class AboutDataView(ReadsOnly, TemplateView):
    """How the data is made, and which published programmes the IATI file leaves out, and why.

    Four queries, however many programmes: every published programme with only the fields
    ``unwritable`` reads and the list shows, then all their country links at once (a subquery,
    not a list of ids), rather than a query per chunk of programmes."""

    template_name = "programmes/about_data.html"
    READ = ("slug", "code", "title", "status_estimate", "start_date", "dac_sector", "budget_amount", "budget_currency")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        published = Programme.objects.published()
        programmes = list(published.only(*self.READ).order_by("title", "pk"))
        links: dict[int, list[ProgrammeCountry]] = defaultdict(list)
        for link in ProgrammeCountry.objects.filter(programme__in=published).select_related("country"):
            links[link.programme_id].append(link)
        left_out = set()
        by_reason: dict[str, tuple[Exclusion, list[Programme]]] = {}
        for programme in programmes:
            prefetched(programme, "country_links", links[programme.pk])
            for exclusion in iati_exclusions(programme):
                by_reason.setdefault(exclusion.field, (exclusion, []))[1].append(programme)
                left_out.add(programme.pk)
        return super().get_context_data(**kwargs) | {
            "published": len(programmes),
            "in_iati": len(programmes) - len(left_out),
            "reasons": list(by_reason.values()),
            "left_out": LEFT_OUT,
            "organisation_budgets": OrganisationBudget.objects.exists(),
        }
