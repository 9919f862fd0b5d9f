"""An Atom feed of newly published programmes, newest first."""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed

from iomcaribbean.exports import XML_INVALID
from iomcaribbean.public_routes import public
from programmes.models import Programme

FEED_LENGTH = 50


class NewProgrammesFeed(Feed):
    """The latest published programmes, by the time they were first published."""

    feed_type = Atom1Feed
    title = "IOM in the Caribbean: newly published programmes"
    subtitle = "Programmes and projects of IOM in the Caribbean, as they are published on the portal."
    link = reverse_lazy("programmes:list")
    feed_url = reverse_lazy("programmes:feed")

    def items(self) -> QuerySet[Programme]:
        return (
            Programme.objects.published()
            .filter(published_at__isnull=False)
            .order_by("-published_at", "-pk")[:FEED_LENGTH]
        )

    # XML 1.0 cannot carry control characters, even escaped (Django's feed writer would raise a 500):
    # a stray one pasted into a title or summary is left out.
    def item_title(self, item: Programme) -> str:
        return XML_INVALID.sub("", str(item))

    def item_description(self, item: Programme) -> str:
        return XML_INVALID.sub("", item.summary)

    def item_pubdate(self, item: Programme) -> datetime.datetime:
        return item.published_at

    def item_updateddate(self, item: Programme) -> datetime.datetime:
        return item.updated_at


# The feed only reads: served without the request's transaction (iomcaribbean.views.ReadsOnly).
new_programmes = public()(transaction.non_atomic_requests(NewProgrammesFeed()))
