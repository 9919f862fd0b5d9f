"""The home page: the current published overview, composed from its records."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from partners.models import OverviewPartner
from programmes.models import Overview, OverviewEntry, Programme
from tests.factories import OrganisationFactory, OverviewEntryFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db

CURRENT = {
    "hiv-aids-and-mobile-populations": "Regional initiative for the Caribbean on HIV/AIDS and mobile populations",
    # The overview's own heading, not the programme's title.
    "counter-trafficking-dominican-republic": "Counter-trafficking: A Strategy for the Dominican Republic",
    "managing-migration-and-promoting-migrants-rights": "Managing Migration and Promoting Migrants Rights",
}
CENTRE = ("technical-cooperation-center-for-the-caribbean", "Technical Cooperation Center for the Caribbean")
JAMAICA = ("capacity-building-in-migration-management-jamaica", "Capacity Building in Migration Management in Jamaica")

TO_DATE = {
    "haitian-technical-assistance-project": "Haitian Technical Assistance Project",
    "haitian-migration-management-program": "Haitian Migration Management Program",
    "regularization-and-repatriation-turks-and-caicos": (
        "Regularization and Repatriation of Haitian Nationals from the Turks and Caicos Islands"
    ),
    "third-country-return": "Third Country Return",
    "return-and-reintegration-of-qualified-jamaican-nationals": (
        "Return and Reintegration of Qualified Jamaican Nationals"
    ),
    "counter-trafficking-dominican-republic": "Counter-Trafficking Assistance in the Dominican Republic",
    "regional-seminars-on-migration-policy-and-practice": "Regional Seminars on Migration Policy and Practice",
}


def text(response) -> str:
    """The page as a reader sees its words: entities decoded, white space collapsed."""
    return " ".join(html.unescape(response.content.decode()).split())


def link(slug: str, label: str) -> str:
    return f'<a href="{reverse("programmes:detail", kwargs={"slug": slug})}">{label}</a>'


@pytest.fixture
def overview_page(client):
    return client.get(reverse("programmes:overview"))


def test_the_overview_is_the_home_page_with_its_title_date_and_introduction(overview_page):
    page = text(overview_page)
    assert overview_page.status_code == 200
    assert reverse("programmes:overview") == "/"
    assert "<h1>IOM in the Caribbean</h1>" in page
    assert '<time datetime="2002-10">October 2002</time>' in page
    assert "Over the last 10 years, IOM has focused its cooperation in the Caribbean" in page


def test_the_overview_lists_the_four_core_areas_in_their_order(overview_page):
    page = text(overview_page)
    assert "This support was focused on four core areas:" in page
    core = [
        "Technical cooperation to strengthen migration management systems",
        "Promotion of dialogue and information exchange about migration",
        "Return & reintegration of highly skilled migrants",
        "Movement assistance",
    ]
    positions = [page.index(area) for area in core]
    assert positions == sorted(positions)
    # In the overview's words, each linked to its area's page (which is headed by the area's name).
    assert '<li><a href="/areas/migration-management/">Technical cooperation to strengthen migration' in page


def test_the_overview_quotes_the_director_general_in_a_figure(overview_page):
    page = text(overview_page)
    quote = re.search(r"<figure class=\"quote\">(.*?)</figure>", page).group(1)
    assert "<blockquote>" in quote
    assert "Migration will be one of the major policy concerns of the 21st century." in quote
    assert "Brunson McKinley" in quote
    assert "IOM Director General" in quote


def test_the_overview_links_all_seven_programmes_carried_out_to_date(overview_page):
    page = text(overview_page)
    assert "the following are examples of programs carried out by IOM in the Caribbean up to 2002:" in page
    for slug, title in TO_DATE.items():
        assert link(slug, title) in html.unescape(overview_page.content.decode())
    assert "(HTAP)" in page
    assert "(MMP)" in page


def test_the_overview_states_the_three_priorities_and_the_proposed_centre(overview_page):
    page = text(overview_page)
    assert "Priority Strategies for 2003" in page
    assert "IOM will concentrate its activities in three priority areas throughout 2002 and 2003:" in page
    for priority in (
        "Facilitating labor migration, especially in the area of health experts",
        "Combating irregular flows including different forms of smuggling and trafficking of persons",
        "Promotion of migrant rights, including migrants' access to adequate health care",
    ):
        assert priority in page
    assert "as highlighted in CARICOM agreements." in page
    assert link(*CENTRE) in page
    assert "IOM proposes to establish a Technical Cooperation Center for the Caribbean region in 2003." in page


def test_the_overview_shows_the_three_current_projects_under_their_overview_headings(overview_page):
    page = text(overview_page)
    assert "Examples of Current IOM Projects in the Caribbean Region" in page
    current = page[page.index('id="current"') : page.index('id="ahead"')]
    for slug, heading in CURRENT.items():
        assert link(slug, heading) in current
    assert current.count(">Read more<") == 3
    assert "Starting in November 2002, a regional initiative to examine HIV/AIDS" in current


def test_the_overview_looks_ahead_to_capacity_building_in_jamaica(overview_page):
    page = text(overview_page)
    ahead = page[page.index('id="ahead"') : page.index('id="partners"')]
    assert "Looking ahead" in ahead
    assert "discussions are underway with the Government of Jamaica and the U.S. Government" in ahead
    assert link(*JAMAICA) in ahead


def test_the_overview_names_its_partners_by_group_with_links_and_the_supporters(overview_page):
    page = text(overview_page)
    partners = page[page.index('id="partners"') :]
    assert "IOM works closely with the Caribbean governments" in partners
    for label in (
        "United Nations agencies IOM works with",
        "Cooperation agreements on migrants' health",
        "Supporters of IOM's activities in the Caribbean",
    ):
        assert f"<h3>{label}</h3>" in partners
    for acronym in ("UNHCR", "UNFPA", "UNDP", "ILO", "WHO/PAHO", "UNAIDS"):
        assert f"({acronym})</a>" in partners
    assert '<a href="/partners/unhcr/">' in partners
    for supporter in ("Government of Canada", "United States Government", "European Union (EU)"):
        assert f">{supporter}</a>" in partners
    assert "<li>Other bilateral sources</li>" in partners
    headings = [partners.index(f"<h3>{start}") for start in ("United Nations", "Cooperation", "Supporters")]
    assert headings == sorted(headings)


def test_an_unpublished_programme_is_left_out_of_the_overview(client):
    Programme.objects.filter(slug="third-country-return").update(is_published=False)
    hidden = ProgrammeFactory(title="A programme still in draft", is_published=False)
    OverviewEntryFactory(overview=Overview.objects.get(is_current=True), programme=hidden, section="current")

    page = text(client.get(reverse("programmes:overview")))

    assert "Third Country Return" not in page
    assert "A programme still in draft" not in page
    assert "Haitian Technical Assistance Project" in page


def test_a_phase_whose_parent_is_unpublished_is_left_out_of_the_overview(client):
    parent = ProgrammeFactory(is_published=False)
    phase = ProgrammeFactory(title="Phase of a draft programme", parent=parent)
    OverviewEntryFactory(overview=Overview.objects.get(is_current=True), programme=phase, section="ahead")

    assert "Phase of a draft programme" not in text(client.get("/"))


def test_there_is_no_home_page_without_a_current_published_overview(client):
    Overview.objects.update(is_published=False)
    assert client.get("/").status_code == 404
    Overview.objects.update(is_published=True, is_current=False)
    assert client.get("/").status_code == 404


# Overview, its entries, its partner mentions, the thematic areas (with their programme counts
# for the chart), the countries with their programme counts (for the chart and the map); plus the
# content version (iomcaribbean.caching) read first, and its documents. (Read-only pages run no transaction.)
OVERVIEW_QUERIES = 6 + 1


def test_the_overview_runs_the_same_few_queries_however_many_entries_it_has(client, django_assert_num_queries):
    with django_assert_num_queries(OVERVIEW_QUERIES):
        assert client.get("/").status_code == 200

    overview = Overview.objects.get(is_current=True)
    for section in OverviewEntry.Section.values:
        for _ in range(3):
            OverviewEntryFactory(overview=overview, section=section)
    for group in OverviewPartner.Group.values:
        for _ in range(3):
            OverviewPartner.objects.create(overview=overview, organisation=OrganisationFactory(), group=group)

    with django_assert_num_queries(OVERVIEW_QUERIES):
        page = text(client.get("/"))
    assert page.count(">Read more<") == 3 + 3 + 1 + 3
