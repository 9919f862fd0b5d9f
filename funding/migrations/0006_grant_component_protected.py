"""A component a grant pays for can no longer be deleted (it was unlinked from the grant)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0005_planned_disbursement_permissions"),
        ("programmes", "0009_drop_duplicate_title_index"),
    ]

    operations = [
        migrations.AlterField(
            model_name="grant",
            name="component",
            field=models.ForeignKey(
                blank=True,
                help_text="The component of the programme the grant pays for, if it is one.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="grants",
                to="programmes.component",
            ),
        ),
    ]
