"""Programme editors manage the results framework (indicators, periods, breakdowns) as they manage
results; Finance officers may read it, as they read the rest of a programme."""

from django.db import migrations

from iomcaribbean.migration_operations import group_permissions

EDITORS_AND_FINANCE = {"Programme editors": ["view", "add", "change", "delete"], "Finance officers": ["view"]}


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0008_seed_facts"),
        ("programmes", "0017_results_framework"),
    ]

    operations = [group_permissions("programmes", ["indicator", "period", "dimension"], EDITORS_AND_FINANCE)]
