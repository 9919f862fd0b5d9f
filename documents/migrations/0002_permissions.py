"""Programme editors add, change and delete documents; finance officers may read them."""

from django.db import migrations

from iomcaribbean.migration_operations import group_permissions

EDITORS_AND_FINANCE = {"Programme editors": ["view", "add", "change", "delete"], "Finance officers": ["view"]}


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial"), ("funding", "0008_seed_facts")]

    operations = [group_permissions("documents", ["document"], EDITORS_AND_FINANCE)]
