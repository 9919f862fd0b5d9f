"""Finance officers manage IOM's own budgets (the IATI organisation file's); programme editors may read them."""

from django.db import migrations

from iomcaribbean.migration_operations import group_permissions

FINANCE_AND_EDITORS = {"Finance officers": ["view", "add", "change", "delete"], "Programme editors": ["view"]}


class Migration(migrations.Migration):
    dependencies = [("funding", "0011_organisation_budgets")]

    operations = [group_permissions("funding", ["organisationbudget"], FINANCE_AND_EDITORS)]
