# A thematic area has one name, shown the same everywhere: the short label it had for filters and
# menus. The overview's own wording of the area stays, as the overview's text, in overview_wording.

from django.db import migrations

SUFFIXES = ("", "_en", "_es", "_fr")
MODELS = ("thematicarea", "historicalthematicarea")


def renames(old: str, new: str) -> list:
    return [
        migrations.RenameField(model_name=model, old_name=f"{old}{suffix}", new_name=f"{new}{suffix}")
        for model in MODELS
        for suffix in SUFFIXES
    ]


class Migration(migrations.Migration):
    dependencies = [("programmes", "0010_programme_is_public")]

    operations = [*renames("name", "overview_wording"), *renames("short_name", "name")]
