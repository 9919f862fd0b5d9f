"""The catalogue version: a number that moves with the content version, except for an edit of texts only.

The catalogue is what the public pages' summaries of many programmes read: which programmes are
published, how each is coded (status, coverage, type, dates, parent) and what it links to
(countries, thematic areas, funders, partners), with the names of what it links to: the list's
filter options, the counts of programmes per country and per area, a funder's totals. A staff
member who rewords a programme's title or narrative changes none of it, so what is kept under
this number (``kept``) outlives that edit, while the pages kept under the content version do not.
A page that shows programmes' texts may be kept under it too, with when each of those programmes
was saved (``updated_at``), which their rewording moves.

A model says which of its fields are texts the catalogue never reads with a class attribute:

    catalogue_ignores = ("title", "summary", ...)

(each translated field's columns in every language follow it). A model the catalogue never reads
at all, but for the record it belongs to, says which that is instead (an update, its programme):

    catalogue_rewords = "programme"    # or a path: "update__programme"

and every public change of it, a new record and a delete included, but a move to another record,
counts as a rewording of that record. A save of such a model whose
other fields hold what was stored before, and which writes when it was saved (``updated_at``),
leaves the catalogue as it was
(``iomcaribbean.content_version`` reads the stored values before the save, one query); every
other change to public content moves both numbers: any other model's save, a delete, a change
of links, a write without signals (``bump_content_version``). When in doubt it moves.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any, TypeVar

from django.core.cache import caches
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import CharField, Field, Model, TextField
from django.http import HttpRequest, QueryDict
from django.utils import timezone
from django.utils.translation import get_language

from iomcaribbean.public_routes import query_key

T = TypeVar("T")
# The longest anything is kept in a cache (pages, fragments, what is kept under a version): keys
# hold a version and the date, so an entry is never asked for again after a day.
KEPT_SECONDS = 24 * 60 * 60

# Set on an instance before its save: its stored values of the fields the catalogue reads.
_STORED = "_catalogue_stored"


@cache
def rewords(model: type[Model]) -> tuple[str, ...] | None:
    """The path (``catalogue_rewords``, as "update__programme") to the record a change of ``model``
    counts as a rewording of; None where the model declares none."""
    path = getattr(model, "catalogue_rewords", "")
    return tuple(path.split("__")) if path else None


@cache
def catalogue_fields(model: type[Model]) -> tuple[Field, ...] | None:
    """The concrete fields of ``model`` the catalogue reads; None if the model ignores none."""
    if path := rewords(model):
        return (model._meta.get_field(path[0]),)  # which record it belongs to, nothing else
    ignored = set(getattr(model, "catalogue_ignores", ()))
    if not ignored:
        return None
    # A translation column (title_es) is ignored with its field (title).
    return tuple(
        field
        for field in model._meta.concrete_fields
        if getattr(field, "translated_field", field).name not in ignored and not field.primary_key
    )


def remember_stored(model: type[Model], instance: Model) -> None:
    """Before a save of an existing record: keep what is stored of the fields the catalogue reads."""
    fields = catalogue_fields(model)
    if fields is None or instance.pk is None or instance._state.adding:
        return
    names = [field.attname for field in fields]
    stored = model._base_manager.using(instance._state.db).filter(pk=instance.pk).values_list(*names).first()
    if stored is not None:
        setattr(instance, _STORED, stored)


def texts_only_changed(instance: Model, update_fields: Iterable[str] | None = None) -> bool:
    """After its save: whether the record holds what was stored before in every field the catalogue
    reads (so only ignored texts can have changed). False when nothing was read before (a new
    record), and for a save of chosen fields that leaves out when it was saved (``auto_now``): what
    is kept of a record's texts is found by that time."""
    stored: tuple[Any, ...] | None = instance.__dict__.pop(_STORED, None)
    if stored is None:
        return False
    if update_fields is not None and not _stamp_names(type(instance)) <= set(update_fields):
        return False
    fields = catalogue_fields(type(instance))
    return all(
        _same(field, getattr(instance, field.attname), before) for field, before in zip(fields, stored, strict=True)
    )


def rewording(instance: Model, *, texts_only: bool, created: bool) -> str | None:
    """After a public save (``texts_only``: as ``texts_only_changed`` said of it): the record it counts
    as a rewording of ("app_label.model:pk"); None where the save moves the catalogue. A model with
    ``catalogue_rewords`` (an update: the catalogue reads nothing of it) counts its new records too,
    as a rewording of the record they belong to, but not a move to another."""
    if texts_only or (created and rewords(type(instance))):
        return reworded_record(instance)
    return None


def deletion_rewording(instance: Model) -> str | None:
    """After a public delete: the record it counts as a rewording of, for a model with
    ``catalogue_rewords``; None (the catalogue moves) for any other, or where that record is gone."""
    return reworded_record(instance) if rewords(type(instance)) else None


def reworded_record(instance: Model) -> str | None:
    """ "app_label.model:pk" of the record a change of ``instance`` counts as a rewording of: itself, or
    the record at the end of its model's ``catalogue_rewords`` path."""
    path = rewords(type(instance))
    if not path:
        return f"{instance._meta.label_lower}:{instance.pk}"
    record = instance
    try:
        for name in path[:-1]:
            record = getattr(record, name)
    except ObjectDoesNotExist:  # deleted with it, in a cascade
        return None
    field = record._meta.get_field(path[-1])
    pk = getattr(record, field.attname)
    return None if pk is None else f"{field.related_model._meta.label_lower}:{pk}"


@cache
def _stamp_names(model: type[Model]) -> frozenset[str]:
    return frozenset(field.name for field in model._meta.concrete_fields if getattr(field, "auto_now", False))


def _same(field: Field, value: Any, stored: Any) -> bool:
    if isinstance(field, CharField | TextField) and not value and not stored:
        return True  # no text, whether a form's "" or a column's NULL
    return field.to_python(value) == stored


def kept(request: HttpRequest | None, name: str, build: Callable[[], T]) -> T:
    """``build()``, kept in the default cache under the request's catalogue version (set by
    ``iomcaribbean.caching``) and language; without a version (a signed-in visitor, who may see
    more), built afresh for each request. Read once per request either way."""
    version = getattr(request, "catalogue_version", None)
    key = f"catalogue:{name}:{version}:{get_language()}"
    read = getattr(request, "_kept_with_catalogue", None)
    if read is None:
        read = {}
        if request is not None:
            request._kept_with_catalogue = read
    if key not in read:
        # A day at most in the cache: after the catalogue's next move the key is never asked for again.
        read[key] = build() if version is None else caches["default"].get_or_set(key, build, timeout=KEPT_SECONDS)
    return read[key]


def page_key(request: HttpRequest, prefix: str, query: QueryDict, representation: str = "") -> str | None:
    """A key for what is kept of a public page under the catalogue version: the version, the date,
    the address (with scheme and host, the language its prefix), ``query``, the parameters the page
    reads, and an API's ``representation`` (``public_routes.representation``); None where nothing is
    kept so (a signed-in visitor, a request other than GET)."""
    version = getattr(request, "catalogue_version", None)
    if version is None or request.method != "GET":
        return None
    parts = (request.scheme, request.get_host(), request.path, query_key(query), get_language(), representation)
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return f"{prefix}:{version}:{timezone.localdate().isoformat()}:{digest}"
