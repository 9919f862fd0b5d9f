"""What a grant funds in English, Spanish and French (``funding.translation``): a column per language,
in the history too; the English one starts as the text each row has."""

from django.db import migrations, models
from django.db.models import F

PURPOSE = {
    "blank": True,
    "help_text": "e.g. 'the baseline assessment component'.",
    "max_length": 300,
    "null": True,
    "verbose_name": "what it funds",
}


def copy_to_english(apps, schema_editor):
    """The texts so far are English: they become the English translation, in the history too."""
    for name in ("grant", "historicalgrant"):
        apps.get_model("funding", name).objects.update(purpose_en=F("purpose"))


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0013_donor_digest_preferences"),
    ]

    operations = [
        *(
            migrations.AddField(model_name=model, name=f"purpose_{language}", field=models.CharField(**PURPOSE))
            for model in ("grant", "historicalgrant")
            for language in ("en", "es", "fr")
        ),
        # Going back drops the columns; the original one has kept the English text all along.
        migrations.RunPython(copy_to_english, migrations.RunPython.noop),
    ]
