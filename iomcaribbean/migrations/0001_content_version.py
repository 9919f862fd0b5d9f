"""The content version moves here from programmes: the model in the migration state, then its table renamed.

Its row (the current number) stays as it is, so no kept page or ETag turns stale on the way.
``programmes.0016`` takes the model out of that app's state once it is here.
"""

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("programmes", "0015_drop_text_trigram_indexes")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ContentVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID"),
                        ),
                        ("number", models.PositiveBigIntegerField(default=0)),
                        ("changed_at", models.DateTimeField(default=django.utils.timezone.now)),
                    ],
                    options={"db_table": "programmes_contentversion"},
                ),
            ],
        ),
        # The table takes this app's name, as every other table is named after its app.
        migrations.AlterModelTable(name="contentversion", table=None),
    ]
