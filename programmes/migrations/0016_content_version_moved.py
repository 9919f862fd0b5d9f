"""The content version is the project's now (iomcaribbean.0001 moved its table): out of this app's state only."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0015_drop_text_trigram_indexes"),
        ("iomcaribbean", "0001_content_version"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="ContentVersion")]),
    ]
