"""Programme editors manage locations and related activities; finance officers may read them, as
they read everything else that hangs off a programme."""

from django.db import migrations

from iomcaribbean.migration_operations import group_permissions

EDITORS_AND_FINANCE = {"Programme editors": ["view", "add", "change", "delete"], "Finance officers": ["view"]}


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0009_results_framework_permissions"),
        ("programmes", "0018_locations_and_related_activities"),
    ]

    operations = [group_permissions("programmes", ["location", "relatedactivity"], EDITORS_AND_FINANCE)]
