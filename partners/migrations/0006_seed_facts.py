"""The organisations of the sources, read again: departments know the government they belong to,
the fund behind the IOM Development Fund record is a record, and a government the overview says
IOM is in discussions with is no longer listed as the programme's funder. Re-running changes
nothing more."""

from django.db import migrations

# department slug, parent slug
PARENTS = [
    ("us-state-department", "united-states-government"),
    ("dominican-ministry-of-foreign-affairs", "government-of-the-dominican-republic"),
    ("state-secretariat-for-women", "government-of-the-dominican-republic"),
]
IDF = {
    "slug": "iom-development-fund",
    "name": "IOM Development Fund",
    "acronym": "IDF",
    "type": "40",
    "description": "IOM's fund for projects that develop the migration management capacity of its Member States; "
    "the seminar's project record (T81-805) is one of its project pages.",
}
IN_DISCUSSIONS = "in discussions with IOM and the Government of Jamaica in late 2002"


def forwards(apps, schema_editor):
    Organisation = apps.get_model("partners", "Organisation")
    Participation = apps.get_model("partners", "Participation")
    for slug, parent in PARENTS:
        Organisation.objects.filter(slug=slug).update(parent=Organisation.objects.filter(slug=parent).first())
    iom = Organisation.objects.filter(slug="iom").first()
    if iom is not None:
        fields = {k: v for k, v in IDF.items() if k != "slug"}
        english = {f"{name}_en": fields[name] for name in ("name", "acronym", "description") if fields.get(name)}
        Organisation.objects.update_or_create(slug=IDF["slug"], defaults=fields | english | {"parent": iom})
    # "discussions are underway with the Government of Jamaica and the U.S. Government": no funder yet.
    Participation.objects.filter(
        programme__slug="capacity-building-in-migration-management-jamaica",
        organisation__slug="united-states-government",
        role="1",
    ).update(role="d", description=IN_DISCUSSIONS, description_en=IN_DISCUSSIONS)


def backwards(apps, schema_editor):
    """Undo what can be told apart: the parents and the fund's record (the role stays corrected)."""
    Organisation = apps.get_model("partners", "Organisation")
    Organisation.objects.filter(slug__in=[slug for slug, _ in PARENTS]).update(parent=None)
    Organisation.objects.filter(slug=IDF["slug"]).delete()


class Migration(migrations.Migration):
    dependencies = [("partners", "0005_provenance_and_roles")]

    operations = [migrations.RunPython(forwards, backwards)]
