# Indexes for the list's search and its title sort, on the language columns that
# programmes/translation.py adds (0006). Written as SQL because they are not plain column indexes.

from django.db import migrations

LANGUAGES = ("en", "es", "fr")
# The list's search (programmes.filters.ProgrammeFilter.search) runs icontains on these columns,
# which PostgreSQL writes as UPPER(column::text) LIKE UPPER(...): trigram indexes answer it without
# reading every row. SQLite has no such index; there the search reads the table.
SEARCHED = ("acronym", "code") + tuple(f"{field}_{lang}" for field in ("title", "summary", "description") for lang in LANGUAGES)
# The title sort: modeltranslation orders by title_en in English, and by the translation with the
# English title in its place where there is none in another language.
TITLE_ORDERS = {"en": '"title_en"'} | {
    lang: f"""COALESCE(NULLIF("title_{lang}", ''), "title_en")""" for lang in LANGUAGES if lang != "en"
}


def create_indexes(apps, schema_editor):
    for lang, expression in TITLE_ORDERS.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS programme_title_{lang}_order_idx ON programmes_programme (({expression}))"
        )
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in SEARCHED:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS programme_{column}_trgm_idx ON programmes_programme "
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor):
    for lang in TITLE_ORDERS:
        schema_editor.execute(f"DROP INDEX IF EXISTS programme_title_{lang}_order_idx")
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in SEARCHED:
        schema_editor.execute(f"DROP INDEX IF EXISTS programme_{column}_trgm_idx")


class Migration(migrations.Migration):

    dependencies = [
        ("programmes", "0001_squashed_0006_content_translations"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
