"""The public updates: the list across the portal, a page per update, the photos' files and the
embeddable programme card.

A photo's rendition is served only while its update is public (staff may see any), from the
storage, as the image it was made to be, with headers that keep a browser from running anything.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from csp.utils import build_policy
from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.generic import DetailView, ListView

from funding.models import Grant
from iomcaribbean.public_routes import Route, public
from iomcaribbean.views import ReadsOnly
from programmes.models import Programme, ProgrammeCountry
from updates.filters import UpdateFilter
from updates.models import Update, UpdatePhoto

# A photo is data, never a page: no script, no form, nothing loaded from it.
PHOTO_POLICY = "sandbox; default-src 'none'"


def visible_updates(request: HttpRequest) -> QuerySet[Update]:
    # Staff preview drafts and updates of programmes not yet public; everyone else sees the public ones.
    return Update.objects.all() if request.user.is_staff else Update.objects.public()


@public()
@transaction.non_atomic_requests
def photo_file(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """A rendition of a photo, while its update is public (staff may see any).

    Read whole rather than streamed: a rendition is at most a few hundred kilobytes, so the page
    cache keeps it with the pages rather than among the large files (``iomcaribbean.kept_files``).
    """
    photos = UpdatePhoto.objects.filter(update__in=visible_updates(request))
    stored = get_object_or_404(photos, pk=pk).stored_name(name)
    if stored is None:
        raise Http404("No such photo.")
    with UpdatePhoto._meta.get_field("image").storage.open(stored, "rb") as file:
        response = HttpResponse(file.read(), content_type=mimetypes.guess_type(stored)[0])
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = PHOTO_POLICY
    return response


class UpdateListView(ReadsOnly, ListView):
    """Every public update, newest first, filtered and paginated."""

    template_name = "updates/update_list.html"
    context_object_name = "updates"
    public_route = Route(frozenset(UpdateFilter.base_filters) | {"page"})

    def get_paginate_by(self, queryset: QuerySet) -> int:
        return settings.PROGRAMMES_PER_PAGE

    def get_queryset(self) -> QuerySet[Update]:
        base = Update.objects.public().for_listing()
        self.filterset = UpdateFilter(self.request.GET, queryset=base)
        return self.filterset.qs.distinct() if self.filterset.is_valid() else base.none()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(**kwargs) | {"filter": self.filterset}


class UpdateDetailView(ReadsOnly, DetailView):
    template_name = "updates/update_detail.html"
    context_object_name = "update"

    def get_queryset(self) -> QuerySet[Update]:
        return visible_updates(self.request).for_listing()


@method_decorator(xframe_options_exempt, name="dispatch")
class EmbedCardView(ReadsOnly, DetailView):
    """A public programme's card for other sites to frame: its title, status, countries, funders,
    key figures and latest update.

    Framed by any origin in ``EMBED_FRAME_ANCESTORS``, the only page that is: no ``X-Frame-Options``
    (the page cache keeps the exemption with the page). The same for everyone: it reads no session
    and shows no form, so it sets no cookie and is kept as public pages are. Its own policy is set
    here, in full, so that a kept copy carries it too.
    """

    template_name = "updates/embed_card.html"
    context_object_name = "programme"

    def get_queryset(self) -> QuerySet[Programme]:
        funders = Grant.objects.select_related("funder")
        return Programme.objects.published().prefetch_related(
            Prefetch(
                "country_links",
                queryset=ProgrammeCountry.objects.filter(role=ProgrammeCountry.Role.BENEFITING).select_related(
                    "country"
                ),
            ),
            Prefetch("grants", queryset=funders),
            "key_figures",
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        programme = self.object
        latest = Update.objects.public().filter(programme=programme).prefetch_related("photos").first()
        return super().get_context_data(**kwargs) | {
            "countries": list(dict.fromkeys(link.country for link in programme.country_links.all())),
            "funders": list(dict.fromkeys(grant.funder for grant in programme.grants.all())),
            "latest_update": latest,
            "latest_photo": next(iter(latest.photos.all()), None) if latest else None,
        }

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        response = super().render_to_response(context, **kwargs)
        response["Content-Security-Policy"] = build_policy(replace={"frame-ancestors": settings.EMBED_FRAME_ANCESTORS})
        return response
