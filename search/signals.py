"""Keeping the search documents current: every write that changes what a document holds rewrites it.

- A save of a programme, or a save or delete of a component, a participation, a grant or a
  country link, rewrites that programme's document (and the one it moved from, if it moved);
  adding or removing countries through ``programme.countries`` too.
- Renaming an organisation or a country rewrites the documents of the programmes naming it.
- Writes that send no signal (``bulk_create``, as ``funding.demo`` makes programmes) are caught
  up when their caller moves the content version on, as it must (``iomcaribbean.content_version``):
  every programme without a document then gets one.
- Data migrations write through models that send no signal either: after a ``migrate`` that
  applied migrations of the portal's apps, every document is written again.

``manage.py rebuild_search`` writes them all again at any time (after a ``queryset.update()`` of
a searched text, say).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save, pre_save

from funding.models import Grant
from iomcaribbean.content_version import content_changed
from partners.models import Organisation, Participation
from programmes.models import Component, Country, Programme, ProgrammeCountry
from search.documents import PROGRAMME_FIELDS, in_every_language, write_documents

# Records hanging off one programme, whose words are in its document.
CHILDREN = (Component, Participation, Grant, ProgrammeCountry)
# Records whose names are in the documents of the programmes linked to them: the fields named,
# and the links (relation, and its field to the programme).
NAMED: dict[type[Model], tuple[list[str], tuple[tuple[str, str], ...]]] = {
    Organisation: (in_every_language("name", "acronym"), (("participations", "programme"), ("grants", "programme"))),
    Country: (in_every_language("name", "also_known_as"), (("programme_links", "programme"),)),
}
# Migrations whose data the documents are made of.
SOURCE_APPS = frozenset({"programmes", "partners", "funding", "search"})
# Set by pre_save on a record whose searched fields the save changes: their stored values.
_STORED = "_search_stored"


def _touches(update_fields: Collection[str] | None, searched: Collection[str]) -> bool:
    """Whether a save writes a searched field (``title`` or a language column such as ``title_es``)."""
    if update_fields is None:
        return True
    return any(field.rsplit("_", 1)[0] in searched or field in searched for field in update_fields)


def _remember_changes(instance: Model, fields: list[str], using: str) -> None:
    """Keep on ``instance`` the stored values of ``fields`` if the save changes any (one query)."""
    if instance._state.adding or instance.pk is None:
        return
    stored = type(instance)._base_manager.using(using).filter(pk=instance.pk).values_list(*fields).first()
    if stored is not None and stored != tuple(getattr(instance, field) for field in fields):
        setattr(instance, _STORED, dict(zip(fields, stored, strict=True)))


def _programme_saved(sender: type[Model], instance: Programme, raw: bool = False, **kwargs: Any) -> None:
    if not raw and _touches(kwargs.get("update_fields"), PROGRAMME_FIELDS):
        write_documents([instance.pk], using=kwargs.get("using") or DEFAULT_DB_ALIAS)


def _child_saving(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        _remember_changes(instance, ["programme_id"], kwargs.get("using") or DEFAULT_DB_ALIAS)


def _child_saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    # The programme it belongs to, and the one it left if it moved.
    moved_from = instance.__dict__.pop(_STORED, {}).get("programme_id")
    if not raw:
        write_documents({instance.programme_id, moved_from} - {None}, using=kwargs.get("using") or DEFAULT_DB_ALIAS)


def _child_deleted(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    # existing_only: when the programme itself is being deleted, its document may be gone already.
    write_documents([instance.programme_id], using=kwargs.get("using") or DEFAULT_DB_ALIAS, existing_only=True)


def _named_saving(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    # Compared first: rewriting the documents of every programme an organisation such as IOM
    # takes part in is worth it only when its name changes, not for each edit of its description.
    if not raw:
        _remember_changes(instance, NAMED[sender][0], kwargs.get("using") or DEFAULT_DB_ALIAS)


def _named_saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: Any) -> None:
    if instance.__dict__.pop(_STORED, None) is None or raw:
        return
    using = kwargs.get("using") or DEFAULT_DB_ALIAS
    ids: set[int] = set()
    for relation, programme in NAMED[sender][1]:
        ids.update(getattr(instance, relation).using(using).values_list(f"{programme}_id", flat=True))
    write_documents(ids, using=using)


def _countries_changed(
    sender: type[Model], instance: Model, action: str, reverse: bool, pk_set: set | None, using: str, **kwargs: Any
) -> None:
    """``programme.countries.add()``, ``country.programmes.remove()`` and the like (no save signal)."""
    if reverse and action == "pre_clear":
        # Which programmes the country leaves, read before they are gone.
        instance._search_cleared = set(instance.programme_links.values_list("programme_id", flat=True))
    if not action.startswith("post_"):
        return
    if not reverse:
        ids = {instance.pk}
    else:
        ids = pk_set if pk_set is not None else instance.__dict__.pop("_search_cleared", set())
    write_documents(ids, using=using)


def _catch_up(sender: Any, **kwargs: Any) -> None:
    """Documents for the programmes that have none: made by writes that send no signal."""
    missing = Programme.objects.filter(search_document__isnull=True).values_list("pk", flat=True)
    write_documents(list(missing))


def _after_migrate(sender: Any, plan: list | None = None, apps: Any = None, using: str = DEFAULT_DB_ALIAS, **_) -> None:
    """After migrations of the portal's apps (a data migration may have changed any text), write
    every document again, through the models of the state the migrations left."""
    applied = [migration for migration, backwards in plan or () if not backwards]
    if not any(migration.app_label in SOURCE_APPS for migration in applied):
        return
    apps = apps or global_apps
    try:
        apps.get_model("search", "SearchDocument")
    except LookupError:  # the search's own tables are not there (yet, or any more)
        return
    write_documents(using=using, apps=apps)


def connect_signals() -> None:
    """Called once from ``SearchConfig.ready``."""
    post_save.connect(_programme_saved, sender=Programme, dispatch_uid="search.programme_saved")
    for model in CHILDREN:
        name = model._meta.label_lower
        pre_save.connect(_child_saving, sender=model, dispatch_uid=f"search.{name}.saving")
        post_save.connect(_child_saved, sender=model, dispatch_uid=f"search.{name}.saved")
        post_delete.connect(_child_deleted, sender=model, dispatch_uid=f"search.{name}.deleted")
    for model in NAMED:
        name = model._meta.label_lower
        pre_save.connect(_named_saving, sender=model, dispatch_uid=f"search.{name}.naming")
        post_save.connect(_named_saved, sender=model, dispatch_uid=f"search.{name}.named")
    m2m_changed.connect(_countries_changed, sender=Programme.countries.through, dispatch_uid="search.countries")
    content_changed.connect(_catch_up, dispatch_uid="search.catch_up")
    post_migrate.connect(_after_migrate, sender=global_apps.get_app_config("search"), dispatch_uid="search.migrated")
