"""Finance officers manage IOM's own budgets (the IATI organisation file's); programme editors may read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_ACTIONS = {"Finance officers": ["view", "add", "change", "delete"], "Programme editors": ["view"]}


def grant(apps, schema_editor):
    funding = apps.get_app_config("funding")
    funding.models_module = True
    create_permissions(funding, apps=apps, verbosity=0)
    funding.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GROUP_ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_organisationbudget" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label="funding", codename__in=codenames))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUP_ACTIONS):
        group.permissions.remove(*Permission.objects.filter(codename__endswith="_organisationbudget"))


class Migration(migrations.Migration):
    dependencies = [("funding", "0009_organisation_budgets")]

    operations = [migrations.RunPython(grant, revoke)]
