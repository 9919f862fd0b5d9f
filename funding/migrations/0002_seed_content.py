"""The grants the two source documents name. None of them states a sum, so every amount is
empty ("amount not published"); none is made up. Re-running never duplicates a row."""

from django.db import migrations

# programme slug, funder slug, component title (or None), what it funds, main source of funding
GRANTS = [
    ("hiv-aids-and-mobile-populations", "us-state-department", "Baseline assessment",
     "the baseline assessment component", False),
    ("counter-trafficking-dominican-republic-phase-one", "iom",
     "Formal information campaign (TV, radio and press)",
     "special funds for the formal information campaign (TV, radio and press)", False),
    ("counter-trafficking-dominican-republic-phase-two", "us-state-department", None,
     "the four areas of activity of phase two", True),
    ("managing-migration-and-promoting-migrants-rights", "government-of-the-dominican-republic",
     "National survey of the Haitian population living in the Dominican Republic",
     "a contribution to the national survey on the Haitian population", False),
    ("managing-migration-and-promoting-migrants-rights", "united-states-government",
     "National survey of the Haitian population living in the Dominican Republic",
     "a contribution to the national survey on the Haitian population", False),
    ("managing-migration-and-promoting-migrants-rights", "government-of-canada",
     "Sensitisation, education and political support for migrants rights",
     "interconnected activities for sensitisation, education and political support for migrants rights", False),
]


def seed(apps, schema_editor):
    Programme = apps.get_model("programmes", "Programme")
    Organisation = apps.get_model("partners", "Organisation")
    Grant = apps.get_model("funding", "Grant")
    # No amount, so no currency (0007 clears the USD the schema of this migration's time required).
    no_currency = "" if Grant._meta.get_field("currency").blank else "USD"
    for programme_slug, funder_slug, component_title, purpose, primary in GRANTS:
        programme = Programme.objects.get(slug=programme_slug)
        component = programme.components.get(title=component_title) if component_title else None
        Grant.objects.update_or_create(
            programme=programme,
            funder=Organisation.objects.get(slug=funder_slug),
            purpose=purpose,
            defaults={"component": component, "is_primary": primary, "amount": None, "currency": no_currency},
        )


def unseed(apps, schema_editor):
    Grant = apps.get_model("funding", "Grant")
    for programme_slug, funder_slug, _, purpose, _ in GRANTS:
        Grant.objects.filter(programme__slug=programme_slug, funder__slug=funder_slug, purpose=purpose).delete()


class Migration(migrations.Migration):
    dependencies = [("funding", "0001_initial"), ("partners", "0001_squashed_0004_content_translations")]

    operations = [migrations.RunPython(seed, unseed)]
