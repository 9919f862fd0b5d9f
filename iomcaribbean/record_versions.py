"""Versions of a record as staff edit it: snapshots of its stored values, and who changed what since.

A snapshot holds the values of the fields a form writes (the record's, and those of the rows of its
inlines), as JSON carries them, so that an admin form can carry the one it was opened on, signed,
and compare it with the rows as they are when it is saved (``iomcaribbean.admin_conflicts``). The
history (django-simple-history) then says who saved in between, and tells the IATI import whose
admin edits it replaces.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.core import signing
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format

# A form opened before the module moved here carries the old salt: it is refused once, with nothing lost.
SALT = "iomcaribbean.record_versions"
IMPORT_REASON = "IATI import"  # the change reason of every history record the IATI import writes

Values = dict[str, Any]


def plain(field: models.Field, value: Any) -> Any:
    """``value`` of ``field`` as JSON carries it, the same whether the database or a form gave it."""
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | tuple):  # the choice of a many-to-many field
        return sorted(item.pk if isinstance(item, models.Model) else item for item in value)
    if isinstance(value, Decimal) and isinstance(field, models.DecimalField) and value.is_finite():
        value = value.quantize(Decimal(1).scaleb(-field.decimal_places))  # "12.5" from a form is 12.50 stored
    if isinstance(value, str):
        # Browsers send a text area's lines with CRLF; an empty text is no value, whether "" or NULL.
        return value.replace("\r\n", "\n").strip() or None
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def stored(field: models.Field, obj: models.Model) -> Any:
    if field.many_to_many:
        return sorted(getattr(obj, field.name).values_list("pk", flat=True))
    return plain(field, field.value_from_object(obj))


def written_fields(model: type[models.Model], names: Iterable[str], skip: Iterable[str] = ()) -> list[str]:
    """The names among ``names`` (a form's fields) that are the model's own fields, but the key and ``skip``."""
    written = []
    for name in names:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:  # a form's own field, such as "publish anyway"
            continue
        if isinstance(field, models.Field) and not field.primary_key and name not in skip:
            written.append(name)
    return written


def label(model: type[models.Model]) -> str:
    return model._meta.label_lower


@dataclass
class Rows:
    """An inline: the rows of ``model`` whose ``fk`` is the record, and the fields its form writes."""

    name: str  # as the inline calls them: "countries", "phases"
    model: str
    fk: str
    fields: list[str]

    def read(self, parent_pk: Any, lock: bool = False) -> dict[str, Values]:
        model = apps.get_model(self.model)
        rows = model._base_manager.filter(**{self.fk: parent_pk}).order_by("pk")
        if lock:
            rows = rows.select_for_update(no_key=True)
        return {str(row.pk): {name: stored(model._meta.get_field(name), row) for name in self.fields} for row in rows}


def snapshot(model: type[models.Model], pk: Any, fields: list[str], inlines: list[Rows], lock: bool = False) -> dict:
    """The stored values of a record's ``fields`` and of its inlines' rows, read now (and locked if asked)."""
    record = model._base_manager.get(pk=pk)
    return {
        "record": [label(model), str(pk)],
        "taken": timezone.now().isoformat(),
        "fields": {name: stored(model._meta.get_field(name), record) for name in fields},
        "inlines": [{**vars(rows), "rows": rows.read(pk, lock)} for rows in inlines],
    }


def sign(version: dict) -> str:
    return signing.dumps(version, salt=SALT, compress=True)


def unsign(token: str) -> dict | None:
    """The snapshot a form carried, or None if it carried none or one not signed by the portal."""
    try:
        return signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None


def inlines_of(version: dict) -> list[Rows]:
    return [Rows(**{key: value for key, value in rows.items() if key != "rows"}) for rows in version["inlines"]]


# Who saved since ---------------------------------------------------------------------------------


def history_of(model: type[models.Model]) -> models.Manager | None:
    attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, attribute) if attribute else None


def author(record: models.Model) -> str:
    user = record.history_user
    name = (user.get_full_name() or user.get_username()) if user else ""
    if record.history_change_reason == IMPORT_REASON:
        return f"the IATI import{f' by {name}' if name else ''}"
    return name or "a script"


def saved_since(version: dict) -> list[str]:
    """Who saved the record or its inlines' rows after the snapshot was taken, with when, oldest first."""
    since = datetime.datetime.fromisoformat(version["taken"])
    model_label, pk = version["record"]
    model = apps.get_model(model_label)
    sources = [(model, {model._meta.pk.attname: pk})]
    sources += [
        (apps.get_model(rows["model"]), {apps.get_model(rows["model"])._meta.get_field(rows["fk"]).attname: pk})
        for rows in version["inlines"]
    ]
    latest: dict[str, datetime.datetime] = {}
    for source, condition in sources:
        if (history := history_of(source)) is None:
            continue
        for record in history.filter(**condition, history_date__gt=since).select_related("history_user"):
            who = author(record)
            latest[who] = max(latest.get(who, record.history_date), record.history_date)
    return [
        f"{who} ({date_format(timezone.localtime(when), 'j F Y, H:i')})"
        for who, when in sorted(latest.items(), key=lambda item: item[1])
    ]


def edits_since_import(obj: models.Model, names: Iterable[str]) -> tuple[list[str], list[str]]:
    """Of the fields ``names``, those staff changed since ``obj`` was last imported; and who changed them.

    Staff's saves are the history records with a user and without the import's reason; the
    records of scripts and migrations have no user. A record staff added counts as wholly theirs.
    """
    history = history_of(type(obj))
    wanted = {obj._meta.get_field(name).name for name in names}  # "project_type_id" is "project_type"
    if history is None or not wanted or obj.pk is None:
        return [], []
    edited: set[str] = set()
    people: set[str] = set()
    for record in history.filter(**{obj._meta.pk.attname: obj.pk}).select_related("history_user"):
        if record.history_change_reason == IMPORT_REASON:
            break  # newest first: everything older was replaced by that import already
        if record.history_user is None:
            continue
        previous = record.prev_record
        if previous is None:
            changed = wanted
        else:
            changed = set(record.diff_against(previous, included_fields=list(wanted)).changed_fields)
        if changed:
            edited |= changed
            people.add(author(record))
    ordered = [field.name for field in obj._meta.fields if field.name in edited]
    return ordered, sorted(people)
