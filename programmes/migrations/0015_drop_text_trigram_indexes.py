# The list's search reads the search app's documents now (search/), not the programmes' texts:
# the trigram indexes 0007 made on the summaries and descriptions serve no query any more and
# only cost writes. Those on the titles, acronyms and codes stay: the admin's search reads them.

from django.db import migrations

LANGUAGES = ("en", "es", "fr")
COLUMNS = tuple(f"{field}_{lang}" for field in ("summary", "description") for lang in LANGUAGES)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS programme_{column}_trgm_idx")


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS programme_{column}_trgm_idx ON programmes_programme "
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0014_dac_sector_may_be_unknown")]

    operations = [migrations.RunPython(drop_indexes, create_indexes)]
