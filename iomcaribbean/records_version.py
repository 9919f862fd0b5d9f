"""The records version: one number that moves on with every change to a record of the public apps,
whether the public sees the record or not.

The content version (``iomcaribbean.content_version``) moves on only for what the public sees.
Pages for signed-in users show more: a donor's dashboard lists grants to programmes not yet
published and reads donor accounts. What is kept of such pages (``funding.donor.kept``) is keyed
by this number instead, so any change makes it all stale at once, on every app server.

A save, delete or many-to-many change of any record of ``settings.PUBLIC_APPS`` moves it on, in
the change's own transaction: a page read before the change is committed was read under the old
number, which no request reads after the commit. Writes that send no signal
(``queryset.update()``, ``bulk_create``) move it through ``bump_content_version``, which their
callers call anyway (``content_changed``).

The number is kept in the content version's row (``ContentVersion.records_number``): a change
that moves both locks one row, so two editors' transactions, each moving the two in its own
order, cannot wait on each other for them.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db.models import F, Model, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save

from iomcaribbean.content_version import content_changed, is_watched


def records_version() -> Subquery:
    """The current number, as an expression: read with a query the page runs anyway (None before any)."""
    model = apps.get_model("iomcaribbean", "ContentVersion")
    return Subquery(model.objects.filter(pk=1).values("records_number"))


def bump_records_version(**kwargs: Any) -> None:
    """Move the version on: everything kept under the current number is stale."""
    model = apps.get_model("iomcaribbean", "ContentVersion")
    if not model.objects.filter(pk=1).update(records_number=F("records_number") + 1):
        model.objects.update_or_create(pk=1, defaults={"records_number": 1})


def _on_change(sender: type[Model], **kwargs: Any) -> None:
    if is_watched(sender):
        bump_records_version()


def _on_m2m_changed(sender: type[Model], action: str, **kwargs: Any) -> None:
    if action.startswith("post_") and is_watched(sender):
        bump_records_version()


def connect_signals() -> None:
    """Called once from ``IomcaribbeanConfig.ready``."""
    post_save.connect(_on_change, dispatch_uid="iomcaribbean.records_version.save")
    post_delete.connect(_on_change, dispatch_uid="iomcaribbean.records_version.delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="iomcaribbean.records_version.m2m")
    content_changed.connect(bump_records_version, dispatch_uid="iomcaribbean.records_version.content")
