"""A programme's short ordered lists, read with the programme itself rather than one query each.

Components, key figures, results (with their indicators, periods and breakdowns), publications,
locations and related activities are a handful of rows per programme. Read as JSON arrays in
subqueries of the programme's own query (PostgreSQL's JSONB_AGG, SQLite's JSON_GROUP_ARRAY), they
cost no query of their own: the programme page and the API's record of a programme stay within
their query budgets. The rows come back as model instances, with their exact decimals and their
translations (and English fallbacks), in their model's order. The updates app reads an update's
photos with it the same way.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from django.db.models import (
    Aggregate,
    DecimalField,
    F,
    Func,
    JSONField,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import JSONObject

from programmes.models import (
    Component,
    Dimension,
    Indicator,
    KeyFigure,
    Location,
    Period,
    Programme,
    ProgrammeItem,
    Publication,
    RelatedActivity,
    Result,
)
from programmes.translation import LANGUAGES, localized, translated_fields

# The lists, by the name of the programme's relation to each.
ITEMS: dict[str, type[ProgrammeItem]] = {
    "components": Component,
    "key_figures": KeyFigure,
    "results": Result,
    "publications": Publication,
    "locations": Location,
    "related_activities": RelatedActivity,
}
# The results' own rows, by their parent's relation to them: each kind's path to the programme and
# its column naming its parent. A result's ``indicators.all()`` then gives them with no query.
RESULT_PARTS: dict[str, tuple[type[Model], str, str]] = {
    "indicators": (Indicator, "result__programme", "result_id"),
    "periods": (Period, "indicator__result__programme", "indicator_id"),
    "dimensions": (Dimension, "period__indicator__result__programme", "period_id"),
}
# The records an item names that its page shows, by foreign key: the columns read of each.
JOINED: dict[type[ProgrammeItem], dict[str, tuple[str, ...]]] = {
    Location: {"country": ("code", "slug", "name", "is_caribbean")},
    RelatedActivity: {
        "programme": ("slug", "code", "title", "acronym", "is_public"),
        "related_programme": ("slug", "code", "title", "acronym", "is_public"),
    },
}
# Lists that also hold the rows naming the programme from the other side, by that foreign key
# (the links other programmes make to it).
BOTH_WAYS: dict[type[ProgrammeItem], str] = {RelatedActivity: "related_programme"}


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


class EmbeddedJSON(Func):
    """A JSON column inside a row object as JSON, not as its text: SQLite stores JSON as text, which
    ``json_object`` would embed as a string unless it comes from a JSON function."""

    function = "JSON"

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> tuple[str, list]:
        return compiler.compile(self.source_expressions[0])


def as_json(field: Any) -> F | Func:
    """A column of a row object (``item_rows``)."""
    return EmbeddedJSON(F(field.attname)) if isinstance(field, JSONField) else F(field.attname)


def joined_columns(model: type[Model], names: tuple[str, ...]) -> list[str]:
    """The columns of ``model`` a joined record is read with: its id, and each of ``names`` (a
    translated text with its language columns, so that it reads as the page's language)."""
    translated = set(translated_fields(model))
    columns = ["id"]
    for name in names:
        columns.append(name)
        if name in translated:
            columns += [localized(name, language) for language in LANGUAGES]
    return columns


def item_rows(model: type[Model], path: str = "programme") -> Subquery:
    """A programme's items of ``model`` (its components, its results...; at ``path`` from the item to
    the programme) as a JSON array of their columns, with the records ``JOINED`` names, for an
    annotation: read with the programme, rather than by a query of their own."""
    columns = {field.attname: as_json(field) for field in model._meta.concrete_fields}
    for key, names in JOINED.get(model, {}).items():
        related = model._meta.get_field(key).related_model
        columns |= {f"{key}__{column}": F(f"{key}__{column}") for column in joined_columns(related, names)}
    mine = Q(**{path: OuterRef("pk")})
    if other_side := BOTH_WAYS.get(model):
        mine |= Q(**{other_side: OuterRef("pk")})
    # One group of all the rows: grouping by the programme would split the rows naming it from the other side.
    rows = model._default_manager.filter(mine).order_by().annotate(one=Value(1)).values("one")
    return Subquery(rows.annotate(rows=JSONArrayAgg(RowObject(**columns))).values("rows"))


def _value(field: Any, value: Any) -> Any:
    value = field.to_python(value)
    if isinstance(field, DecimalField) and value is not None:
        # As the database gives it: SQLite keeps 2.50 as 2.5.
        value = value.quantize(Decimal(1).scaleb(-field.decimal_places))
    return value


def items_from_rows(model: type[Model], rows: list[dict[str, Any]] | None, db: str) -> list[Model]:
    """The records ``item_rows`` read, as model instances in their model's order (``Meta.ordering``),
    each with the records ``JOINED`` names (None where the key is empty)."""
    fields = model._meta.concrete_fields
    items = []
    for row in rows or []:
        values = [_value(field, row[field.attname]) for field in fields]
        item = model.from_db(db, [field.attname for field in fields], values)
        for key, names in JOINED.get(model, {}).items():
            field = model._meta.get_field(key)
            columns = joined_columns(field.related_model, names)
            joined = None
            if row[f"{key}__id"] is not None:
                # In the model's order of fields, which from_db expects of a partial row.
                related_fields = [f for f in field.related_model._meta.concrete_fields if f.attname in columns]
                joined_values = [_value(f, row[f"{key}__{f.name}"]) for f in related_fields]
                joined = field.related_model.from_db(db, [f.attname for f in related_fields], joined_values)
            field.set_cached_value(item, joined)
        items.append(item)
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
            prefetched(parent, name, by_parent[parent.pk])
        parents = children
    return items


def prefetched(parent: Model, relation: str, rows: list[Model]) -> None:
    """Leaves ``parent.<relation>.all()`` as Django's prefetch does: these rows, with no query."""
    queryset = getattr(parent, relation).all()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    parent.__dict__.setdefault("_prefetched_objects_cache", {})[relation] = queryset
