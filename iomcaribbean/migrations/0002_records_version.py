"""The records version (``iomcaribbean.records_version``), with its one row."""

from django.db import migrations, models


def add_row(apps, schema_editor):
    apps.get_model("iomcaribbean", "RecordsVersion").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("iomcaribbean", "0001_content_version")]

    operations = [
        migrations.CreateModel(
            name="RecordsVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveBigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(add_row, migrations.RunPython.noop),
    ]
