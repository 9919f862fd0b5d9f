"""Which records of the public apps a public page shows, as a condition on each model's own table.

The content version (``iomcaribbean.content_version``) moves on only for a change to a record
that is shown, before or after the change. Each model of the public apps (``settings.PUBLIC_APPS``)
says which of its records are shown where it is defined, through one classmethod:

    public_records_condition() -> Q | None

a filter on the model's own table that gives the records some public page shows (an empty ``Q()``
when every record is), or ``NEVER`` when no public page ever shows one. ``ALWAYS_SHOWN``,
``NEVER_SHOWN`` and ``AS_ITS_PUBLIC_QUERYSET`` are ready-made ones for the common cases.

A link table (a many-to-many field's) follows the record that holds the field. A model of the
public apps that declares nothing counts as always shown (tests/test_content_version.py asks
every one to declare).
"""

from __future__ import annotations

from functools import cache

from django.db.models import Model, Q

# The condition of a model whose records no public page ever shows.
NEVER = None


def _all_records(model: type[Model]) -> Q:
    return Q()


def _no_record(model: type[Model]) -> None:
    return NEVER


def _its_public_queryset(model: type[Model]) -> Q:
    return Q(pk__in=model._default_manager.public().values("pk"))


# Reference lists, every page of which is public.
ALWAYS_SHOWN = classmethod(_all_records)
# Records no public page shows (donor accounts).
NEVER_SHOWN = classmethod(_no_record)
# The records the model's own ``public()`` queryset gives: one rule for its pages and for this.
AS_ITS_PUBLIC_QUERYSET = classmethod(_its_public_queryset)


# Built once per model: every save asks (content_version), and the subqueries inside are lazy
# querysets that each use clones, never evaluating or changing the one kept here.
@cache
def public_condition(model: type[Model]) -> Q | None:
    """The records of ``model`` a public page shows, as a filter; ``NEVER`` when none ever is."""
    holder = model._meta.auto_created
    if holder:  # a many-to-many field's own link table: as the record holding the field
        condition = public_condition(holder)
        if condition is NEVER:
            return NEVER
        return Q(**{f"{holder._meta.model_name}__in": holder._default_manager.filter(condition)})
    if not is_listed(model):
        return Q()  # correctness first
    return model.public_records_condition()


def is_listed(model: type[Model]) -> bool:
    """Whether ``model`` decides on purpose which of its records are shown (the tests ask it of every model)."""
    return bool(model._meta.auto_created) or hasattr(model, "public_records_condition")
