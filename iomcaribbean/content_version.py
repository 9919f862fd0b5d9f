"""The content version: one number that moves on when, and only when, public content changes.

Every ETag, Last-Modified and kept page of the public site is made from it
(``iomcaribbean.caching``), so it must move on for every edit a visitor could see, and for
nothing else: a version that moved on for a save of an unpublished programme or of a donor
account would let anyone watching a public page's validators see when staff edit private records.

A save, delete or many-to-many change of a record of the public apps (``settings.PUBLIC_APPS``)
moves it on when the record is shown on a public page before or after the change
(``iomcaribbean.public_records``): the state
before is read in ``pre_save``/``pre_delete`` (one query), the state after in ``post_save``.
Saves without signals (``queryset.update()``, ``bulk_create``) move nothing: their callers move
the version themselves (``bump_content_version``, ``one_content_change``), which sends
``content_changed`` so that what is derived from the content (the search documents) can catch up
with such writes too. The same row holds the catalogue version (``iomcaribbean.catalogue``),
which every change moves too but a programme's edit of texts only.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError, connections, router, transaction
from django.db.models import F, Model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import Signal
from django.utils import timezone

from iomcaribbean import catalogue
from iomcaribbean.public_records import NEVER, public_condition

# Set on an instance by pre_save/pre_delete: whether the public saw it before the change.
_SHOWN_BEFORE = "_content_version_shown_before"


class Version(NamedTuple):
    number: int
    changed_at: datetime.datetime
    # The catalogue version (``iomcaribbean.catalogue``): moves with ``number`` but for edits of texts only.
    catalogue: int
    catalogue_changed_at: datetime.datetime
    # The records reworded since the catalogue moved, as stored (``ContentVersion.reworded``).
    reworded: str = ""

    def reworded_since(self, number: int) -> dict[str, frozenset[int]] | None:
        """The records reworded after version ``number``, by model label, when that is all that changed
        since: None where something else did (the catalogue moved, or more rewordings than are kept).

        Exact, whatever the order in which transactions commit: each move of the number takes the
        version's row lock, and a rewording is written in the same move (``_move_version``).
        """
        if number > self.number:
            return None  # a database restored to an earlier state
        found: dict[str, set[int]] = {}
        moves = 0
        for entry in self.reworded.split():
            moved, label, pk = entry.split(":")
            if int(moved) > number:
                moves += 1
                found.setdefault(label, set()).add(int(pk))
        if moves != self.number - number:
            return None
        return {label: frozenset(pks) for label, pks in found.items()}

    @property
    def catalogue_key(self) -> str:
        """The catalogue version as cache keys hold it: its number and when it moved, so that a
        database restored to an earlier number does not find what was kept of other content."""
        return f"{self.catalogue}.{int(self.catalogue_changed_at.timestamp() * 1_000_000)}"


def content_version() -> Version:
    """The current version number, when it last moved, and the catalogue's number (one query).

    Every page a visitor not signed in asks for runs this query, often as the only one: plain SQL
    saves the ORM's query compilation, which costs more than the query itself.
    """
    model = apps.get_model("iomcaribbean", "ContentVersion")
    connection = connections[router.db_for_read(model)]
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL.format(table=connection.ops.quote_name(model._meta.db_table)))
        row = cursor.fetchone()
    if row is None:
        start = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
        return Version(0, start, 0, start)
    number, changed_at, catalogue_number, catalogue_changed_at, reworded = row
    return Version(
        number, _aware(model, changed_at), catalogue_number, _aware(model, catalogue_changed_at), reworded or ""
    )


def _aware(model: type[Model], moment: Any) -> datetime.datetime:
    # SQLite hands back text; PostgreSQL an aware datetime.
    moment = model._meta.get_field("changed_at").to_python(moment)
    return timezone.make_aware(moment, datetime.UTC) if timezone.is_naive(moment) else moment


_VERSION_SQL = "SELECT number, changed_at, catalogue_number, catalogue_changed_at, reworded FROM {table} WHERE id = 1"


# Sent, without arguments, by ``bump_content_version()``: its callers changed content through
# writes that may have sent no signal, so what is derived from the content (the search
# documents) catches up here. A save's own move of the version sends nothing more: its signals
# have told already.
content_changed = Signal()


def bump_content_version() -> None:
    """Move the version on: every cached page and every ETag handed out so far is stale."""
    _move_version()
    content_changed.send(sender=apps.get_model("iomcaribbean", "ContentVersion"))


# Rewordings the version's row remembers: pages kept through rewordings (``programmes.kept_pages``)
# read them to tell whether one of theirs was reworded; after more, such a page is drawn again.
REWORDINGS_KEPT = 64


def _move_version(*, reworded: str | None = None) -> None:
    """The content version moved on; the catalogue's with it unless ``reworded`` names the record
    ("app_label.model:pk", ``catalogue.rewording``) whose texts alone changed, which is then remembered
    with the new number."""
    model = apps.get_model("iomcaribbean", "ContentVersion")
    now = timezone.now()
    moves = {"number": F("number") + 1, "changed_at": now}
    if reworded is None:
        moves |= {"catalogue_number": F("catalogue_number") + 1, "catalogue_changed_at": now, "reworded": ""}
    with transaction.atomic(using=router.db_for_write(model), savepoint=False):
        # The UPDATE takes the row's lock until the commit: the number read next is this move's own.
        if not model.objects.filter(pk=1).update(**moves):
            first = {"number": 1, "changed_at": now, "catalogue_number": 1, "catalogue_changed_at": now}
            model.objects.update_or_create(pk=1, defaults=first | {"reworded": ""})
            return
        if reworded is not None:
            number, entries = model.objects.filter(pk=1).values_list("number", "reworded").get()
            entry = f"{number}:{reworded}"
            model.objects.filter(pk=1).update(reworded=" ".join([*entries.split(), entry][-REWORDINGS_KEPT:]))


# Inside ``one_content_change()``: a list that records whether anything changed, else None.
_changes_held: contextvars.ContextVar[list[bool] | None] = contextvars.ContextVar("content_changes_held", default=None)


@contextlib.contextmanager
def one_content_change() -> Iterator[None]:
    """Move the version on once for the many saves inside, on the way out, if any was public.

    For imports that save hundreds of records in one transaction: one UPDATE instead of one per
    record, and the version's row is locked (against other editors' saves) only at the end.
    """
    if _changes_held.get() is not None:  # already inside one: the outer one moves it on
        yield
        return
    held: list[bool] = []
    token = _changes_held.set(held)
    try:
        yield
    except BaseException:
        _changes_held.reset(token)
        if held:
            # The saves may still be committed by whoever catches this; a broken transaction
            # (its own error is the one to report) rolls them back, and the move with them.
            with contextlib.suppress(DatabaseError):
                bump_content_version()
        raise
    _changes_held.reset(token)
    if held:
        bump_content_version()


def _content_changed(*, reworded: str | None = None) -> None:
    held = _changes_held.get()
    if held is None:
        _move_version(reworded=reworded)
    elif not held:  # one_content_change() moves both on at its end
        held.append(True)


def _change_pending() -> bool:
    """Inside ``one_content_change()`` with a public change seen already: nothing more to ask."""
    return bool(_changes_held.get())


def is_watched(sender: type[Model]) -> bool:
    """A model of the public apps whose changes move the versions (this one and the records version)."""
    meta = sender._meta
    return (
        meta.app_label in settings.PUBLIC_APPS
        # Models of a migration's historical state: the version's table may not exist yet.
        and meta.apps is apps
        # django-simple-history's copies change together with the records they copy.
        and not hasattr(sender, "instance_type")
    )


def is_shown(model: type[Model], pks: Iterable[Any]) -> bool:
    """Whether the public sees any of these records of ``model`` now (one query, none if never)."""
    condition = public_condition(model)
    if condition is NEVER:
        return False
    if not condition:  # every record of the model is public, and these are being saved or deleted
        return True
    return model._default_manager.filter(condition, pk__in=list(pks)).exists()


def _before_change(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if not is_watched(sender) or raw or _change_pending():
        return
    existing = instance.pk is not None and not instance._state.adding
    setattr(instance, _SHOWN_BEFORE, existing and is_shown(sender, [instance.pk]))
    if existing and kwargs.get("signal") is pre_save:
        catalogue.remember_stored(sender, instance)


def _after_save(
    sender: type[Model], instance: Model, raw: bool = False, update_fields: Any = None, **kwargs: Any
) -> None:
    if not is_watched(sender):
        return
    shown_before = instance.__dict__.pop(_SHOWN_BEFORE, False)
    texts_only = catalogue.texts_only_changed(instance, update_fields)  # always: it forgets what was stored
    # A fixture's rows (raw) are loaded as they are: whatever they are, the version moves on.
    if raw:
        _content_changed()
    elif not _change_pending() and (shown_before or is_shown(sender, [instance.pk])):
        created = kwargs.get("created", False)
        _content_changed(reworded=catalogue.rewording(instance, texts_only=texts_only, created=created))


def _after_delete(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    if is_watched(sender) and instance.__dict__.pop(_SHOWN_BEFORE, False):
        _content_changed(reworded=catalogue.deletion_rewording(instance))


def _on_m2m_changed(
    sender: type[Model], instance: Model, action: str, reverse: bool, model: type[Model], pk_set: set | None, **kwargs
) -> None:
    """A link added or removed shows on public pages if the record holding the field is public.

    Links do not change whether that record is public, so its state after the change is its
    state before. Clearing a record's links from the other side (``area.programmes.clear()``)
    names no records: the version moves on unless the holder can never be public.
    """
    if not action.startswith("post_") or not is_watched(sender) or _change_pending():
        return
    if not reverse:
        shown = is_shown(type(instance), [instance.pk])
    elif pk_set is not None:
        shown = is_shown(model, pk_set)
    else:
        shown = public_condition(model) is not NEVER
    if shown:
        _content_changed()


def connect_signals() -> None:
    """Called once from ``IomcaribbeanConfig.ready``."""
    pre_save.connect(_before_change, dispatch_uid="iomcaribbean.content_version.pre_save")
    pre_delete.connect(_before_change, dispatch_uid="iomcaribbean.content_version.pre_delete")
    post_save.connect(_after_save, dispatch_uid="iomcaribbean.content_version.save")
    post_delete.connect(_after_delete, dispatch_uid="iomcaribbean.content_version.delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="iomcaribbean.content_version.m2m")
