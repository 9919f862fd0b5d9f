"""Admin forms: checks that staff should see as messages on the form, not as database errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import UniqueConstraint
from django.utils.functional import cached_property


def https_by_default(field: models.Field, **kwargs: Any) -> forms.Field | None:
    """The form field of a model field; an address typed without a scheme is taken as https.

    For a form's ``Meta.formfield_callback``: the admin's generated forms get the same from
    ``formfield_overrides`` (``programmes.admin.base``), a form declared with its own Meta does not.
    """
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


class AdminInlineFormSet(forms.BaseInlineFormSet):
    """An admin inline's formset whose blank row is built once per page. Django builds it anew each
    time the page asks: for the inline's columns, its media, whether it uploads files and the "add
    another" template, four times or more per inline (a tenth of the programme's change page)."""

    @cached_property
    def empty_form(self) -> forms.ModelForm:
        return super().empty_form


class AdminModelForm(forms.ModelForm):
    """The base form of every model admin.

    Django validates a conditional UniqueConstraint ("unique when given") but reports it as
    "Constraint … is violated" above the form; this reports it on the field and names the record
    that already holds the value. The conditions of our constraints only test the constrained
    fields, so filtering the other rows by the condition is enough.
    """

    # Constraint name -> message; "%(other)s" is the record that already holds the value.
    constraint_messages: dict[str, str] = {}

    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        model = self._meta.model
        for constraint in model._meta.constraints:
            if not (isinstance(constraint, UniqueConstraint) and constraint.condition and constraint.fields):
                continue
            if not all(name in cleaned_data for name in constraint.fields):
                continue  # Not on the form, or already invalid.
            values = {name: cleaned_data[name] for name in constraint.fields}
            other = model._default_manager.filter(constraint.condition, **values).exclude(pk=self.instance.pk).first()
            if other is not None:
                message = self.constraint_messages.get(constraint.name)
                error = (
                    ValidationError(message, params={"other": other})
                    if message
                    else self.instance.unique_error_message(model, list(constraint.fields))
                )
                self.add_error(constraint.fields[0], error)
        return cleaned_data


class ProgrammeAdminForm(AdminModelForm):
    constraint_messages = {"programme_code_unique_when_given": "This code is already used by “%(other)s”."}


class OverviewAdminForm(AdminModelForm):
    constraint_messages = {
        "one_current_overview": "“%(other)s” is on the home page already; untick it there first.",
    }
