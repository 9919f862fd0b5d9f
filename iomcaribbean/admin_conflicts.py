"""No lost updates in the admin: a change form saved over a newer version of its record is refused.

Every change form carries, in a hidden field, a signed snapshot of the stored values it shows: the
record's fields on the form and the rows of each inline the user may change
(``iomcaribbean.record_versions``). On save, inside the admin's transaction and with the record's
row locked, the snapshot is compared with the rows as they are now. If anyone wrote in between (a
colleague, the IATI import, a script), nothing is saved: the form says who, lists their changes
field by field, takes their values into the fields the editor left alone and keeps the editor's
own input everywhere else, so that the next save, made knowing their change, keeps both.

``EditConflictAdmin`` is mixed into every model admin: the apps' common base, and the staff
accounts' (``iomcaribbean.admin``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.apps import apps
from django.contrib.admin.helpers import InlineAdminFormSet
from django.core.exceptions import ValidationError
from django.db import models, router, transaction
from django.forms.boundfield import BoundField
from django.http import HttpRequest

from iomcaribbean.record_versions import (
    Rows,
    Values,
    inlines_of,
    label,
    plain,
    saved_since,
    sign,
    snapshot,
    unsign,
    written_fields,
)

VERSION_FIELD = "opened_version"
NO_VERSION = (
    "This form does not say which version of the record it was opened on, so saving it could undo "
    "someone else's changes. Nothing was saved: check the form against the record as it is now and save again."
)


@dataclass
class Change:
    name: str
    label: str
    opened: str  # as the editor opened it
    now: str  # as the other person left it
    in_form: str = ""  # whose value the form now holds: "theirs" or "yours"


@dataclass
class RowChange:
    inline: str
    pk: str
    row: str
    what: str  # "changed", "added" or "deleted"
    changes: list[Change] = field(default_factory=list)


@dataclass
class Conflict:
    opened: dict  # the snapshot the form was opened on
    now: dict
    by: list[str]
    fields: list[Change]
    rows: list[RowChange]


def shown(model_field: models.Field, value: Any) -> str:
    """A stored value as staff read it: a related record's name, a choice's label, Yes or No."""
    if value is None or value == []:
        return "(empty)"
    if model_field.many_to_many:
        return ", ".join(sorted(str(obj) for obj in model_field.related_model._base_manager.filter(pk__in=value)))
    if model_field.is_relation:
        related = model_field.related_model._base_manager.filter(**{model_field.target_field.attname: value}).first()
        return str(related) if related is not None else f"(a deleted record, #{value})"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def changes(model: type[models.Model], opened: Values, now: Values) -> list[Change]:
    found = []
    for name in dict.fromkeys([*opened, *now]):
        if opened.get(name) != now.get(name):
            model_field = model._meta.get_field(name)
            before, after = shown(model_field, opened.get(name)), shown(model_field, now.get(name))
            found.append(Change(name, str(model_field.verbose_name), before, after))
    return found


def row_changes(opened: dict, now: dict[str, Values]) -> list[RowChange]:
    model = apps.get_model(opened["model"])
    found = []
    for pk in sorted(opened["rows"].keys() | now.keys(), key=lambda pk: (len(pk), pk)):
        before, after = opened["rows"].get(pk, {}), now.get(pk, {})
        if before == after:
            continue
        what = "changed" if before and after else "added" if after else "deleted"
        row = model._base_manager.filter(pk=pk).first()
        name = str(row) if row is not None else ", ".join(change.opened for change in changes(model, before, {})[:3])
        found.append(RowChange(opened["name"], pk, name, what, changes(model, before, after)))
    return found


def put(form: forms.Form, name: str, value: Any) -> bool:
    """Show ``value`` (as stored) in the bound form's field, as a browser would send it; False if it cannot."""
    widget = form.fields[name].widget
    while isinstance(getattr(widget, "widget", None), forms.Widget):  # the admin's related-field wrapper
        widget = widget.widget
    key = form.add_prefix(name)
    if isinstance(widget, forms.CheckboxInput):
        form.data.setlist(key, ["on"] if value else [])
    elif getattr(widget, "allow_multiple_selected", False):
        form.data.setlist(key, [str(item) for item in value or []])
    elif isinstance(widget, forms.NullBooleanSelect):
        form.data[key] = {True: "true", False: "false"}.get(value, "unknown")
    elif isinstance(widget, forms.MultiWidget | forms.FileInput):
        return False
    else:
        form.data[key] = "" if value is None else str(value)
    return True


def take_theirs(form: forms.Form, model: type[models.Model], opened: Values, now: Values, found: list[Change]) -> None:
    """Their values into the bound form where the editor changed nothing; the editor's input stays elsewhere."""
    cleaned = getattr(form, "cleaned_data", {})
    for item in found:
        mine = plain(model._meta.get_field(item.name), cleaned[item.name]) if item.name in cleaned else form
        untouched = item.name in form.fields and mine == opened.get(item.name)
        item.in_form = "theirs" if untouched and put(form, item.name, now.get(item.name)) else "yours"


def settle(conflict: Conflict, form: forms.ModelForm, inline_formsets: list) -> None:
    """Refill the refused form: their values where the editor changed nothing, the editor's input elsewhere."""
    form.data = form.data.copy()  # the request's own data cannot be changed
    take_theirs(form, type(form.instance), conflict.opened["fields"], conflict.now["fields"], conflict.fields)
    opened = {rows["name"]: rows["rows"] for rows in conflict.opened["inlines"]}
    now = {rows["name"]: rows["rows"] for rows in conflict.now["inlines"]}
    for inline in inline_formsets:
        formset, name = inline.formset, str(inline.opts.verbose_name_plural)
        found = {row.pk: row for row in conflict.rows if row.inline == name}
        if not found:
            continue
        data = formset.data.copy()
        for row_form in formset.forms:
            row_form.data = data
        for row_form in formset.initial_forms:
            pk = data.get(row_form.add_prefix(formset.model._meta.pk.name), "")
            if (row := found.get(pk)) is None:
                continue
            if row.what == "deleted" and formset.can_delete:
                data[row_form.add_prefix("DELETE")] = "on"  # gone: the next save passes the row by
            elif row.what == "changed":
                take_theirs(row_form, formset.model, opened[name][pk], now[name][pk], row.changes)


class VersionBoundField(BoundField):
    def value(self) -> str:
        # The version the page shows, never the one a refused form was posted with.
        return self.form.initial.get(self.name, "")


class VersionField(forms.CharField):
    widget = forms.HiddenInput

    def __init__(self) -> None:
        super().__init__(required=False)

    def get_bound_field(self, form: forms.Form, field_name: str) -> BoundField:
        return VersionBoundField(form, self, field_name)

    def has_changed(self, initial: Any, data: Any) -> bool:
        return False  # not an edit of the record: the change message and history leave it out


class VersionedForm:
    """Mixed into a change form: carries the version it was opened on and refuses a save over a newer one."""

    edit_conflict: Conflict | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[VERSION_FIELD] = VersionField()

    def clean(self) -> dict[str, Any]:
        self.check_version()
        return super().clean()

    def check_version(self) -> None:
        model, pk = type(self.instance), self.instance.pk
        opened = unsign(self.data.get(self.add_prefix(VERSION_FIELD), ""))
        if opened is None or opened.get("record") != [label(model), str(pk)]:
            self.add_error(None, NO_VERSION)
            return
        now = snapshot(model, pk, list(opened["fields"]), inlines_of(opened), lock=True)
        pairs = zip(opened["inlines"], now["inlines"], strict=True)
        rows = [found for old, new in pairs for found in row_changes(old, new["rows"])]
        fields = changes(model, opened["fields"], now["fields"])
        if not fields and not rows:
            return
        self.edit_conflict = Conflict(opened, now, saved_since(opened), fields, rows)
        self.add_error(
            None,
            ValidationError(
                "Not saved: this %(name)s was changed by %(who)s after you opened it. Their changes are listed "
                "below: the form now holds their values where you had changed nothing, and your own input "
                "everywhere else. Check it, then save again.",
                params={"name": model._meta.verbose_name, "who": ", ".join(self.edit_conflict.by) or "someone else"},
                code="edit_conflict",
            ),
        )


def written(form: forms.BaseForm) -> list[str]:
    """The model fields a form saves (a disabled field keeps its stored value)."""
    model = form._meta.model
    return written_fields(model, [name for name, form_field in form.fields.items() if not form_field.disabled])


def inline_rows(inline: InlineAdminFormSet) -> Rows:
    formset = inline.formset
    model, fk = formset.model, formset.fk.name
    names = [name for name, form_field in formset.form.base_fields.items() if not form_field.disabled]
    return Rows(str(inline.opts.verbose_name_plural), label(model), fk, written_fields(model, names, [fk]))


def versioned(form: type[forms.ModelForm], readonly: list[str]) -> type[forms.ModelForm]:
    # Declared fields shown read-only are dropped, as ModelAdmin.get_form does for its own subclass.
    dropped = dict.fromkeys(name for name in readonly if name in form.declared_fields)
    return type(form.__name__, (VersionedForm, form), dropped)


class EditConflictAdmin:
    """For a ModelAdmin: its change form carries and checks the version it was opened on (module docstring)."""

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> models.Model | None:
        if request.method == "POST" and transaction.get_connection(router.db_for_write(self.model)).in_atomic_block:
            # Lock the row before the form reads it: two saves of one record queue, and nobody writes
            # between a save's check and the save itself.
            key_field = self.model._meta.pk if from_field is None else self.model._meta.get_field(from_field)
            try:
                key = key_field.to_python(object_id)
            except (ValidationError, ValueError):
                pass  # not a key: Django answers that the record does not exist
            else:
                rows = self.model._base_manager.filter(**{key_field.name: key}).select_for_update(no_key=True)
                list(rows.values_list("pk", flat=True))
        return super().get_object(request, object_id, from_field)

    def get_form(self, request: HttpRequest, obj: models.Model | None = None, change: bool = False, **kwargs: Any):
        if change and obj is not None and "form" not in kwargs:
            kwargs["form"] = versioned(self.form, self.get_readonly_fields(request, obj))
        return super().get_form(request, obj, change=change, **kwargs)

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict,
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: models.Model | None = None,
    ):
        form = context["adminform"].form
        if isinstance(form, VersionedForm) and obj is not None and self.has_change_permission(request, obj):
            inlines = [
                inline_rows(inline)
                for inline in context["inline_admin_formsets"]
                if hasattr(inline.formset, "fk")
                and (inline.has_add_permission or inline.has_change_permission or inline.has_delete_permission)
            ]
            form.initial[VERSION_FIELD] = sign(snapshot(type(obj), obj.pk, written(form), inlines))
            if form.edit_conflict is not None:
                settle(form.edit_conflict, form, context["inline_admin_formsets"])
        return super().render_change_form(request, context, add, change, form_url, obj)
