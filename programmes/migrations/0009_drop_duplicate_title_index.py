# 0007 made programme_title_en_order_idx for the English title sort, but modeltranslation had
# already copied Meta's index on the title to title_en in 0006 (programmes__title_e_4ced0f_idx):
# two equal indexes, each written on every save, and which one the planner read depended on
# which was made first. The title sorts in Spanish and French keep their own (COALESCE) indexes.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0008_programme_published_index"),
    ]

    operations = [
        migrations.RunSQL(
            "DROP INDEX IF EXISTS programme_title_en_order_idx",
            'CREATE INDEX IF NOT EXISTS programme_title_en_order_idx ON programmes_programme (("title_en"))',
        ),
    ]
