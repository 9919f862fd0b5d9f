"""Which kept activities (``iati.kept_activities``) a write makes stale: every one that reads what it changed.

What an activity reads is what ``iati.writer.export_queryset`` fetches with its programme, so the
records to watch, and how each reaches the activities that read it, are taken from its
``select_related`` and prefetch lookups rather than listed again here: a lookup the writer adds is
watched from then on. Each lookup is a path from a programme to the records it reads
(``grants__transactions``, ``participations__organisation``, ``phases``), so the programmes that
read a record are those with the record at the end of one of those paths: ``Programme.objects.filter
(grants__transactions=transaction)``. The paths that lead back to programmes (``parent``,
``phases``, ``related_activities__related_programme``) make a programme's save reach its parent,
its phases and the programmes relating to it, whose activities name it or leave it out.

- A save is asked before (the records it read until now; a grant moved to another programme) and
  after; a delete before, while its links are still there.
- A programme's save reaches its phases at every depth too: publishing or withdrawing one settles
  ``is_public`` below it without signals (``programmes.models.publication.settle_public``), which
  decides whether they are in the file, and in their relatives' activities.
- Writes that send no signal move the content version on (``content_changed``), and data
  migrations may change anything: both make every kept activity stale.
- While nothing is kept (a new database, until the file or an activity is first asked for), a
  write asks nothing more than that: there is nothing to make stale. A build that keeps its first
  activity between a save's before and after makes every kept activity stale at the after.

The generation of each stale activity moves on inside the writer's transaction: the rows locked
until it commits, a build that read the record before the change cannot store its activity as
current (``iati.kept_activities`` stores a build only under the generation it read first). A
link added or removed through a many-to-many field (``programme.countries``) sends no save
signal: the programmes on its side are asked, with their relatives.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS
from django.db.models import F, Model, Prefetch, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_delete, pre_save

from iati.models import KeptActivity
from iati.rewrite_on_commit import rewrite_on_commit
from iati.writer import export_queryset
from iomcaribbean.content_version import content_changed
from programmes.models import Programme

# Set by pre_save/pre_delete on an instance: the programmes whose activities read it before the change,
# or NOT_ASKED while nothing was kept.
_READ_BEFORE = "_iati_read_before"
NOT_ASKED = None


def _lookups(queryset: QuerySet, prefix: str = "") -> Iterator[str]:
    """Every path, from the queryset's model, that its select_related and prefetches follow."""
    yield from _selected(queryset.query.select_related, prefix)
    for lookup in queryset._prefetch_related_lookups:
        path = lookup.prefetch_to if isinstance(lookup, Prefetch) else lookup
        yield prefix + path
        inner = lookup.queryset if isinstance(lookup, Prefetch) else None
        if inner is not None:
            yield from _lookups(inner, f"{prefix}{path}__")


def _selected(select_related: dict | bool, prefix: str) -> Iterator[str]:
    if isinstance(select_related, dict):
        for name, below in select_related.items():
            yield prefix + name
            yield from _selected(below, f"{prefix}{name}__")


@cache
def read_paths() -> dict[type[Model], tuple[str, ...]]:
    """Each model an activity reads, with the paths from a programme to its records."""
    paths: dict[type[Model], set[str]] = {Programme: {"pk"}}
    for lookup in _lookups(export_queryset()):
        model, steps = Programme, lookup.split("__")
        for depth, step in enumerate(steps, start=1):
            model = model._meta.get_field(step).related_model
            paths.setdefault(model, set()).add("__".join(steps[:depth]))
    return {model: tuple(sorted(found)) for model, found in paths.items()}


def reading_programmes(model: type[Model], pks: Iterable[Any], using: str = DEFAULT_DB_ALIAS) -> set[int]:
    """The programmes whose activities read these records of ``model`` now (a query per path:
    each a join on an index, where one query of them all joined would scan)."""
    pks = list(pks)
    if model is Programme:
        pks += _phases_below(pks, using)
    programmes = Programme._base_manager.using(using)
    found: set[int] = set()
    for path in read_paths()[model]:
        found.update(programmes.filter(**{f"{path}__in": pks}).values_list("pk", flat=True))
    return found


def _phases_below(pks: list[Any], using: str) -> list[Any]:
    """The phases of these programmes, their phases, and so on (one query per level)."""
    found: list[Any] = []
    level = set(pks)
    while level:
        level = set(Programme._base_manager.using(using).filter(parent__in=level).values_list("pk", flat=True))
        level -= set(found) | set(pks)  # a loop of parents ends here
        found += level
    return found


def mark_stale(programme_pks: Iterable[int] | None, using: str = DEFAULT_DB_ALIAS) -> None:
    """Move on the generation of these programmes' kept activities (all of them with None), and have
    them written again when the change commits, if they are few (``iati.rewrite_on_commit``).

    A programme without a row has nothing kept: a build inserts its row before reading anything
    (``iati.kept_activities``), so this change either comes before that read or moves it on.
    """
    rows = KeptActivity.objects.using(using)
    if programme_pks is not None:
        programme_pks = set(programme_pks)
        if not programme_pks:
            return
        rows = rows.filter(programme__in=programme_pks)
    if rows.update(generation=F("generation") + 1):
        rewrite_on_commit(programme_pks, using)


def _is_read(model: type[Model]) -> bool:
    return model in read_paths()


def _anything_kept(using: str) -> bool:
    return KeptActivity.objects.using(using).exists()


def _before_change(sender: type[Model], instance: Model, raw: bool = False, using: str = DEFAULT_DB_ALIAS, **_) -> None:
    if _is_read(sender) and not raw and instance.pk is not None and not instance._state.adding:
        read = reading_programmes(sender, [instance.pk], using) if _anything_kept(using) else NOT_ASKED
        setattr(instance, _READ_BEFORE, read)


def _after_save(
    sender: type[Model],
    instance: Model,
    created: bool = False,
    raw: bool = False,
    using: str = DEFAULT_DB_ALIAS,
    **_,
) -> None:
    if not _is_read(sender):
        return
    read_before = instance.__dict__.pop(_READ_BEFORE, NOT_ASKED)
    # Asked before: something was kept then, and still is (a kept row goes only with its programme).
    if read_before is NOT_ASKED and not _anything_kept(using):
        return
    if raw or (read_before is NOT_ASKED and not created):  # a fixture's rows, or kept since the before
        mark_stale(None, using)
        return
    mark_stale((read_before or set()) | reading_programmes(sender, [instance.pk], using), using)


def _after_delete(sender: type[Model], instance: Model, using: str = DEFAULT_DB_ALIAS, **_) -> None:
    if not _is_read(sender):
        return
    read_before = instance.__dict__.pop(_READ_BEFORE, NOT_ASKED)
    if read_before is not NOT_ASKED:
        mark_stale(read_before, using)
    elif _anything_kept(using):  # kept since the before: not worked out
        mark_stale(None, using)


def _links_changed(
    sender: type[Model], instance: Model, action: str, model: type[Model], pk_set: set | None, using: str, **_
) -> None:
    """``programme.countries.add()`` and the like: a link table the activity reads, without save signals."""
    if not _is_read(sender) or action not in ("pre_clear", "post_add", "post_remove", "post_clear"):
        return
    if not _anything_kept(using):
        return
    if isinstance(instance, Programme):
        stale = reading_programmes(Programme, [instance.pk], using)
    elif model is Programme and pk_set is not None:
        stale = reading_programmes(Programme, pk_set, using)
    else:  # cleared from the other side: the programmes reading it, asked before the clear
        stale = reading_programmes(type(instance), [instance.pk], using)
    mark_stale(stale, using)


def _everything_changed(sender: Any, using: str = DEFAULT_DB_ALIAS, **_) -> None:
    mark_stale(None, using)


def _after_migrate(sender: Any, plan: list | None = None, apps: Any = None, using: str = DEFAULT_DB_ALIAS, **_) -> None:
    """A data migration may have changed anything an activity reads, through models that send no signal."""
    if any(not backwards for _migration, backwards in plan or ()) and apps is not None:
        try:
            kept = apps.get_model("iati", "KeptActivity")
        except LookupError:  # its table is not there (yet, or any more)
            return
        kept.objects.using(using).update(generation=F("generation") + 1)


RECEIVERS = (
    (pre_save, _before_change),
    (pre_delete, _before_change),
    (post_save, _after_save),
    (post_delete, _after_delete),
    (m2m_changed, _links_changed),
    (content_changed, _everything_changed),
    (post_migrate, _after_migrate),
)


def connect_signals() -> None:
    """Called once from ``IatiConfig.ready``."""
    for number, (signal, receiver) in enumerate(RECEIVERS):
        signal.connect(receiver, dispatch_uid=f"iati.activity_changes.{number}")
