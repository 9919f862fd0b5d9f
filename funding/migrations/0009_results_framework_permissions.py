"""Programme editors manage the results framework (indicators, periods, breakdowns) as they manage
results; Finance officers may read it, as they read the rest of a programme."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["indicator", "period", "dimension"]
GROUP_ACTIONS = {"Programme editors": ["view", "add", "change", "delete"], "Finance officers": ["view"]}


def grant(apps, schema_editor):
    programmes = apps.get_app_config("programmes")
    programmes.models_module = True
    create_permissions(programmes, apps=apps, verbosity=0)
    programmes.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GROUP_ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_{model}" for action in actions for model in MODELS]
        group.permissions.add(*Permission.objects.filter(content_type__app_label="programmes", codename__in=codenames))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for action in GROUP_ACTIONS["Programme editors"] for model in MODELS]
    permissions = Permission.objects.filter(content_type__app_label="programmes", codename__in=codenames)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUP_ACTIONS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0008_seed_facts"),
        ("programmes", "0017_results_framework"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
