"""Finance officers, who look after the donors' money, may read which digests were sent; nobody writes them by hand."""

from django.db import migrations

from iomcaribbean.migration_operations import group_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("digests", "0001_initial"),
        ("funding", "0003_permission_groups"),
    ]

    operations = [group_permissions("digests", ["digestsent"], {"Finance officers": ["view"]})]
