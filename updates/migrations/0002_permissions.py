"""Programme editors draft, publish and delete updates and their photos; finance officers may read them."""

from django.db import migrations

from iomcaribbean.migration_operations import group_permissions

EDITORS_AND_FINANCE = {"Programme editors": ["view", "add", "change", "delete"], "Finance officers": ["view"]}


class Migration(migrations.Migration):
    dependencies = [("updates", "0001_initial"), ("funding", "0012_organisation_budget_permissions")]

    operations = [group_permissions("updates", ["update", "updatephoto"], EDITORS_AND_FINANCE)]
