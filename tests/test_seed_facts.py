"""The structured record against the sources' own words (../shared/seeds), in every channel.

Each test reads a fact out of a source's text, then asks the record for it: the organisations the
sources name, with their roles; the dates, at the precision the text gives; the one money figure,
in the IATI file, the API, the CSV and the page alike. A fact found in the text but not in the
record (or shown more precisely than the text says) fails here.
"""

from __future__ import annotations

import csv
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from funding.models import Grant
from partners.models import Organisation, OverviewPartner, Participation
from programmes.models import Programme
from tests import iati as check

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
OVERVIEW = (SEEDS / "000_072021a48003f293.txt").read_text(encoding="utf-8")
PROJECT_RECORD = (SEEDS / "002_c778038d77c50461.txt").read_text(encoding="utf-8")
SEMINAR = "international-migration-policy-seminar-caribbean"


def iati_activity(client, identifier: str):
    """The activity of the public IATI file with ``identifier``."""
    response = client.get(reverse("programmes:iati_activities"))
    return check.activities(b"".join(response.streaming_content))[identifier]


def said(text: str, phrase: str) -> bool:
    """Whether the source says ``phrase``, across the PDF's line breaks."""
    return " ".join(phrase.split()) in " ".join(text.split())


def record_field(name: str) -> str:
    """A field of the project record's sheet: the line after its label."""
    lines = [line.strip() for line in PROJECT_RECORD.splitlines()]
    return next(lines[i + 1] for i, line in enumerate(lines) if line == name)


# Organisations, with their roles ---------------------------------------------------------------

# (phrase in the overview, organisation slug, programme slug or None, role or overview group)
NAMED = [
    (
        "Funding for this component has been received by the U.S. State Department",
        "us-state-department",
        "hiv-aids-and-mobile-populations",
        "funding",
    ),
    (
        "supported primarily through a grant from the U.S. State Department",
        "us-state-department",
        "counter-trafficking-dominican-republic-phase-two",
        "funding",
    ),
    (
        "contributions from the Governments of the Dominican Republic and the United States",
        "government-of-the-dominican-republic",
        "managing-migration-and-promoting-migrants-rights",
        "funding",
    ),
    (
        "contributions from the Governments of the Dominican Republic and the United States",
        "united-states-government",
        "managing-migration-and-promoting-migrants-rights",
        "funding",
    ),
    (
        "the Canadian Government has extended funds",
        "government-of-canada",
        "managing-migration-and-promoting-migrants-rights",
        "funding",
    ),
    ("IOM allocated special funds", "iom", "counter-trafficking-dominican-republic-phase-one", "funding"),
    (
        "State Secretariat for Women (SSW) and IOM was signed",
        "state-secretariat-for-women",
        "counter-trafficking-dominican-republic",
        Participation.Role.IMPLEMENTING,
    ),
    (
        "organized by the Dominican Ministry of Foreign Affairs",
        "dominican-ministry-of-foreign-affairs",
        "counter-trafficking-dominican-republic",
        Participation.Role.IMPLEMENTING,
    ),
    (
        "Latin American Faculty of Social Sciences (FLACSO)",
        "flacso",
        "managing-migration-and-promoting-migrants-rights",
        Participation.Role.IMPLEMENTING,
    ),
    (
        "a U.S. academic expert from Trinity College",
        "trinity-college",
        "managing-migration-and-promoting-migrants-rights",
        Participation.Role.IMPLEMENTING,
    ),
    (
        "partner the Government of Jamaica",
        "government-of-jamaica",
        "capacity-building-in-migration-management-jamaica",
        Participation.Role.IMPLEMENTING,
    ),
    # "Discussions are underway": a role not yet agreed, never a funder.
    (
        "discussions are underway with the Government of Jamaica and the U.S. Government",
        "united-states-government",
        "capacity-building-in-migration-management-jamaica",
        Participation.Role.IN_DISCUSSIONS,
    ),
    ("UNHCR, UNFPA, UNDP and ILO", "unhcr", None, OverviewPartner.Group.UN_SYSTEM),
    ("UNHCR, UNFPA, UNDP and ILO", "ilo", None, OverviewPartner.Group.UN_SYSTEM),
    ("cooperation agreements with WHO/PAHO and UNAIDS", "who-paho", None, OverviewPartner.Group.HEALTH_AGREEMENT),
    ("cooperation agreements with WHO/PAHO and UNAIDS", "unaids", None, OverviewPartner.Group.HEALTH_AGREEMENT),
    ("receive support from the Canadian Government", "government-of-canada", None, OverviewPartner.Group.SUPPORTER),
    ("the European Union, and other bilateral sources", "european-union", None, OverviewPartner.Group.SUPPORTER),
]


@pytest.mark.parametrize(("phrase", "slug", "programme", "role"), NAMED)
def test_each_organisation_the_overview_names_is_a_record_with_its_role(phrase, slug, programme, role) -> None:
    assert said(OVERVIEW, phrase)
    organisation = Organisation.objects.get(slug=slug)
    if programme is None:
        assert OverviewPartner.objects.filter(organisation=organisation, group=role).exists()
    elif role == "funding":
        assert Grant.objects.filter(funder=organisation, programme__slug=programme).exists()
    else:
        assert Participation.objects.filter(organisation=organisation, programme__slug=programme, role=role).exists()


def test_no_government_in_discussions_is_a_funder() -> None:
    jamaica = Programme.objects.get(slug="capacity-building-in-migration-management-jamaica")
    assert not jamaica.grants.exists()
    assert not jamaica.participations.filter(role=Participation.Role.FUNDING).exists()


def test_the_departments_the_sources_name_belong_to_their_governments() -> None:
    assert said(OVERVIEW, "the Dominican Republic's State Secretariat for Women")
    assert said(OVERVIEW, "the Dominican Ministry of Foreign Affairs")
    parents = dict(Organisation.objects.filter(parent__isnull=False).values_list("slug", "parent__slug"))
    assert parents == {
        "us-state-department": "united-states-government",
        "dominican-ministry-of-foreign-affairs": "government-of-the-dominican-republic",
        "state-secretariat-for-women": "government-of-the-dominican-republic",
        "iom-development-fund": "iom",
    }


def test_the_project_records_organisations_are_records_with_their_roles() -> None:
    assert said(PROJECT_RECORD, "IOM and IMP convened a migration policy seminar")
    seminar = Programme.objects.get(slug=SEMINAR)
    roles = set(seminar.participations.values_list("organisation__acronym", "role"))
    assert roles == {("IOM", Participation.Role.ACCOUNTABLE), ("IMP", Participation.Role.IMPLEMENTING)}
    # The record is an IOM Development Fund project page ("IDF Region"): the fund is its funder.
    assert record_field("IDF Region") == "Latin America and the Caribbean"
    assert list(seminar.grants.values_list("funder__slug", flat=True)) == ["iom-development-fund"]


# Dates, at the precision the sources give -------------------------------------------------------

# (phrase, programme slug, "start" or "end", what the page shows, ISO at that precision)
DATES = [
    ("for the Dominican Republic in 2000", "counter-trafficking-dominican-republic", "start", "2000", "2000"),
    (
        "From October 2001 to August 2002",
        "counter-trafficking-dominican-republic-phase-one",
        "start",
        "October 2001",
        "2001-10",
    ),
    (
        "From October 2001 to August 2002",
        "counter-trafficking-dominican-republic-phase-one",
        "end",
        "August 2002",
        "2002-08",
    ),
    ("starting in November 2002", "hiv-aids-and-mobile-populations", "start", "November 2002", "2002-11"),
    (
        "Technical Cooperation Center for the Caribbean region in 2003",
        "technical-cooperation-center-for-the-caribbean",
        "start",
        "2003",
        "2003",
    ),
    ("design started in 2001", "managing-migration-and-promoting-migrants-rights", "start", "2001", "2001"),
]


@pytest.mark.parametrize(("phrase", "slug", "end", "shown", "iso"), DATES)
def test_each_date_is_kept_at_its_precision_in_the_page_the_api_and_the_csv(client, phrase, slug, end, shown, iso):
    assert said(OVERVIEW, phrase)
    programme = Programme.objects.get(slug=slug)
    assert getattr(programme, f"{end}_display") == shown

    assert f'datetime="{iso}">{shown}</time>' in client.get(programme.get_absolute_url()).content.decode()
    api = client.get(reverse("programmes_api:programme-detail", kwargs={"slug": slug})).json()[end]
    assert (api["iso"], api["display"]) == (iso, shown)
    rows = csv.DictReader(io.StringIO(client.get(reverse("programmes:list_csv")).content.decode("utf-8-sig")))
    row = next(row for row in rows if row["Page"].endswith(programme.get_absolute_url()))
    assert row[f"{end.capitalize()} date"].removesuffix(" (estimate)") == iso


def test_the_project_records_years_are_years_everywhere(client) -> None:
    assert (record_field("Start Date"), record_field("End Date")) == ("2001", "2001")
    seminar = Programme.objects.get(slug=SEMINAR)
    assert (seminar.start_display, seminar.end_display) == ("2001", "2001")
    activity = iati_activity(client, f"XM-DAC-47066-{seminar.code}")
    # IATI dates are days: the period's first and last, and a narrative that says only the year is known.
    dates = [(d.get("iso-date"), d.findtext("narrative")) for d in activity.findall("activity-date")]
    assert dates == [("2001-01-01", "2001: known only to the year."), ("2001-12-31", "2001: known only to the year.")]


# Money -----------------------------------------------------------------------------------------


def test_the_one_money_figure_is_the_same_in_every_channel(client) -> None:
    amount, currency = Decimal(record_field("Budget Amount (USD)")), "USD"
    seminar = Programme.objects.get(code=record_field("Projects ID"))
    assert (seminar.budget_amount, seminar.budget_currency) == (amount, currency)

    activity = iati_activity(client, "XM-DAC-47066-T81-805")
    assert [(b.findtext("value"), b.find("value").get("currency")) for b in activity.findall("budget")] == [
        (f"{amount:.2f}", currency)
    ]
    api = client.get(reverse("programmes_api:programme-detail", kwargs={"slug": SEMINAR})).json()["budget"]
    assert (Decimal(api["amount"]), api["currency"]) == (amount, currency)
    rows = csv.DictReader(io.StringIO(client.get(reverse("programmes:list_csv")).content.decode("utf-8-sig")))
    row = next(row for row in rows if row["IOM project code"] == "T81-805")
    assert (Decimal(row["Total budget"]), row["Total budget currency"]) == (amount, currency)
    assert "USD\u00a037,450.00" in client.get(seminar.get_absolute_url()).content.decode()


def test_no_other_money_is_stated_so_none_is_recorded() -> None:
    # The sources hold one sum: every other amount stays "not published".
    sums = re.findall(r"\b\d{1,3}(?:,\d{3})+\.\d{2}\b|\b\d+\.\d{2}\b", OVERVIEW + PROJECT_RECORD)
    assert sums == ["37450.00"]
    assert not Grant.objects.filter(amount__isnull=False).exists()
    assert Programme.objects.filter(budget_amount__isnull=False).count() == 1


# Places, by role -------------------------------------------------------------------------------


def test_the_project_records_benefiting_states_are_where_it_works_and_the_venue_is_not(client) -> None:
    states = record_field("Benefiting Member States")
    assert states == "Belize Dominican Republic Haiti"
    assert said(PROJECT_RECORD, "seminar for the Caribbean region in Jamaica")
    activity = iati_activity(client, "XM-DAC-47066-T81-805")
    assert [c.get("code") for c in activity.findall("recipient-country")] == ["BZ", "DO", "HT"]
    seminar = Programme.objects.get(slug=SEMINAR)
    assert seminar.country_links.get(role="venue").country.code == "JM"


def test_destinations_of_trafficked_women_are_named_places_not_where_the_programme_works(client) -> None:
    assert said(OVERVIEW, "trafficked to the Dutch Antilles, Europe and more recently Argentina")
    activity = iati_activity(client, "XM-DAC-47066-counter-trafficking-dominican-republic")
    assert [c.get("code") for c in activity.findall("recipient-country")] == ["DO"]
    links = Programme.objects.get(slug="counter-trafficking-dominican-republic").country_links
    assert set(links.filter(role="destination").values_list("country__code", flat=True)) == {"AN", "AR"}
