"""Public pages kept through the rewording of any programme they do not show.

Any public edit makes every kept page stale (``iomcaribbean.caching``): the content version is one
number. Most edits are rewordings, of one programme's title, summary or translations, which leave the
catalogue version (``iomcaribbean.catalogue``), so they can only change a page that shows that
programme's texts. A view with ``KeptThroughRewordings`` is one whose page reads programmes' texts
only from the programme records it shows (never through an order by title over records it does not
show, nor a search): its page is kept a second time, under the catalogue version, the date, the
address and the query parameters it reads, and when each programme it showed was last saved.

While such a page is drawn, every programme record made (``post_init``) is noted. The next answer,
once a rewording has made the kept page stale, reads when those programmes were saved (one query):
if none was saved since, the page is answered as kept; if one was, it is drawn afresh and kept
again. A change of anything else moves the catalogue version and with it every such key. Pages are
kept in the cache of pages (``settings.CACHES["pages"]``), for visitors not signed in only.
"""

from __future__ import annotations

import contextvars
import datetime
import hashlib
from collections.abc import Iterable
from typing import Any

from django.core.cache import caches
from django.db.models.signals import post_init
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

from iomcaribbean.caching import PublicPageCacheMiddleware
from iomcaribbean.catalogue import page_key as catalogue_page_key
from iomcaribbean.public_routes import find, read_query
from programmes.models import Programme

KEY_PREFIX = "page-through-rewordings"
KEPT_SECONDS = 24 * 60 * 60

# While a kept page is drawn: each programme record made, by id, with when it was saved as read
# (None where the record was read without it); None otherwise.
_shown: contextvars.ContextVar[dict[int, datetime.datetime | None] | None] = contextvars.ContextVar(
    "programmes_shown", default=None
)


def _note_shown(sender: type[Programme], instance: Programme, **kwargs: Any) -> None:
    shown = _shown.get()
    if shown is not None and instance.pk is not None:
        saved = instance.__dict__.get("updated_at")
        if shown.get(instance.pk) is None:
            shown[instance.pk] = saved


def connect_signals() -> None:
    """Called once from ``ProgrammesConfig.ready``."""
    post_init.connect(_note_shown, sender=Programme, dispatch_uid="programmes.kept_pages.shown")


class KeptThroughRewordings:
    """A public view whose page is kept through rewordings of the programmes it does not show.

    Only for a page that reads programmes' texts from the programme records it shows alone: a page
    that orders or filters by a text, or shows a part of a list in an order of titles, is not one
    (``keeps_through_rewordings`` may say so of one answer).
    """

    def keeps_through_rewordings(self) -> bool:
        """Whether the page just drawn may be kept so: every programme whose texts can change it shown."""
        return True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        plan = plan_key(request)
        if plan is None:
            return super().dispatch(request, *args, **kwargs)
        kept = kept_answer(plan)
        if kept is not None:
            return kept
        token = _shown.set({})
        try:
            response = super().dispatch(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()  # now, while the programmes it shows are noted
            shown = _shown.get()
        finally:
            _shown.reset(token)
        if may_keep(request, response) and self.keeps_through_rewordings():
            keep(plan, shown, response)
        return response


def plan_key(request: HttpRequest) -> str | None:
    """Where the ids of the programmes the page shows are kept; None where it is never kept so."""
    found = find(request.path_info)
    return None if found is None else catalogue_page_key(request, KEY_PREFIX, read_query(request.GET, found.route))


def page_key(plan: str, saved: dict[int, datetime.datetime]) -> str:
    """The page's key: its plan's, and when each programme it shows was saved."""
    stamps = ",".join(f"{pk}@{saved[pk].timestamp():.6f}" for pk in sorted(saved))
    return f"{plan}:{hashlib.sha256(stamps.encode()).hexdigest()[:32]}"


def saved_now(ids: Iterable[int]) -> dict[int, datetime.datetime]:
    return dict(Programme.objects.filter(pk__in=list(ids)).values_list("pk", "updated_at"))


def kept_answer(plan: str) -> HttpResponse | None:
    ids = caches["pages"].get(plan)
    if ids is None:
        return None
    saved = saved_now(ids)
    kept = caches["pages"].get(page_key(plan, saved)) if len(saved) == len(ids) else None
    if kept is None:
        return None
    content, content_type = kept
    return HttpResponse(content, content_type=content_type)


def may_keep(request: HttpRequest, response: HttpResponseBase) -> bool:
    """A whole answer the page cache would keep (``iomcaribbean.caching``)."""
    return (
        response.status_code == 200 and not response.streaming and PublicPageCacheMiddleware.can_keep(request, response)
    )


def keep(plan: str, shown: dict[int, datetime.datetime | None], response: HttpResponse) -> None:
    """Keeps the page under when each programme it shows was saved, as it was read to draw it (read
    again only for a record read without it)."""
    saved = {pk: at for pk, at in shown.items() if at is not None}
    if len(saved) < len(shown):
        saved |= saved_now(pk for pk in shown if pk not in saved)
        if len(saved) < len(shown):
            return  # a programme deleted meanwhile: the next answer draws the page again
    ids = tuple(sorted(shown))
    caches["pages"].set_many(
        {plan: ids, page_key(plan, saved): (response.content, response["Content-Type"])}, KEPT_SECONDS
    )
