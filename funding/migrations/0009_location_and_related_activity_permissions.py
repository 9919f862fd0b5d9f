"""Programme editors manage locations and related activities; finance officers may read them, as
they read everything else that hangs off a programme."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["location", "relatedactivity"]
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
    codenames = [f"{action}_{model}" for action in ("view", "add", "change", "delete") for model in MODELS]
    permissions = Permission.objects.filter(content_type__app_label="programmes", codename__in=codenames)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUP_ACTIONS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0008_seed_facts"),
        ("programmes", "0018_locations_and_related_activities"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
