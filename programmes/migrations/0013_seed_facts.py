"""The seed content, read again line by line against its two sources: what they state stays, what
was only inferred is marked as an estimate with what it rests on, and what no source says is
cleared (a coverage or an IOM Development Fund region nobody gave).

Keyed by slug; rows a site added itself are left alone. Re-running changes nothing more.
"""

import datetime

from django.db import migrations

CARRIED_OUT = (
    "The overview (October 2002) lists it among the “examples of programs carried out by IOM in the Caribbean "
    "up to 2002”; it does not say whether it had ended."
)
AREAS = (
    "The editors' reading: the overview names the areas and the programmes, but not which programme serves "
    "which area."
)
FROM_TITLE = "Read from the programme's title; no source states its coverage."

# slug: fields to set (English texts: the original column and its _en column both hold them)
FACTS = {
    "international-migration-policy-seminar-caribbean": {
        # As the IDF project record gives them ("Start Date 2001", "End Date 2001"): the seminar ran
        # from 28 May to 1 June, but the project also held a follow-up meeting, on days not given.
        "start_date": datetime.date(2001, 1, 1), "start_precision": "year",
        "end_date": datetime.date(2001, 1, 1), "end_precision": "year",
    },
    "haitian-technical-assistance-project": {
        "status_estimate": CARRIED_OUT, "coverage": "national", "coverage_estimate": FROM_TITLE,
    },
    "haitian-migration-management-program": {
        "status_estimate": CARRIED_OUT, "coverage": "national", "coverage_estimate": FROM_TITLE,
    },
    "regularization-and-repatriation-turks-and-caicos": {"status_estimate": CARRIED_OUT, "coverage": ""},
    "third-country-return": {"status_estimate": CARRIED_OUT, "coverage": ""},
    "return-and-reintegration-of-qualified-jamaican-nationals": {
        "status_estimate": CARRIED_OUT, "coverage": "national", "coverage_estimate": FROM_TITLE,
    },
    "regional-seminars-on-migration-policy-and-practice": {"status_estimate": CARRIED_OUT},
    "counter-trafficking-dominican-republic-phase-two": {
        "status_estimate": "The overview (October 2002) puts phase two after phase one, which ended in August 2002, "
        "and says a grant supports its activities; it gives no start date.",
    },
    "managing-migration-and-promoting-migrants-rights": {
        "start_date": datetime.date(2001, 1, 1), "start_precision": "year",
        "start_estimate": "The overview says that initial discussions on the project and its design started in "
        "2001; when its activities began is not given.",
    },
}
TRANSLATED = {"status_estimate", "coverage_estimate", "start_estimate", "end_estimate", "areas_estimate"}
SEED_SLUGS = (
    "international-migration-policy-seminar-caribbean", "haitian-technical-assistance-project",
    "haitian-migration-management-program", "regularization-and-repatriation-turks-and-caicos",
    "third-country-return", "return-and-reintegration-of-qualified-jamaican-nationals",
    "regional-seminars-on-migration-policy-and-practice", "counter-trafficking-dominican-republic",
    "counter-trafficking-dominican-republic-phase-one", "counter-trafficking-dominican-republic-phase-two",
    "hiv-aids-and-mobile-populations", "managing-migration-and-promoting-migrants-rights",
    "capacity-building-in-migration-management-jamaica", "technical-cooperation-center-for-the-caribbean",
)


def with_english(fields: dict) -> dict:
    return fields | {f"{name}_en": value for name, value in fields.items() if name in TRANSLATED}


def forwards(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    seed = Programme.objects.filter(slug__in=SEED_SLUGS)
    seed.exclude(slug="international-migration-policy-seminar-caribbean").update(idf_region="")
    seed.filter(thematic_areas__isnull=False).update(**with_english({"areas_estimate": AREAS}))
    for slug, fields in FACTS.items():
        Programme.objects.filter(slug=slug).update(**with_english(fields))


class Migration(migrations.Migration):
    dependencies = [("programmes", "0012_provenance_and_roles")]

    # Backwards leaves the corrected facts: the wrong ones are not worth restoring.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
