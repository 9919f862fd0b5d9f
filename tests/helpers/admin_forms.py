"""The admin's pages as tests drive them: a page's address, the form it renders posted back, its errors."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models
from django.urls import reverse


def admin_url(model: type[models.Model], view: str, *args: Any) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def form_data(response, inlines: bool = True) -> dict[str, Any]:
    """What a browser posts back from an admin form left as it was rendered (inlines included, unless not)."""
    all_forms = [response.context["adminform"].form]
    for inline in response.context.get("inline_admin_formsets", []) if inlines else []:
        all_forms += [inline.formset.management_form, *inline.formset.forms]
    data: dict[str, Any] = {"_save": "Save"}
    for form in all_forms:
        for field in form:
            value, widget = field.value(), field.field.widget
            if isinstance(widget, forms.MultiWidget) and value:
                data |= {f"{field.html_name}_{i}": str(part) for i, part in enumerate(widget.decompress(value))}
            elif value is True:
                data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            elif value is not None and value is not False:
                data[field.html_name] = str(value)
    return data


def form_errors(response) -> list:
    """The errors an admin form page shows, for assertion messages."""
    if response.context is None:
        return []
    inlines = response.context.get("inline_admin_formsets", [])
    return [
        response.context["adminform"].form.errors,
        *((inline.formset.errors, inline.formset.non_form_errors()) for inline in inlines),
    ]


def a_record(model: type[models.Model]) -> models.Model:
    return model._default_manager.order_by("pk").first()
