"""Migration operations the project's own migrations use.

``group_permissions`` gives staff groups their rights on new models (and takes them back when
the migration is reversed).

``FieldsInState`` applies many ``AddField``/``AlterField`` operations of plain (non-relational)
fields to the migration state, reloading each model once. Django reloads a model for each field
operation, and a model as wide as a programme with its translation columns takes tens of
milliseconds to reload: a migration adding a handful of translated fields and describing a few
changed defaults took seconds, in every test database the suite creates. Used inside
``SeparateDatabaseAndState``, whose database operations change the columns.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.management import create_permissions
from django.db.migrations.operations import AddField, AlterField, RunPython
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


def group_permissions(app_label: str, models: list[str], group_actions: dict[str, list[str]]) -> RunPython:
    """Each group (by name) gets its actions (``view``, ``add``...) on ``models`` of ``app_label``.

    The permissions are created first: Django makes them only after the whole migrate, and a
    migration that hands them out needs them now.
    """

    def codenames(actions: list[str]) -> list[str]:
        return [f"{action}_{model}" for action in actions for model in models]

    def grant(apps: Any, schema_editor: Any) -> None:
        config = apps.get_app_config(app_label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
        for name, actions in group_actions.items():
            group, _ = Group.objects.get_or_create(name=name)
            given = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames(actions))
            group.permissions.add(*given)

    def revoke(apps: Any, schema_editor: Any) -> None:
        Permission = apps.get_model("auth", "Permission")
        every_action = sorted({action for actions in group_actions.values() for action in actions})
        taken = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames(every_action))
        for group in apps.get_model("auth", "Group").objects.filter(name__in=group_actions):
            group.permissions.remove(*taken)

    return RunPython(grant, revoke)
