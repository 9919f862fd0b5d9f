"""An unpublished programme, and every figure that hangs off it, shows in no public channel.

One distinctive unpublished programme (its own title, code, amounts, a country, an area, a
project type, a partner and a funder that nothing published uses) is added beside published
records that share a country, an area, a partner and a funder with it. Every public channel
(pages, lists and their counts, search, the filters' choices, charts, the API, IATI, CSV and
XLSX, the feed, the sitemap, the funder pages and their totals) must answer exactly as it did
before the programme existed, and none may name it.

The unpublished programme is the root of a tree three levels deep: a published phase of it,
and a published phase of that phase, each with components, agreements, grants and roles of its
own, and an organisation whose only part is in that tree. Publication counts at every level: a
programme is public only if everything above it is published too.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from decimal import Decimal
from io import BytesIO

import pytest
from django.test import Client
from openpyxl import load_workbook

from funding.models import Transaction
from iomcaribbean.content_version import content_version
from programmes.downloads import COLUMNS
from programmes.models import Overview, OverviewEntry, Programme
from tests.factories import (
    AgreementFactory,
    BudgetFactory,
    ComponentFactory,
    CountryFactory,
    DocumentFactory,
    GrantFactory,
    KeyFigureFactory,
    LocationFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ProjectTypeFactory,
    PublicationFactory,
    RelatedActivityFactory,
    ResultFactory,
    ThematicAreaFactory,
    TransactionFactory,
    UpdatePhotoFactory,
)
from tests.helpers.kept import forget_kept_pages
from tests.helpers.roles import records_once
from updates.models import UpdatePhoto

pytestmark = pytest.mark.django_db

TITLE = "Quillwort Lagoon Resettlement Pilot"
CODE = "QLX-7731"
SLUG = "quillwort-lagoon-resettlement-pilot"
BUDGET = Decimal("7654321.00")
GRANT = Decimal("8765432.10")
COMMITTED = Decimal("6543219.00")
# The published phase of the pilot (hidden with it), and the published phase of that phase.
CHILD_SLUG = "quillwort-phase-two"
GRANDCHILD = "Bramblecove grandchild of the pilot"
GRANDCHILD_SLUG = "bramblecove-grandchild"
GRANDCHILD_CODE = "QLX-7733"
GRANDCHILD_GRANT = Decimal("5432198.76")
# An organisation whose only part is in the pilot's tree: a role, a grant, an agreement.
TREE_ONLY = "tree-only-organisation"
# Every way a page, a file or the API could write the programme or its money. (The country,
# area and organisations are public records with pages of their own; that the pilot adds nothing
# to them is what the before-and-after comparison checks.)
MARKERS = [
    TITLE,
    "Quillwort",
    CODE,
    SLUG,
    "7654321",
    "7,654,321",
    "7 654 321",
    "8765432",
    "8,765,432",
    "8 765 432",
    "6543219",
    "6,543,219",
    "6 543 219",
    "Hidden project type of the pilot",
    "Lagoon component",
    "Lagoon result",
    # The phase of the pilot, the phase of that phase, and what hangs off them.
    "Sedgemoor",
    GRANDCHILD,
    "Bramblecove",
    GRANDCHILD_SLUG,
    GRANDCHILD_CODE,
    "5432198",
    "5,432,198",
    "5 432 198",
    "Thistlemarsh",
]


def published_world() -> dict:
    """Published records the unpublished programme will share a country, area, partner and funder with."""
    country, area = CountryFactory(name="Shared country", slug="shared-country"), ThematicAreaFactory()
    hidden = {
        "country": CountryFactory(name="Hidden country of the pilot", slug="hidden-country"),
        "area": ThematicAreaFactory(name="Hidden area of the pilot", overview_wording="Hidden area of the pilot"),
        "project_type": ProjectTypeFactory(name="Hidden project type of the pilot", slug="hidden-type"),
        "partner": OrganisationFactory(name="Hidden partner of the pilot", slug="hidden-partner"),
        "funder": OrganisationFactory(name="Hidden funder of the pilot", slug="hidden-funder"),
        "tree_only": OrganisationFactory(name="Thistlemarsh Foundation", acronym="THF", slug=TREE_ONLY),
    }
    published = ProgrammeFactory(title="Shared published programme", slug="shared-published")
    published.thematic_areas.add(area)
    ProgrammeCountryFactory(programme=published, country=country)
    partner, funder = OrganisationFactory(slug="shared-partner"), OrganisationFactory(slug="shared-funder")
    ParticipationFactory(programme=published, organisation=partner)
    grant = GrantFactory(programme=published, funder=funder, amount=Decimal("1000.00"))
    TransactionFactory(grant=grant, amount=Decimal("1000.00"), date=datetime.date(2011, 5, 1))
    UpdatePhotoFactory(update__programme=published, update__title="Shared published update", alt_text="Shared photo")
    return {"country": country, "area": area, "published": published, "partner": partner, "funder": funder} | {
        f"hidden_{name}": record for name, record in hidden.items()
    }


def add_the_unpublished_programme(world: dict) -> Programme:
    pilot = ProgrammeFactory(
        title=TITLE,
        slug=SLUG,
        code=CODE,
        acronym="QLRP",
        summary="Quillwort lagoon summary.",
        status=Programme.Status.CANCELLED,
        coverage=Programme.Coverage.REGIONAL,
        budget_amount=BUDGET,
        start_date=datetime.date(1999, 1, 1),
        end_date=datetime.date(2031, 12, 31),
        project_type=world["hidden_project_type"],
        is_published=False,
    )
    pilot.thematic_areas.add(world["area"], world["hidden_area"])
    for country in (world["country"], world["hidden_country"]):
        ProgrammeCountryFactory(programme=pilot, country=country)
    for partner in (world["partner"], world["hidden_partner"]):
        ParticipationFactory(programme=pilot, organisation=partner)
    component = ComponentFactory(programme=pilot, title="Lagoon component")
    ResultFactory(programme=pilot, title="Lagoon result")
    KeyFigureFactory(programme=pilot, value=Decimal("7654321"))
    BudgetFactory(programme=pilot, amount=BUDGET)
    # On the shared country's map and list, and linked to and from the published programme.
    LocationFactory(programme=pilot, name="Quillwort landing", country=world["country"])
    RelatedActivityFactory(programme=pilot, related_programme=world["published"])
    RelatedActivityFactory(programme=world["published"], related_programme=pilot)
    DocumentFactory(programme=pilot, title="Quillwort evaluation")
    # A published update of the pilot, and a draft of the published programme, each with a photo.
    UpdatePhotoFactory(update__programme=pilot, update__title="Quillwort field visit", alt_text="Quillwort boats")
    UpdatePhotoFactory(
        update__programme=world["published"],
        update__status="draft",
        update__title="Quillwort draft",
        caption="Quillwort",
    )
    for funder in (world["funder"], world["hidden_funder"]):
        grant = GrantFactory(programme=pilot, funder=funder, amount=GRANT, component=component, currency="EUR")
        for kind in (Transaction.Type.COMMITMENT, Transaction.Type.DISBURSEMENT):
            TransactionFactory(grant=grant, type=kind, amount=COMMITTED, currency="EUR", date=datetime.date(2012, 1, 1))
    # A published phase of the pilot (hidden with its parent), and an unpublished phase of a published programme.
    child = ProgrammeFactory(title="Quillwort phase two", slug=CHILD_SLUG, parent=pilot, code="QLX-7732")
    add_a_published_grandchild(world, child)
    ProgrammeFactory(
        title="Quillwort side phase", slug="quillwort-side-phase", parent=world["published"], is_published=False
    )
    overview = Overview.objects.filter(is_current=True).first()
    if overview is not None:
        OverviewEntry.objects.create(overview=overview, programme=pilot, section=OverviewEntry.Section.CURRENT)
    return pilot


def add_a_published_grandchild(world: dict, child: Programme) -> Programme:
    """Under the pilot's published phase, a published phase of its own; both with what hangs
    off a programme, shared records and one organisation that takes part nowhere else."""
    grandchild = ProgrammeFactory(
        title=GRANDCHILD,
        slug=GRANDCHILD_SLUG,
        code=GRANDCHILD_CODE,
        parent=child,
        summary="Bramblecove summary.",
        start_date=datetime.date(1999, 6, 1),
        project_type=world["hidden_project_type"],
    )
    grandchild.thematic_areas.add(world["area"], world["hidden_area"])
    tree_only = world["hidden_tree_only"]
    DocumentFactory(programme=None, organisation=tree_only, title="Thistlemarsh annual report", category="B01")
    for programme, word in ((child, "Sedgemoor"), (grandchild, "Bramblecove")):
        for country in (world["country"], world["hidden_country"]):
            ProgrammeCountryFactory(programme=programme, country=country)
        for organisation in (world["partner"], tree_only):
            ParticipationFactory(programme=programme, organisation=organisation, description=f"{word} role")
        component = ComponentFactory(programme=programme, title=f"{word} component")
        ResultFactory(programme=programme, title=f"{word} result")
        KeyFigureFactory(programme=programme, value=Decimal("5432198"), label=f"{word} households")
        PublicationFactory(programme=programme, title=f"{word} report")
        DocumentFactory(programme=programme, title=f"{word} evaluation", languages="en,es")
        agreement = AgreementFactory(title=f"{word} agreement", programme=programme)
        agreement.organisations.add(world["partner"], tree_only)
        for funder in (world["funder"], tree_only):
            grant = GrantFactory(
                programme=programme, funder=funder, amount=GRANDCHILD_GRANT, component=component, purpose=word
            )
            TransactionFactory(grant=grant, amount=GRANDCHILD_GRANT, date=datetime.date(2013, 1, 1))
    return grandchild


def channels(world: dict) -> list[str]:
    every_column = ",".join(COLUMNS)
    country, area, partner, funder = (world[k].slug for k in ("country", "area", "partner", "funder"))
    return [
        "/",
        "/programmes/",
        "/programmes/?sort=title",
        "/programmes/?sort=status",
        "/programmes/?q=Quillwort",
        f"/programmes/?q={CODE}",
        "/programmes/?status=cancelled",
        "/programmes/?coverage=regional",
        f"/programmes/?country={world['hidden_country'].slug}",
        f"/programmes/?area={world['hidden_area'].slug}",
        f"/programmes/?type={world['hidden_project_type'].slug}",
        f"/programmes/?funder={world['hidden_funder'].slug}",
        f"/programmes/?partner={world['hidden_partner'].slug}",
        f"/programmes/?country={country}",
        f"/countries/{country}/places/",
        f"/countries/{country}/named-in/",
        f"/programmes/?funder={funder}",
        "/programmes/?year_from=1999&year_to=1999",
        f"/programmes/{SLUG}/",
        f"/programmes/{SLUG}/iati.xml",
        "/programmes/quillwort-phase-two/",
        "/programmes/quillwort-phase-two/iati.xml",
        f"/programmes/{GRANDCHILD_SLUG}/",
        f"/programmes/{GRANDCHILD_SLUG}/iati.xml",
        "/programmes/?q=Bramblecove",
        "/programmes/?q=Sedgemoor",
        f"/programmes/?partner={TREE_ONLY}",
        f"/programmes/?funder={TREE_ONLY}",
        f"/programmes/?partner={partner}",
        "/programmes/quillwort-side-phase/",
        f"/programmes/{world['published'].slug}/",
        f"/programmes/export.csv?columns={every_column}",
        f"/programmes/export.xlsx?columns={every_column}",
        "/programmes/export.csv?q=Quillwort",
        "/programmes/export.csv?q=Bramblecove&columns=title,parent",
        "/countries/",
        f"/countries/{country}/",
        f"/countries/{world['hidden_country'].slug}/",
        "/areas/",
        f"/areas/{area}/",
        f"/areas/{world['hidden_area'].slug}/",
        "/partners/",
        f"/partners/{partner}/",
        f"/partners/{world['hidden_partner'].slug}/",
        f"/partners/{TREE_ONLY}/",
        "/funders/",
        f"/funders/{funder}/",
        f"/funders/{funder}/funding.csv",
        f"/funders/{world['hidden_funder'].slug}/",
        f"/funders/{world['hidden_funder'].slug}/funding.csv",
        f"/funders/{TREE_ONLY}/",
        f"/funders/{TREE_ONLY}/funding.csv",
        "/feeds/programmes.atom",
        "/sitemap.xml",
        "/iati/activities.xml",
        "/iati/organisation.xml",
        "/documents/",
        "/documents/?q=evaluation&language=es",
        "/updates/",
        f"/updates/?country={world['hidden_country'].slug}",
        f"/updates/?programme={SLUG}",
        "/feeds/updates.atom",
        f"/programmes/{world['published'].slug}/updates.atom",
        f"/programmes/{SLUG}/updates.atom",
        f"/embed/programmes/{world['published'].slug}/",
        f"/embed/programmes/{SLUG}/",
        "/api/programmes/?page_size=100",
        "/api/programmes/?q=Quillwort",
        f"/api/programmes/?country={world['hidden_country'].slug}",
        f"/api/programmes/{SLUG}/",
        "/api/programmes/quillwort-phase-two/",
        f"/api/programmes/{GRANDCHILD_SLUG}/",
        "/api/programmes/?q=Bramblecove",
        f"/api/programmes/{world['published'].slug}/",
        "/api/countries/?page_size=100",
        f"/api/countries/{country}/",
        f"/api/countries/{world['hidden_country'].slug}/",
        "/api/areas/?page_size=100",
        f"/api/areas/{area}/",
        f"/api/areas/{world['hidden_area'].slug}/",
        "/api/organisations/?page_size=100",
        f"/api/organisations/{partner}/",
        f"/api/organisations/{world['hidden_partner'].slug}/",
        f"/api/organisations/{TREE_ONLY}/",
        "/api/funders/?page_size=100",
        f"/api/funders/{funder}/",
        f"/api/funders/{world['hidden_funder'].slug}/",
        f"/api/funders/{TREE_ONLY}/",
    ]


# What may differ between two identical answers: tokens, nonces and the time a file was made.
VOLATILE = [
    re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"'),
    re.compile(rb'nonce="[^"]*"'),
    re.compile(rb'generated-datetime="[^"]*"'),
]


def read(client: Client, url: str) -> tuple[int, str]:
    forget_kept_pages()  # a cached page would hide a change
    response = client.get(url)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if url.split("?")[0].endswith(".xlsx") and response.status_code == 200:
        workbook = load_workbook(BytesIO(content), read_only=True)
        text = "\n".join(
            "\t".join("" if cell is None else str(cell) for cell in row)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
        )
        return response.status_code, text
    for pattern in VOLATILE:
        content = pattern.sub(b"", content)
    return response.status_code, content.decode()


def test_an_unpublished_programme_changes_no_public_channel_and_none_names_it(client: Client) -> None:
    world = published_world()
    urls = channels(world)
    before = {url: read(client, url) for url in urls}

    add_the_unpublished_programme(world)
    after = {url: read(client, url) for url in urls}

    changed = [url for url in urls if after[url] != before[url]]
    assert not changed, f"These public channels changed when an unpublished programme was added: {changed}"
    # A page may echo its own address (the search box, the language links): that names nothing new.
    naming = {
        url: [m for m in MARKERS if m in text and m.lower() not in url.lower()] for url, (_, text) in after.items()
    }
    assert not {url: found for url, found in naming.items() if found}
    # The published records around it are still there, so the comparison compared something.
    assert after["/programmes/"][0] == 200 and "Shared published programme" in after["/programmes/"][1]
    assert after[f"/funders/{world['funder'].slug}/"][0] == 200
    assert after[f"/programmes/{SLUG}/"][0] == 404
    assert after[f"/api/funders/{world['hidden_funder'].slug}/"][0] == 404
    # Every level of the tree, and the organisation that has a part only there, is not found.
    for url in (f"/programmes/{CHILD_SLUG}/", f"/programmes/{GRANDCHILD_SLUG}/", f"/api/programmes/{GRANDCHILD_SLUG}/"):
        assert after[url][0] == 404, url
    for url in (f"/partners/{TREE_ONLY}/", f"/api/organisations/{TREE_ONLY}/", f"/funders/{TREE_ONLY}/"):
        assert after[url][0] == 404, url
    # The shared partner's page still shows its public role, and nothing of the tree.
    assert after[f"/partners/{world['partner'].slug}/"][0] == 200
    # The updates' lists show the published one; the pilot's update and the draft have no page and no photo.
    assert "Shared published update" in after["/updates/"][1]
    assert "Shared published update" in after[f"/embed/programmes/{world['published'].slug}/"][1]
    for photo in UpdatePhoto.objects.filter(update__title__startswith="Quillwort"):
        for url in (photo.update.get_absolute_url(), photo.rendition_url(480, "webp")):
            assert read(client, url)[0] == 404, url


def test_staff_still_preview_the_unpublished_programme(admin_client: Client) -> None:
    # The check above is not vacuous: the same records do show, to staff, where previews exist.
    add_the_unpublished_programme(published_world())

    assert TITLE in read(admin_client, f"/programmes/{SLUG}/")[1]
    assert CODE in read(admin_client, f"/programmes/{SLUG}/iati.xml")[1]


def build_tree_world() -> dict:
    world = published_world()
    world["pilot"] = add_the_unpublished_programme(world)
    return world


@pytest.fixture(scope="module")
def tree_world(django_db_setup, django_db_blocker) -> Iterator[dict]:
    """Built once for the module and rolled back at its end; each test's own changes roll back after it."""
    yield from records_once(django_db_blocker, build_tree_world)


# Each public channel, on its own: the published phase of a published phase of an unpublished
# programme, the phase between, and what hangs off them, show in none (each of these showed
# the grandchild, or the hidden phase above it, when publication looked one parent up only).
HOLES = {
    "the list": "/programmes/",
    "the search": "/programmes/?q=Bramblecove",
    "the list's filter options": "/programmes/?sort=title",
    "the programme page": f"/programmes/{GRANDCHILD_SLUG}/",
    "the API's list": "/api/programmes/?page_size=100",
    "the API's search": "/api/programmes/?q=Bramblecove",
    "the API's record": f"/api/programmes/{GRANDCHILD_SLUG}/",
    "the CSV's Phase of column": "/programmes/export.csv?columns=title,parent",
    "the feed": "/feeds/programmes.atom",
    "the sitemap": "/sitemap.xml",
    "the IATI file": "/iati/activities.xml",
    "the document library": "/documents/?q=evaluation",
    "the IATI record": f"/programmes/{GRANDCHILD_SLUG}/iati.xml",
    "a country's page": "/countries/shared-country/",
    "a partner's agreements": "/partners/shared-partner/",
    "a partner's API record": "/api/organisations/shared-partner/",
    "a funder's page": "/funders/shared-funder/",
    "a funder's CSV": "/funders/shared-funder/funding.csv",
    "the tree-only organisation's page": f"/partners/{TREE_ONLY}/",
    "the tree-only organisation's API record": f"/api/organisations/{TREE_ONLY}/",
    "the organisations in the API": "/api/organisations/?page_size=100",
}
# (The counts the overview and the lists show are compared before and after in the first test.)
TREE_WORDS = ("Quillwort", "Sedgemoor", "Bramblecove", "Thistlemarsh", GRANDCHILD_SLUG, GRANDCHILD_CODE, "5,432,198")


@pytest.mark.parametrize("url", HOLES.values(), ids=HOLES.keys())
def test_no_channel_shows_a_phase_below_an_unpublished_programme(client: Client, tree_world: dict, url: str) -> None:
    status, text = read(client, url)

    assert status in (200, 404)
    assert [word for word in TREE_WORDS if word in text and word.lower() not in url.lower()] == []
    if GRANDCHILD_SLUG in url or TREE_ONLY in url:
        assert status == 404


def test_an_organisation_whose_only_part_is_unpublished_has_no_page_record_or_funder_page(
    client: Client, tree_world: dict
) -> None:
    for url in (f"/partners/{TREE_ONLY}/", f"/api/organisations/{TREE_ONLY}/", f"/funders/{TREE_ONLY}/"):
        assert read(client, url)[0] == 404, url
    assert TREE_ONLY not in read(client, "/sitemap.xml")[1]


def test_publishing_the_root_again_shows_the_whole_tree_and_moves_the_content_version(
    client: Client, tree_world: dict
) -> None:
    version = content_version()[0]
    pilot = Programme.objects.get(pk=tree_world["pilot"].pk)  # not the module's own instance
    pilot.is_published = True
    pilot.save()

    assert content_version()[0] > version
    shown = {
        f"/programmes/{GRANDCHILD_SLUG}/": f'Phase of <a href="/programmes/{CHILD_SLUG}/">Quillwort phase two</a>',
        f"/programmes/{CHILD_SLUG}/": GRANDCHILD,
        "/programmes/?q=Bramblecove": GRANDCHILD,
        f"/api/programmes/{GRANDCHILD_SLUG}/": "Bramblecove component",
        f"/partners/{TREE_ONLY}/": "Bramblecove agreement",
        f"/api/organisations/{TREE_ONLY}/": GRANDCHILD_SLUG,
        f"/funders/{TREE_ONLY}/": GRANDCHILD,
        "/programmes/export.csv?q=Bramblecove&columns=title,parent": "Quillwort phase two",
        "/sitemap.xml": GRANDCHILD_SLUG,
        "/feeds/programmes.atom": GRANDCHILD,
        "/documents/?q=evaluation": "Bramblecove evaluation",
    }
    for url, text in shown.items():
        status, content = read(client, url)
        assert status == 200, url
        assert text in content, url
    # The organisation now has a page, and its documents with it.
    assert "Thistlemarsh annual report" in read(client, f"/partners/{TREE_ONLY}/")[1]
