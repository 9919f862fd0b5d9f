"""Reaching a model through a relation that points at it from an app above.

Apps import one way (``programmes`` <- ``partners`` <- ``funding``): a lower app reads the records
that a higher one attaches to it (a programme's grants, an overview's partner mentions) through the
reverse relation's name on its own model, never by importing or naming the higher app.
"""

from __future__ import annotations

from django.db.models import Model


def related_model(model: type[Model], *relations: str) -> type[Model]:
    """The model at the end of ``relations`` from ``model``: ``related_model(Programme, "grants", "funder")``."""
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return model
