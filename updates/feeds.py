"""Atom feeds of the public updates: one across the portal, one per programme, newest first."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from iomcaribbean.exports import XML_INVALID
from iomcaribbean.public_routes import public
from programmes.models import Programme
from updates.models import Update

FEED_LENGTH = 50


class UpdatesFeed(Feed):
    """The latest public updates, by the day they tell of."""

    feed_type = Atom1Feed
    title = "IOM in the Caribbean: updates from the programmes"
    subtitle = "Dated notes from the field on IOM's programmes in the Caribbean, as they are published."
    link = reverse_lazy("updates:list")
    feed_url = reverse_lazy("updates:feed")

    def items(self) -> QuerySet[Update]:
        return Update.objects.public().select_related("programme")[:FEED_LENGTH]

    # XML 1.0 cannot carry control characters, even escaped: a stray one pasted into a text is left out.
    def item_title(self, item: Update) -> str:
        return XML_INVALID.sub("", item.title)

    def item_description(self, item: Update) -> str:
        return XML_INVALID.sub("", item.text)

    def item_author_name(self, item: Update) -> str:
        return XML_INVALID.sub("", item.programme.title)

    def item_pubdate(self, item: Update) -> datetime.datetime:
        return item.published_at

    def item_updateddate(self, item: Update) -> datetime.datetime:
        return item.updated_at


class ProgrammeUpdatesFeed(UpdatesFeed):
    """One public programme's updates."""

    def get_object(self, request: HttpRequest, slug: str) -> Programme:
        return get_object_or_404(Programme.objects.published(), slug=slug)

    def title(self, programme: Programme) -> str:
        return XML_INVALID.sub("", f"IOM in the Caribbean: updates from {programme.title}")

    def subtitle(self, programme: Programme) -> str:
        return XML_INVALID.sub("", f"Dated notes from the field on {programme.title}, as they are published.")

    def link(self, programme: Programme) -> str:
        return programme.get_absolute_url()

    def feed_url(self, programme: Programme) -> str:
        return reverse("updates:programme_feed", kwargs={"slug": programme.slug})

    def items(self, programme: Programme) -> QuerySet[Update]:
        return Update.objects.public().filter(programme=programme).select_related("programme")[:FEED_LENGTH]


# The feeds only read: served without the request's transaction (iomcaribbean.views.ReadsOnly).
every_update = public()(transaction.non_atomic_requests(UpdatesFeed()))
programme_updates = public()(transaction.non_atomic_requests(ProgrammeUpdatesFeed()))
