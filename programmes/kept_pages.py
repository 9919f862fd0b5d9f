"""Public pages kept through the rewording of any programme whose texts they do not read.

Any public edit makes every kept page stale (``iomcaribbean.caching``): the content version is one
number. Most edits are rewordings, of one programme's title, summary or translations, which leave the
catalogue version (``iomcaribbean.catalogue``) and are remembered, with the version they moved to,
on the version's row (``Version.reworded_since``). So a rewording can only change a page that reads
that programme's texts: one that shows them, or whose order or choice of programmes they decide (a
list sorted by title, a search).

A view with ``KeptThroughRewordings`` keeps its page a second time, under the catalogue version, the
date, the address and the query parameters it reads, with the content version it was drawn at and
the programmes whose texts it read: every programme record made while it was drawn (``post_init``),
and those the view names beyond them (``programmes_read_beyond_shown``). The next answer after a
change reads which programmes were reworded since, from the version's row the request has read
already: if none of those is among the page's, and the view agrees (``answers_still``, for a
search), the page is answered as kept, with no query. A change of anything else moves the catalogue
version and with it every key.

A page drawn while a rewording committed is kept under the version read before: the rewording is
then among those read after it, and the page is drawn again if it read that programme. A view's
witness is read in the same statement as what it decides (a search's words, with what it finds), so
that the two agree. Pages are kept in the cache
of fragments (``settings.CACHES["fragments"]``, with the programme cards and the list's skeletons:
what outlives an edit), for visitors not signed in only.
"""

from __future__ import annotations

import contextvars
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from django.core.cache import caches
from django.db.models.signals import post_init
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

from iomcaribbean.caching import PublicPageCacheMiddleware
from iomcaribbean.catalogue import KEPT_SECONDS, page_key
from iomcaribbean.public_routes import find, read_query, representation
from programmes.models import Programme

# The form of a kept entry is in the prefix: servers of another version sharing the cache never misread one.
KEY_PREFIX = "page-through-rewordings-3"
PROGRAMME = Programme._meta.label_lower

# While a kept page is drawn: the ids of the programme records made; None otherwise.
_shown: contextvars.ContextVar[set[int] | None] = contextvars.ContextVar("programmes_shown", default=None)


def _note_shown(sender: type[Programme], instance: Programme, **kwargs: Any) -> None:
    shown = _shown.get()
    if shown is not None and instance.pk is not None:
        shown.add(instance.pk)


def connect_signals() -> None:
    """Called once from ``ProgrammesConfig.ready``."""
    post_init.connect(_note_shown, sender=Programme, dispatch_uid="programmes.kept_pages.shown")


@dataclass(frozen=True)
class KeptPage:
    number: int  # the content version it was drawn at
    # The ids of the programmes whose texts it read, sorted (array "q"), compressed: a list sorted by
    # title reads every published programme, some 70 KB uncompressed at 10,000 programmes.
    reads: bytes
    witness: Hashable  # what the view checks again after a rewording (``rewording_witness``)
    content: bytes
    # As the view answered, before the middleware: its type, and an API's Vary, Allow and Content-Language.
    headers: tuple[tuple[str, str], ...]

    def reads_any(self, pks: Iterable[int]) -> bool:
        ids = array("q", zlib.decompress(self.reads))
        return any((at := bisect_left(ids, pk)) < len(ids) and ids[at] == pk for pk in pks)


class KeptThroughRewordings:
    """A public view whose page is kept through rewordings of the programmes whose texts it does not read.

    The programme records the page is drawn from are noted; a page whose order or choice of
    programmes depends on texts of others names those (``programmes_read_beyond_shown``). A page
    that reads programmes' texts another way (``values()`` of a title) must not use this.
    """

    def keeps_through_rewordings(self) -> bool:
        """Whether the page just drawn may be kept so."""
        return True

    def programmes_read_beyond_shown(self) -> Iterable[int]:
        """The programmes, beyond those shown, whose texts decide which are shown or in which order."""
        return ()

    def rewording_witness(self) -> Hashable:
        """Once the page is drawn: what else a rewording could change, to compare after one; read in the
        same statement as the programmes it decides (``programmes_read_beyond_shown``)."""
        return None

    def answers_still(self, reworded: frozenset[int], witness: Hashable) -> bool:
        """After these programmes (none of the page's) were reworded: whether the page is still the answer."""
        return True

    def rewording_plan(self, request: HttpRequest) -> str | None:
        """Where the page is kept; None where it is never kept so (a file to download is kept whole
        under the content version, ``iomcaribbean.kept_files``)."""
        found = find(request.path_info)
        if found is None or found.route.download:
            return None
        query = read_query(request.GET, found.route)
        return page_key(request, KEY_PREFIX, query, representation(request, found, query))

    # Where the page being drawn will be kept; None where it is not kept so.
    kept_as: str | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        plan = self.kept_as = self.rewording_plan(request)
        if plan is None:
            return super().dispatch(request, *args, **kwargs)
        kept = self.kept_answer(request, plan)
        if kept is not None:
            return kept
        token = _shown.set(set())
        try:
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()  # now, while the programmes it shows are noted
            shown = _shown.get()
        finally:
            _shown.reset(token)
        if may_keep(request, response) and self.keeps_through_rewordings():
            self.keep(request, plan, shown, response)
        return response

    def kept_answer(self, request: HttpRequest, plan: str) -> HttpResponse | None:
        kept: KeptPage | None = caches["fragments"].get(plan)
        version = getattr(request, "_content_version", None)
        if kept is None or version is None:
            return None
        if kept.number != version.number:
            reworded = version.reworded_since(kept.number)
            if reworded is None or set(reworded) - {PROGRAMME}:
                return None  # something else changed, or a record of another kind was reworded
            pks = reworded.get(PROGRAMME, frozenset())
            if kept.reads_any(pks) or not self.answers_still(pks, kept.witness):
                return None
            # Still the answer at this version: the next one reads only the rewordings after it.
            caches["fragments"].set(plan, replace(kept, number=version.number), KEPT_SECONDS)
        response = HttpResponse(kept.content)
        for name, value in kept.headers:
            response[name] = value
        return response

    def keep(self, request: HttpRequest, plan: str, shown: set[int], response: HttpResponse) -> None:
        drawn_at = request._content_version.number
        reads = zlib.compress(array("q", sorted(shown.union(self.programmes_read_beyond_shown()))).tobytes(), 1)
        page = KeptPage(drawn_at, reads, self.rewording_witness(), response.content, tuple(response.items()))
        caches["fragments"].set(plan, page, KEPT_SECONDS)


def may_keep(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A whole answer the page cache would keep (``iomcaribbean.caching``)."""
    return (
        response.status_code == 200 and not response.streaming and PublicPageCacheMiddleware.can_keep(request, response)
    )
