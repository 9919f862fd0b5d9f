"""The organisations of the two source documents, their roles, agreements, and the overview's
partners paragraph. Keyed by slug, so re-running never duplicates a row."""

import datetime

from django.db import migrations

ORGANISATIONS = [
    # slug, name, acronym, IATI OrganisationType, country code, IATI identifier, website
    ("iom", "International Organization for Migration", "IOM", "40", None, "XM-DAC-47066", "https://www.iom.int"),
    ("imp", "International Migration Policy Programme", "IMP", "40", None, "", ""),
    ("us-state-department", "U.S. State Department", "", "10", "US", "", ""),
    ("united-states-government", "United States Government", "", "10", "US", "", ""),
    ("government-of-canada", "Government of Canada", "", "10", "CA", "", ""),
    ("european-union", "European Union", "EU", "40", None, "", ""),
    ("government-of-the-dominican-republic", "Government of the Dominican Republic", "", "10", "DO", "", ""),
    ("dominican-ministry-of-foreign-affairs", "Dominican Ministry of Foreign Affairs", "", "10", "DO", "", ""),
    ("state-secretariat-for-women", "State Secretariat for Women", "SSW", "10", "DO", "", ""),
    ("flacso", "Latin American Faculty of Social Sciences", "FLACSO", "80", None, "", ""),
    ("trinity-college", "Trinity College", "", "80", "US", "", ""),
    ("government-of-jamaica", "Government of Jamaica", "", "10", "JM", "", ""),
    ("unhcr", "Office of the United Nations High Commissioner for Refugees", "UNHCR", "40", None, "XM-DAC-41121", ""),
    ("unfpa", "United Nations Population Fund", "UNFPA", "40", None, "XM-DAC-41119", ""),
    ("undp", "United Nations Development Programme", "UNDP", "40", None, "XM-DAC-41114", ""),
    ("ilo", "International Labour Organization", "ILO", "40", None, "XM-DAC-41302", ""),
    ("who-paho", "World Health Organization / Pan American Health Organization", "WHO/PAHO", "40", None, "", ""),
    ("unaids", "Joint United Nations Programme on HIV/AIDS", "UNAIDS", "40", None, "XM-DAC-41110", ""),
]

# programme slug, organisation slug, IATI OrganisationRole, what it did
PARTICIPATIONS = [
    ("international-migration-policy-seminar-caribbean", "iom", "2",
     "convened the seminar with IMP and held the two-day follow-up meeting with governments"),
    ("international-migration-policy-seminar-caribbean", "imp", "4",
     "convened the seminar with IOM; the seminar was held under its aegis"),
    ("counter-trafficking-dominican-republic", "iom", "2", "published the baseline study and co-organized the seminar"),
    ("counter-trafficking-dominican-republic", "state-secretariat-for-women", "4",
     "signed a partnership agreement with IOM by April 2001 and co-organized the seminar"),
    ("counter-trafficking-dominican-republic", "dominican-ministry-of-foreign-affairs", "4",
     "co-organized the seminar bringing together government and civil society"),
    ("counter-trafficking-dominican-republic-phase-one", "iom", "2", "ran the first phase"),
    ("counter-trafficking-dominican-republic-phase-two", "iom", "2", "runs the second phase"),
    ("hiv-aids-and-mobile-populations", "iom", "2", "implements the regional initiative"),
    ("managing-migration-and-promoting-migrants-rights", "iom", "2", "developed the program and runs the survey"),
    ("managing-migration-and-promoting-migrants-rights", "government-of-the-dominican-republic", "4",
     "develops the program in cooperation with IOM"),
    ("managing-migration-and-promoting-migrants-rights", "dominican-ministry-of-foreign-affairs", "4",
     "took part in the initial discussions on the project and its design in 2001"),
    ("managing-migration-and-promoting-migrants-rights", "flacso", "4",
     "took part in the initial discussions in 2001; designs and implements the survey with IOM"),
    ("managing-migration-and-promoting-migrants-rights", "trinity-college", "4",
     "a U.S. academic expert from Trinity College designs and implements the survey with IOM"),
    ("capacity-building-in-migration-management-jamaica", "iom", "2", "is developing the program"),
    ("capacity-building-in-migration-management-jamaica", "government-of-jamaica", "4",
     "partner government; discussions underway in late 2002"),
    # "discussions are underway with the Government of Jamaica and the U.S. Government": no role
    # agreed yet ("d", a role IATI lacks; 0006_seed_facts corrects databases seeded before).
    ("capacity-building-in-migration-management-jamaica", "united-states-government", "d",
     "in discussions with IOM and the Government of Jamaica in late 2002"),
    ("technical-cooperation-center-for-the-caribbean", "iom", "2", "proposes to establish the center"),
]

# slug-like key, title, organisation slugs, signed date, precision, subject, programme slug
AGREEMENTS = [
    ("SSW and IOM counter-trafficking partnership agreement", ["state-secretariat-for-women", "iom"],
     datetime.date(2001, 4, 1), "month", "counter-trafficking", "counter-trafficking-dominican-republic",
     "An agreement between the Dominican Republic's State Secretariat for Women (SSW) and IOM, cementing a close "
     "working partnership and commitment to progress on the issue."),
    ("IOM and WHO/PAHO cooperation agreement on migrants' health", ["iom", "who-paho"], None, "day",
     "migrants' health", None, "Translated into joint actions."),
    ("IOM and UNAIDS cooperation agreement on migrants' health", ["iom", "unaids"], None, "day",
     "migrants' health", None, "Translated into joint actions."),
]

OVERVIEW_SLUG = "iom-in-the-caribbean-2002"
OVERVIEW_PARTNERS = [
    ("un-system", ["unhcr", "unfpa", "undp", "ilo"]),
    ("health", ["who-paho", "unaids"]),
    ("supporter", ["government-of-canada", "united-states-government", "european-union"]),
]


def seed(apps, schema_editor):
    Country = apps.get_model("programmes", "Country")
    Programme = apps.get_model("programmes", "Programme")
    Overview = apps.get_model("programmes", "Overview")
    Organisation = apps.get_model("partners", "Organisation")
    Participation = apps.get_model("partners", "Participation")
    Agreement = apps.get_model("partners", "Agreement")
    OverviewPartner = apps.get_model("partners", "OverviewPartner")

    orgs = {}
    for slug, name, acronym, type_, country, iati_id, website in ORGANISATIONS:
        orgs[slug], _ = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name, "acronym": acronym, "type": type_, "iati_identifier": iati_id, "website": website,
                "country": Country.objects.get(code=country) if country else None,
            },
        )
    programmes = {p.slug: p for p in Programme.objects.filter(slug__in={row[0] for row in PARTICIPATIONS})}
    for order, (programme, org, role, description) in enumerate(PARTICIPATIONS, start=1):
        Participation.objects.update_or_create(
            programme=programmes[programme], organisation=orgs[org], role=role,
            defaults={"description": description, "order": order},
        )
    for title, members, signed, precision, subject, programme, description in AGREEMENTS:
        agreement, _ = Agreement.objects.update_or_create(
            title=title,
            defaults={
                "signed_date": signed, "signed_precision": precision, "subject": subject, "description": description,
                "programme": Programme.objects.get(slug=programme) if programme else None,
            },
        )
        agreement.organisations.set([orgs[m] for m in members])
    overview = Overview.objects.get(slug=OVERVIEW_SLUG)
    for group, members in OVERVIEW_PARTNERS:
        for order, org in enumerate(members, start=1):
            OverviewPartner.objects.update_or_create(
                overview=overview, organisation=orgs[org], group=group, defaults={"order": order}
            )


def unseed(apps, schema_editor):
    Organisation = apps.get_model("partners", "Organisation")
    slugs = [row[0] for row in ORGANISATIONS]
    apps.get_model("partners", "OverviewPartner").objects.filter(organisation__slug__in=slugs).delete()
    apps.get_model("partners", "Agreement").objects.filter(title__in=[a[0] for a in AGREEMENTS]).delete()
    apps.get_model("partners", "Participation").objects.filter(organisation__slug__in=slugs).delete()
    Organisation.objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial"), ("programmes", "0002_seed_content")]

    operations = [migrations.RunPython(seed, unseed)]
