"""Programme cards kept one by one, so that a list rendered afresh renders only the cards that changed.

Any public edit moves the content version and makes every kept page stale (``iomcaribbean.caching``),
but a list page holds twenty cards and an edit changes one at most. Each card is kept under a key
made of everything it shows: the rows of the programme, its parent, its project type, each link to
a country where it works with that country, and each of its thematic areas, as
``Programme.objects.for_listing()`` reads them; with the page's language and the version of the
code that renders it (the card's templates, the compiled translations and the modules that format
its dates and pick its texts' language). An edit of any of these records (a title, a translation,
a country's or an area's name, a country or an area added or removed) makes a new key, so that
card is rendered afresh; an unpublished programme is not in the list at all. (A list page kept as
a skeleton finds its cards by another key, without reading the programmes: ``programmes.kept_lists``.)

Nothing is ever invalidated and a stale card cannot be found; cards no longer shown expire after
a day. They are kept in the cache ``fragments`` (``settings.CACHES``).
"""

from __future__ import annotations

import functools
import hashlib
import inspect
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.core.cache import caches
from django.db.models import Model
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from iomcaribbean.catalogue import KEPT_SECONDS
from iomcaribbean.code_digest import code_digest
from programmes.models import Programme, format_partial_date
from programmes.templatetags import languages

CARD = "includes/programme_card.html"
# What renders a card besides its records: the templates it includes and the Python they call.
CARD_TEMPLATES = (CARD, "includes/status_and_period_tags.html", "includes/estimate_mark.html")
CARD_CODE = (Programme, format_partial_date, languages)
KEY_PREFIX = "programme-card"


@functools.cache
def code_version() -> str:
    """A digest of the code a card is rendered with, read once per process."""
    files = [Path(get_template(name).origin.name) for name in CARD_TEMPLATES]
    return code_digest(files + [Path(inspect.getsourcefile(code)) for code in CARD_CODE])


def row(record: Model | None) -> tuple[Any, ...] | None:
    """Every column of ``record`` as read (every language of its texts)."""
    if record is None:
        return None
    return (type(record).__name__, *(record.__dict__.get(field.attname) for field in record._meta.concrete_fields))


def card_key(programme: Programme, language: str) -> str:
    """The key of the programme's card: its id, and a digest of every record the card shows."""
    records = [programme, programme.parent, programme.project_type]
    for link in programme.working_links:
        records += [link, link.country]
    records += programme.thematic_areas.all()
    shown = hashlib.sha256(repr([row(record) for record in records]).encode()).hexdigest()[:32]
    return f"{KEY_PREFIX}:{code_version()}:{language}:{programme.pk}:{shown}"


def cards(programmes: Iterable[Programme]) -> list[str]:
    """Each programme's card (``includes/programme_card.html``), in order: those kept read in one
    call to the cache, the others rendered and kept. Needs programmes read through ``for_listing()``."""
    programmes = list(programmes)
    language = get_language()
    keys = [card_key(programme, language) for programme in programmes]
    kept = caches["fragments"]
    found = kept.get_many(keys)
    rendered = {}
    for programme, key in zip(programmes, keys, strict=True):
        if key not in found:
            found[key] = rendered[key] = get_template(CARD).render({"programme": programme})
    kept.set_many(rendered, KEPT_SECONDS)
    return [found[key] for key in keys]


def cards_html(programmes: Iterable[Programme]) -> SafeString:
    # Each card was rendered by the template, which escaped what it holds.
    return mark_safe(CARD_SEPARATOR.join(cards(programmes)))


CARD_SEPARATOR = "\n"
