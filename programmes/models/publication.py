"""Who may see a programme: published, and every programme above it published too.

The answer is stored in ``Programme.is_public`` and kept right on every write by ``settle_public``
(hand-written recursive SQL, the same on SQLite and PostgreSQL), so a query from any table asks it
of one column (``published_condition``), at any depth.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Q

if TYPE_CHECKING:
    from programmes.models.programme import Programme


def published_condition(path: str = "") -> Q:
    """What the public may see: a programme that is published, and whose ancestors all are.

    A condition on the programme at ``path`` ("" for a programme itself, "programme" from a
    grant or a country link). It reads the stored ``Programme.is_public``, which the model keeps
    right on every write, so a query from another table asks it of one column, at any depth.
    """
    prefix = f"{path}__" if path else ""
    return Q(**{f"{prefix}is_public": True})


def shown_with_programme(path: str = "programme") -> classmethod:
    """A model's ``public_records_condition`` (``iomcaribbean.public_records``) when a public page
    shows its records while their programme, at ``path``, is public ("" for a programme itself)."""
    return classmethod(lambda model: published_condition(path))


# Each statement corrects the ``is_public`` of the programmes whose stored value is wrong, and no
# other row; the same SQL on SQLite and PostgreSQL (the ORM has no recursive query). The walk is
# a join at each level, so thousands of programmes cost a few hash joins, not a look-up per row.
# Everywhere: the programmes reached from a published top-level programme through published ones
# are public, all others are not (one in a loop of parents never reaches the top).
_SETTLE_EVERYWHERE_SQL = """
UPDATE {table} SET is_public = NOT is_public
WHERE id IN (
    WITH RECURSIVE public_tree (id) AS (
        SELECT id FROM {table} WHERE parent_id IS NULL AND is_published
        UNION
        SELECT phase.id FROM {table} phase JOIN public_tree ON phase.parent_id = public_tree.id
        WHERE phase.is_published
    )
    SELECT programme.id FROM {table} programme LEFT JOIN public_tree ON public_tree.id = programme.id
    WHERE programme.is_public <> (public_tree.id IS NOT NULL)
)
"""
# Below one programme, whose own value is right: its phases and theirs, by the parent's index.
_SETTLE_BELOW_SQL = """
UPDATE {table} SET is_public = NOT is_public
WHERE id IN (
    WITH RECURSIVE below (id, public) AS (
        SELECT id, is_published AND %s FROM {table} WHERE parent_id = %s
        UNION
        SELECT phase.id, phase.is_published AND below.public FROM {table} phase JOIN below ON phase.parent_id = below.id
    )
    SELECT programme.id FROM {table} programme JOIN below ON below.id = programme.id
    WHERE programme.is_public <> below.public
)
"""


def settle_public(using: str = DEFAULT_DB_ALIAS, below: Programme | None = None) -> int:
    """Correct every stored ``Programme.is_public`` that is wrong, or only those under ``below``
    (saved with its own value right); how many were corrected."""
    connection = connections[using]
    from programmes.models.programme import Programme  # which imports this module

    table = connection.ops.quote_name(Programme._meta.db_table)
    with connection.cursor() as cursor:
        if below is None:
            cursor.execute(_SETTLE_EVERYWHERE_SQL.format(table=table))
        else:
            cursor.execute(_SETTLE_BELOW_SQL.format(table=table), [below.is_public, below.pk])
        return cursor.rowcount


# Writes after which a programme's ``is_public``, or its phases', may be wrong.
PUBLICATION_FIELDS = frozenset({"is_published", "parent", "parent_id"})
