"""Staff permission groups: programme editors and finance officers."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = {
    "programmes": ["country", "thematicarea", "projecttype", "programme", "programmecountry", "component", "result",
                   "keyfigure", "publication", "overview", "overviewentry"],
    "partners": ["organisation", "participation", "agreement", "overviewpartner"],
}
FINANCE_MODELS = {"funding": ["grant", "transaction", "budget"]}
ALL_ACTIONS = ["view", "add", "change", "delete"]

GROUPS = {
    "Programme editors": [(app, model, ALL_ACTIONS) for app, models in EDITOR_MODELS.items() for model in models]
    + [("funding", model, ["view"]) for model in FINANCE_MODELS["funding"]],
    # Finance officers read programmes (and what hangs off them) but change only money.
    "Finance officers": [(app, model, ALL_ACTIONS) for app, models in FINANCE_MODELS.items() for model in models]
    + [(app, model, ["view"]) for app, models in EDITOR_MODELS.items() for model in models],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [(app, f"{action}_{model}") for app, model, actions in grants for action in actions]
        permissions = [Permission.objects.get(content_type__app_label=app, codename=code) for app, code in codenames]
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0002_seed_content"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
