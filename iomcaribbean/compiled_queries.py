"""Querysets whose SQL is compiled once, for prefetches and other reads repeated with new keys.

Writing one IATI activity, or showing a programme's page, runs a dozen queries, each the same
queryset filtered by Django's prefetching on the rows' programmes (``programme__in=[...]``);
building their SQL took more CPU than anything else in the answer. ``compiled_once(queryset)``
gives a queryset that keeps the SQL of each such filtered copy, by the number of keys it is
filtered on, and later binds the new keys to it. Any other copy (another filter, an ordering, a
slice...) is compiled as usual.
"""

from __future__ import annotations

import copy
from typing import Any

from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import Col
from django.db.models.lookups import In
from django.db.models.sql import AND, Query
from django.db.models.sql.compiler import SQLCompiler

# What the filter on the keys changes in a query, besides its WHERE: the joins it looked up (all
# trimmed, for a foreign key's own column), caches the compiler fills, and this module's own state.
NOT_COMPARED = frozenset(
    {
        "where",
        "alias_refcount",
        "alias_map",
        "table_map",
        "external_aliases",
        "used_aliases",
        "filter_is_sticky",
        "_lookup_joins",
        "_annotation_select_cache",
        "_extra_select_cache",
        "base_table",
        "template",
        "compiled",
    }
)
MISSING = object()
# A programme's rows, or a few programmes': what an activity written again after an edit reads. The
# batches of a whole file are compiled as usual (once per batch of 50), and not kept: each shape
# kept holds its SQL and columns, 15 to 80 KB.
MAX_KEYS = 32


class CompiledOnceQuery(Query):
    """A ``Query`` that reuses the SQL compiled for an earlier copy of the same shape (see the module)."""

    template: dict[str, Any]  # the template's state; shared, with ``compiled``, by every copy
    compiled: dict[tuple, tuple[SQLCompiler, str, tuple] | None]

    def get_compiler(self, using=None, connection=None, elide_empty=True) -> SQLCompiler:
        connection = connection or connections[using]
        keys = self._filtered_keys()
        if keys is None:
            return super().get_compiler(using, connection, elide_empty)
        lookup = self.where.children[-1]
        shape = (connection.alias, elide_empty, type(lookup), lookup.lhs.alias, lookup.lhs.target, len(keys))
        if shape not in self.compiled:
            self.compiled[shape] = self._compile(connection, elide_empty, keys)
        if self.compiled[shape] is None:
            return super().get_compiler(using, connection, elide_empty)
        compiler, sql, fixed_params = self.compiled[shape]
        bound = copy.copy(compiler)
        bound.connection, bound.using, bound.query = connection, connection.alias, self
        params = fixed_params + keys

        def as_sql(*args: Any, **kwargs: Any) -> tuple[str, tuple]:
            if args or kwargs:  # compiled some other way (with_col_aliases...): as usual
                return Query.get_compiler(self, using, connection, elide_empty).as_sql(*args, **kwargs)
            return sql, params

        bound.as_sql = as_sql
        return bound

    def _filtered_keys(self) -> tuple | None:
        """The keys of this copy when it is the template filtered on them (by ``key__in``) and nothing else."""
        children, template = self.where.children, self.template
        if self.where.connector != AND or self.where.negated or len(children) != len(template["where"]) + 1:
            return None
        if any(child is not kept for child, kept in zip(children[:-1], template["where"], strict=True)):
            return None
        lookup = children[-1]
        if not isinstance(lookup, In) or not isinstance(lookup.lhs, Col) or not isinstance(lookup.rhs, list | tuple):
            return None
        state, kept = self.__dict__, template["state"]
        for name, value in kept.items():
            current = state.get(name, MISSING)
            if current is not value and current != value:
                return None
        if any(name not in kept and name not in NOT_COMPARED for name in state):
            return None
        keys = tuple(key for key in dict.fromkeys(lookup.rhs) if key is not None)
        return keys if 0 < len(keys) <= MAX_KEYS else None

    def _compile(self, connection, elide_empty: bool, keys: tuple) -> tuple[SQLCompiler, str, tuple] | None:
        """The compiler of this copy, its SQL, and the parameters before the keys; None when the
        keys are not the SQL's last parameters as given (a field that converts them)."""
        compiler = super().get_compiler(connection=connection, elide_empty=elide_empty)
        sql, params = compiler.as_sql()
        params = tuple(params)
        if params[len(params) - len(keys) :] != keys:
            return None
        # Not kept: the query and its conditions, which hold what it was first filtered on (the records).
        compiler.query = compiler.where = compiler.having = compiler.qualify = None
        return compiler, sql, params[: len(params) - len(keys)]


def compiled_once(queryset: QuerySet) -> QuerySet:
    """A copy of ``queryset`` whose prefetching copies reuse their SQL (see the module)."""
    queryset = queryset.all()
    query = queryset.query
    query.__class__ = CompiledOnceQuery
    state = {name: value for name, value in query.__dict__.items() if name not in NOT_COMPARED}
    query.template = {"where": tuple(query.where.children), "state": state}
    query.compiled = {}
    return queryset
