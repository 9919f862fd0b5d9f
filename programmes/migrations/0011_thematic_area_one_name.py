# A thematic area has one name, shown the same everywhere: the short label it had for filters and
# menus. The overview's own wording of the area stays, as the overview's text, in overview_wording.

from django.db import migrations

SUFFIXES = ("", "_en", "_es", "_fr")
MODELS = ("thematicarea", "historicalthematicarea")
# (old, new) in order: "name" is free once it has become "overview_wording".
RENAMES = (("name", "overview_wording"), ("short_name", "name"))


def renames(old: str, new: str) -> list:
    return [
        migrations.RenameField(model_name=model, old_name=f"{old}{suffix}", new_name=f"{new}{suffix}")
        for model in MODELS
        for suffix in SUFFIXES
    ]


def rename_columns(backwards: bool):
    # One ALTER TABLE ... RENAME COLUMN each (SQLite and PostgreSQL alike), without rendering the
    # project's models for every field as RenameField's own database step would.
    def run(apps, schema_editor):
        quote = schema_editor.quote_name
        steps = [(new, old) for old, new in reversed(RENAMES)] if backwards else RENAMES
        for model in MODELS:
            table = quote(f"programmes_{model}")
            for old, new in steps:
                for suffix in SUFFIXES:
                    schema_editor.execute(
                        f"ALTER TABLE {table} RENAME COLUMN {quote(old + suffix)} TO {quote(new + suffix)}"
                    )

    return run


class Migration(migrations.Migration):
    dependencies = [("programmes", "0010_programme_is_public")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[op for old, new in RENAMES for op in renames(old, new)],
            database_operations=[migrations.RunPython(rename_columns(False), rename_columns(True))],
        )
    ]
