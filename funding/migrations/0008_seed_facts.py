"""The grants of the sources, read again: the IOM Development Fund, behind the seminar's project
record, is recorded as its funder (no sum: the record's figure is the project's budget).
Re-running changes nothing more."""

from django.db import migrations

SEMINAR = "international-migration-policy-seminar-caribbean"
IDF_PURPOSE = "the IOM Development Fund project T81-805"


def forwards(apps, schema_editor):
    Grant = apps.get_model("funding", "Grant")
    Programme = apps.get_model("programmes", "Programme")
    Organisation = apps.get_model("partners", "Organisation")
    seminar = Programme.objects.filter(slug=SEMINAR).first()
    fund = Organisation.objects.filter(slug="iom-development-fund").first()
    if seminar is not None and fund is not None:
        Grant.objects.get_or_create(
            programme=seminar, funder=fund, purpose=IDF_PURPOSE, defaults={"amount": None, "currency": ""}
        )


def backwards(apps, schema_editor):
    apps.get_model("funding", "Grant").objects.filter(programme__slug=SEMINAR, purpose=IDF_PURPOSE).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0007_provenance_and_roles"),
        ("partners", "0006_seed_facts"),
        ("programmes", "0013_seed_facts"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
