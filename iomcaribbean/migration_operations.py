"""A migration operation the project's own migrations use.

``FieldsInState`` applies many ``AddField``/``AlterField`` operations of plain (non-relational)
fields to the migration state, reloading each model once. Django reloads a model for each field
operation, and a model as wide as a programme with its translation columns takes tens of
milliseconds to reload: a migration adding a handful of translated fields and describing a few
changed defaults took seconds, in every test database the suite creates. Used inside
``SeparateDatabaseAndState``, whose database operations change the columns.
"""

from __future__ import annotations

from typing import Any

from django.db.migrations.operations import AddField, AlterField
from django.db.migrations.operations.base import Operation
from django.db.models.fields import NOT_PROVIDED


class FieldsInState(Operation):
    reduces_to_sql = False
    reversible = True

    def __init__(self, operations: list[AddField | AlterField]) -> None:
        for operation in operations:
            if not isinstance(operation, (AddField, AlterField)) or operation.field.is_relation:
                raise ValueError(f"FieldsInState takes AddField and AlterField of plain fields, not {operation!r}")
        self.operations = operations

    def deconstruct(self) -> tuple[str, list, dict]:
        return self.__class__.__qualname__, [self.operations], {}

    def state_forwards(self, app_label: str, state: Any) -> None:
        models = []
        for operation in self.operations:
            field = operation.field
            if not operation.preserve_default:  # as ProjectState.add_field and alter_field do
                field = field.clone()
                field.default = NOT_PROVIDED
            key = (app_label, operation.model_name_lower)
            state.models[key].fields[operation.name] = field
            if key not in models:
                models.append(key)
        for key in models:
            state.reload_model(*key, delay=True)

    def database_forwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        """The state alone: the enclosing operation changes the database."""

    def database_backwards(self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any) -> None:
        """The state alone: the enclosing operation changes the database."""

    def describe(self) -> str:
        return f"Describe {len(self.operations)} fields, reloading each model once"
