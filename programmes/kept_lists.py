"""The programme list's pages kept under the catalogue version, with their cards filled in on each answer.

An edit of a programme's texts (the most common edit: a title, a summary, a translation) makes every
kept page stale (``iomcaribbean.caching``). Most of a list page cannot have changed with it: which
programmes match the filters, in which order, how many, the filters' options, the pager. All of it
is read from the catalogue (``iomcaribbean.catalogue``), whose version such an edit leaves. Only the
cards show the texts.

So a list page a visitor not signed in gets is also kept as its skeleton: the page with a mark where
the cards go, and the ids of the programmes on it, under the catalogue version, the date, the address
and the query parameters the list reads. Its cards are kept again under a key made of the catalogue
version and when the programme and its parent were last saved (``stamped_key``): every record a card
shows but those two is part of the catalogue, and a rewording of either moves its ``updated_at``. The
next answer for that address after a rewording reads those times (one query), finds the cards, draws
only those no longer kept, and puts them in.

Never kept: a search (which matches the texts) and the sort by title (ordered by them), a page with
filter errors or no result, and any page for a signed-in visitor.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from iomcaribbean.catalogue import page_key
from iomcaribbean.public_routes import Route, read_query
from programmes.cards import CARD_SEPARATOR, KEPT_SECONDS, cards, code_version
from programmes.models import Programme

# Where the cards go while a page is drawn to be kept: a comment no template writes.
CARDS_SLOT = "<!-- programme cards: kept_lists -->"
KEY_PREFIX = "programme-list-skeleton"
CARD_PREFIX = "programme-card-saved"
# Parameters whose value makes the page read the programmes' texts.
READS_TEXTS = {"q": lambda value: bool(value.strip()), "sort": lambda value: value == "title"}


@dataclass(frozen=True)
class Skeleton:
    before: str  # the page up to the cards
    after: str
    ids: tuple[int, ...]  # the programmes of the cards, in order
    content_type: str


def skeleton_key(request: HttpRequest, route: Route) -> str | None:
    """The key of the page's skeleton, or None where the page is never kept as one."""
    query = read_query(request.GET, route)
    if any(reads(value) for name, reads in READS_TEXTS.items() for value in query.getlist(name)):
        return None
    return page_key(request, KEY_PREFIX, query)


def stamped_key(catalogue: str, pk: int, saved: datetime.datetime, parent_saved: datetime.datetime | None) -> str:
    """A card's key from the catalogue version and when the programme and its parent were saved."""
    stamps = ":".join(
        "" if moment is None else str(int(moment.timestamp() * 1_000_000)) for moment in (saved, parent_saved)
    )
    return f"{CARD_PREFIX}:{code_version()}:{get_language()}:{catalogue}:{pk}:{stamps}"


def keep_stamped(programmes: Sequence[Programme], drawn: Sequence[str], catalogue: str) -> None:
    keys = (stamped_key(catalogue, p.pk, p.updated_at, p.parent and p.parent.updated_at) for p in programmes)
    caches["fragments"].set_many(dict(zip(keys, drawn, strict=True)), KEPT_SECONDS)


def answer_from_skeleton(request: HttpRequest, key: str) -> HttpResponse | None:
    """The page from its kept skeleton, its cards found or drawn; None if none is kept (or a
    programme of it is gone, which the catalogue's version moving on would have said already)."""
    skeleton: Skeleton | None = caches["fragments"].get(key)
    if skeleton is None:
        return None
    catalogue = request.catalogue_version
    rows = Programme.objects.filter(pk__in=skeleton.ids).values_list(
        "pk", "parent_id", "updated_at", "parent__updated_at"
    )
    saved = {pk: stamps for pk, _, *stamps in rows}
    if len(saved) != len(skeleton.ids):
        return None
    parents = {parent for _, parent, *_ in rows if parent is not None}
    keys = [stamped_key(catalogue, pk, *saved[pk]) for pk in skeleton.ids]
    found = caches["fragments"].get_many(keys)
    missing = [pk for pk, key in zip(skeleton.ids, keys, strict=True) if key not in found]
    if missing:
        read = Programme.objects.for_listing().in_bulk(missing)
        if len(read) != len(missing):
            return None
        programmes = [read[pk] for pk in missing]
        drawn = cards(programmes)
        keep_stamped(programmes, drawn, catalogue)
        found |= {keys[skeleton.ids.index(pk)]: card for pk, card in zip(missing, drawn, strict=True)}
    page = skeleton.before + CARD_SEPARATOR.join(found[key] for key in keys) + skeleton.after
    response = HttpResponse(page, content_type=skeleton.content_type)
    # The programmes whose texts the page shows: its cards' and their parents' (``programmes.kept_pages``).
    response.programmes_read = {*skeleton.ids, *parents}
    return response


def keeping_skeleton(key: str, programmes: list[Programme], catalogue: str) -> Callable[[TemplateResponse], None]:
    """A post-render callback of the page drawn with ``CARDS_SLOT``: keeps its skeleton and its
    cards under their stamped keys, then puts the cards in the answer."""

    def keep(response: TemplateResponse) -> None:
        content = response.content.decode()
        drawn = cards(programmes)
        if response.status_code == 200 and content.count(CARDS_SLOT) == 1:
            before, _, after = content.partition(CARDS_SLOT)
            ids = tuple(programme.pk for programme in programmes)
            caches["fragments"].set(key, Skeleton(before, after, ids, response["Content-Type"]), KEPT_SECONDS)
            keep_stamped(programmes, drawn, catalogue)
        # Each card was drawn by its template, which escaped what it holds.
        response.content = content.replace(CARDS_SLOT, CARD_SEPARATOR.join(drawn))

    return keep
