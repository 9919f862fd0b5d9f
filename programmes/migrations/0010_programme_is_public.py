# A programme is public only if it and every programme above it are published. The answer is
# stored in is_public, kept by Programme.save() and ProgrammeQuerySet.update()/bulk_create(), so
# that published() reads one indexed column at any depth; programme_published_idx now covers it
# instead of is_published and the parent. Here it is filled for the programmes there are.

from django.db import migrations, models

# As programmes.models.settle_public (everywhere), copied so that this migration does not change with it.
SETTLE_PUBLIC_SQL = """
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


def is_public_field():
    """The field, for the programmes and for their history (a new instance for each)."""
    return models.BooleanField(
        default=False,
        editable=False,
        help_text="Published, and so is every programme above it: what the public sees. Kept by the model.",
        verbose_name="public",
    )


def fill_is_public(apps, schema_editor):
    table = schema_editor.connection.ops.quote_name(apps.get_model("programmes", "Programme")._meta.db_table)
    schema_editor.execute(SETTLE_PUBLIC_SQL.format(table=table))


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0009_drop_duplicate_title_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="programme",
            name="programme_published_idx",
        ),
        migrations.AddField(
            model_name="historicalprogramme",
            name="is_public",
            field=is_public_field(),
        ),
        migrations.AddField(
            model_name="programme",
            name="is_public",
            field=is_public_field(),
        ),
        # Going back, the column goes with the field: nothing to undo.
        migrations.RunPython(fill_is_public, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="programme",
            index=models.Index(fields=["id", "is_public"], name="programme_published_idx"),
        ),
    ]
