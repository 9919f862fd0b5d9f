"""A programme's short ordered lists, read with the programme itself rather than one query each.

Components, key figures, results and publications are a handful of rows per programme. Read as
JSON arrays in subqueries of the programme's own query (PostgreSQL's JSONB_AGG, SQLite's
JSON_GROUP_ARRAY), they cost no query of their own: the programme page and the API's record of
a programme stay within their query budgets. The rows come back as model instances, with their
exact decimals and their translations (and English fallbacks), in their model's order.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.db.models import Aggregate, DecimalField, F, Func, JSONField, OuterRef, QuerySet, Subquery
from django.db.models.functions import JSONObject

from programmes.models import Component, KeyFigure, Programme, ProgrammeItem, Publication, Result

# The lists, by the name of the programme's relation to each.
ITEMS: dict[str, type[ProgrammeItem]] = {
    "components": Component,
    "key_figures": KeyFigure,
    "results": Result,
    "publications": Publication,
}


class ExactDecoder(json.JSONDecoder):
    """Reads a number with a fraction as a Decimal, as stored, never as a float."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(parse_float=Decimal, **kwargs)


class JSONArrayAgg(Aggregate):
    """The aggregated values as one JSON array (PostgreSQL's JSONB_AGG, SQLite's JSON_GROUP_ARRAY)."""

    function = "JSONB_AGG"
    output_field = JSONField(decoder=ExactDecoder)

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list]:
        return super().as_sql(compiler, connection, function="JSON_GROUP_ARRAY", **extra_context)


class RowObject(JSONObject):
    """``JSONObject``, without the test Django runs on SQLite's first use of it in a connection
    (a transaction around ``SELECT JSON(...)``: three queries more on some visitor's page). The
    JSON functions are part of SQLite (built in since 3.38, and in Python's own builds before)."""

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list]:
        return Func.as_sql(self, compiler, connection, **extra_context)


def item_rows(model: type[ProgrammeItem]) -> Subquery:
    """A programme's items of ``model`` (its components, its results...) as a JSON array of their
    columns, for an annotation: read with the programme, rather than by a query of their own."""
    columns = RowObject(**{field.attname: F(field.attname) for field in model._meta.concrete_fields})
    rows = model.objects.filter(programme=OuterRef("pk")).order_by().values("programme")
    return Subquery(rows.annotate(rows=JSONArrayAgg(columns)).values("rows"))


def items_from_rows(model: type[ProgrammeItem], rows: list[dict[str, Any]] | None, db: str) -> list[ProgrammeItem]:
    """The records ``item_rows`` read, as model instances in their model's order (order, then id)."""
    fields = model._meta.concrete_fields
    items = []
    for row in rows or []:
        values = []
        for field in fields:
            value = field.to_python(row[field.attname])
            if isinstance(field, DecimalField) and value is not None:
                # As the database gives it: SQLite keeps 2.50 as 2.5.
                value = value.quantize(Decimal(1).scaleb(-field.decimal_places))
            values.append(value)
        items.append(model.from_db(db, [field.attname for field in fields], values))
    return sorted(items, key=lambda item: (item.order, item.pk))


def with_items(programmes: QuerySet[Programme]) -> QuerySet[Programme]:
    """The programmes, each with its lists read in the same query (``items_of`` gives them)."""
    return programmes.annotate(**{f"{name}_rows": item_rows(model) for name, model in ITEMS.items()})


def items_of(programme: Programme) -> dict[str, list[ProgrammeItem]]:
    """The lists of a programme read through ``with_items``, by relation name."""
    db = programme._state.db
    return {name: items_from_rows(model, getattr(programme, f"{name}_rows"), db) for name, model in ITEMS.items()}
