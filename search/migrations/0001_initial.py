# The search documents and the lexicon (search/models.py). On PostgreSQL, the extensions the search
# uses and the indexes that answer it: GIN on the documents' tsvector (full-text search) and a
# trigram GIN on the lexicon's words (the words like a mistyped one); and search_unaccent(), unaccent
# declared IMMUTABLE (its dictionary never changes here), so that the planner reads a query's words
# as constants and estimates them from the column's statistics (unaccent itself is only STABLE).
# SQLite gets the tables only: the extension operations do nothing there, the rest is PostgreSQL's.

import django.contrib.postgres.search
import django.db.models.deletion
from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations, models

INDEXES = {
    "search_document_vector_idx": "search_searchdocument USING gin (vector)",
    "search_word_trgm_idx": "search_searchword USING gin (word gin_trgm_ops)",
}


# In the schema the extension is in, whatever the search_path when a query calls it.
UNACCENT_FUNCTION = """
CREATE OR REPLACE FUNCTION search_unaccent(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1) $$
"""


class UnaccentExtensionHere(UnaccentExtension):
    """unaccent; going back, dropped on PostgreSQL only (Django's own asks pg_extension of SQLite too)."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class TrigramExtensionKept(TrigramExtension):
    """pg_trgm, which programmes 0007 created already for its own indexes: going back leaves it."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


def create_functions_and_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT quote_ident(nspname) FROM pg_extension JOIN pg_namespace ON pg_namespace.oid = extnamespace"
            " WHERE extname = 'unaccent'"
        )
        (schema,) = cursor.fetchone()
    schema_editor.execute(UNACCENT_FUNCTION.format(schema=schema))
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_functions_and_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")
    schema_editor.execute("DROP FUNCTION IF EXISTS search_unaccent(text)")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('programmes', '0013_seed_facts'),
    ]

    operations = [
        UnaccentExtensionHere(),
        TrigramExtensionKept(),
        migrations.CreateModel(
            name='SearchDocument',
            fields=[
                ('programme', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='search_document', serialize=False, to='programmes.programme')),
                ('heading', models.TextField(blank=True, help_text='Title, acronym and IOM code.')),
                ('names', models.TextField(blank=True, help_text="Components' titles; organisations taking part and funding; countries.")),
                ('body', models.TextField(blank=True, help_text="Summary, description and components' descriptions.")),
                ('vector', django.contrib.postgres.search.SearchVectorField(editable=False, null=True)),
            ],
        ),
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('word', models.CharField(max_length=40, primary_key=True, serialize=False)),
            ],
        ),
        migrations.RunPython(create_functions_and_indexes, drop_functions_and_indexes),
    ]
