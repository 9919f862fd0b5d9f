"""A programme's short ordered lists, read with the programme itself rather than one query each.

Components, key figures, results (with their indicators, periods and breakdowns) and publications
are a handful of rows per programme. Read as
JSON arrays in subqueries of the programme's own query (PostgreSQL's JSONB_AGG, SQLite's
JSON_GROUP_ARRAY), they cost no query of their own: the programme page and the API's record of
a programme stay within their query budgets. The rows come back as model instances, with their
exact decimals and their translations (and English fallbacks), in their model's order.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.db.models import Aggregate, DecimalField, F, Func, JSONField, Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import JSONObject

from programmes.models import (
    Component,
    Dimension,
    Indicator,
    KeyFigure,
    Period,
    Programme,
    ProgrammeItem,
    Publication,
    Result,
)

# The lists, by the name of the programme's relation to each.
ITEMS: dict[str, type[ProgrammeItem]] = {
    "components": Component,
    "key_figures": KeyFigure,
    "results": Result,
    "publications": Publication,
}
# The results' own rows, by their parent's relation to them: each kind's path to the programme and
# its column naming its parent. A result's ``indicators.all()`` then gives them with no query.
RESULT_PARTS: dict[str, tuple[type[Model], str, str]] = {
    "indicators": (Indicator, "result__programme", "result_id"),
    "periods": (Period, "indicator__result__programme", "indicator_id"),
    "dimensions": (Dimension, "period__indicator__result__programme", "period_id"),
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


def item_rows(model: type[Model], path: str = "programme") -> Subquery:
    """A programme's items of ``model`` (its components, its results...; at ``path`` from the item to
    the programme) as a JSON array of their columns, for an annotation: read with the programme,
    rather than by a query of their own."""
    columns = RowObject(**{field.attname: F(field.attname) for field in model._meta.concrete_fields})
    rows = model._default_manager.filter(**{path: OuterRef("pk")}).order_by().values(path)
    return Subquery(rows.annotate(rows=JSONArrayAgg(columns)).values("rows"))


def items_from_rows(model: type[Model], rows: list[dict[str, Any]] | None, db: str) -> list[Model]:
    """The records ``item_rows`` read, as model instances in their model's order (``Meta.ordering``)."""
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
    ordering = [name.replace("pk", model._meta.pk.attname) for name in model._meta.ordering]
    return sorted(items, key=lambda item: tuple(getattr(item, name) for name in ordering))


def with_items(programmes: QuerySet[Programme]) -> QuerySet[Programme]:
    """The programmes, each with its lists read in the same query (``items_of`` gives them)."""
    lists = {f"{name}_rows": item_rows(model) for name, model in ITEMS.items()}
    parts = {f"{name}_rows": item_rows(model, path) for name, (model, path, _) in RESULT_PARTS.items()}
    return programmes.annotate(**lists, **parts)


def items_of(programme: Programme) -> dict[str, list[ProgrammeItem]]:
    """The lists of a programme read through ``with_items``, by relation name; each result with its
    indicators, each indicator with its periods and each period with its breakdowns, as if prefetched."""
    db = programme._state.db
    items = {name: items_from_rows(model, getattr(programme, f"{name}_rows"), db) for name, model in ITEMS.items()}
    parents: list[Model] = items["results"]
    for name, (model, _, parent_id) in RESULT_PARTS.items():
        children = items_from_rows(model, getattr(programme, f"{name}_rows"), db)
        by_parent: dict[int, list[Model]] = {parent.pk: [] for parent in parents}
        for child in children:
            by_parent[getattr(child, parent_id)].append(child)
        for parent in parents:
            rows = prefetched(parent, name, by_parent[parent.pk])
            parent.__dict__.setdefault("_prefetched_objects_cache", {})[name] = rows
        parents = children
    return items


def prefetched(parent: Model, relation: str, rows: list[Model]) -> QuerySet:
    """``parent.<relation>.all()`` as Django's prefetch leaves it: these rows, with no query."""
    queryset = getattr(parent, relation).all()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    return queryset
