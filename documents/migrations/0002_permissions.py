"""Programme editors add, change and delete documents; finance officers may read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_ACTIONS = {"Programme editors": ["view", "add", "change", "delete"], "Finance officers": ["view"]}


def grant(apps, schema_editor):
    documents = apps.get_app_config("documents")
    documents.models_module = True
    create_permissions(documents, apps=apps, verbosity=0)
    documents.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, actions in GROUP_ACTIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [f"{action}_document" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label="documents", codename__in=codenames))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUP_ACTIONS):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="documents"))


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial"), ("funding", "0008_seed_facts")]

    operations = [migrations.RunPython(grant, revoke)]
