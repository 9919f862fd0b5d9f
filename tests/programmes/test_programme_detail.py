"""A programme's page: IOM's field sheet, then everything recorded about the programme."""

from __future__ import annotations

import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse

from partners.models import Agreement
from programmes.models import Programme
from tests.factories import (
    AgreementFactory,
    ComponentFactory,
    GrantFactory,
    KeyFigureFactory,
    OrganisationFactory,
    ParticipationFactory,
    PeriodFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    PublicationFactory,
    ThematicAreaFactory,
    UpdatePhotoFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SEMINAR = "international-migration-policy-seminar-caribbean"
PHASE_ONE = "counter-trafficking-dominican-republic-phase-one"
TRAFFICKING = "counter-trafficking-dominican-republic"


def url(slug: str) -> str:
    return reverse("programmes:detail", kwargs={"slug": slug})


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def field_sheet(response) -> dict[str, str]:
    """The field sheet as the reader sees it: each term with its value (without the term's
    explanation), tags stripped."""
    page = text(response)
    sheet = page[page.index('class="field-sheet"') : page.index("</dl>")]
    sheet = re.sub(r'<span class="term-hint">.*?</span>', "", sheet)
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", sheet)
    return {term: " ".join(re.sub(r"<[^>]+>", "", value).split()) for term, value in pairs}


def term_hints(response) -> dict[str, str]:
    """Each term of the field sheet with the plain explanation under its value."""
    page = text(response)
    sheet = page[page.index('class="field-sheet"') : page.index("</dl>")]
    return dict(re.findall(r'<dt>([^<]*)</dt><dd>.*?<span class="term-hint">(.*?)</span> ?</dd>', sheet))


def section(response, heading_id: str) -> str:
    page = text(response)
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]


def test_the_seminar_page_shows_iom_field_sheet(client):
    response = client.get(url(SEMINAR))
    assert response.status_code == 200
    assert "<h1>International Migration Policy Seminar for the Caribbean Region</h1>" in text(response)
    # As IOM's project record gives them: the years only (the narrative has the seminar's days).
    assert field_sheet(response) == {
        "Start date": "2001",
        "End date": "2001",
        "Project status": "Completed",
        "Project type": "Migration Policy Activities",
        "Total budget": "USD 37,450.00",
        "Coverage": "Regional",
        "Year": "2001",
        "IDF region": "Latin America and the Caribbean",
        "Project ID": "T81-805",
        "Where it works": "Belize, Dominican Republic, Haiti",
        "Venue": "Jamaica",
    }


def test_every_term_of_the_field_sheet_is_explained_with_only_what_is_certain(client):
    hints = term_hints(client.get(url(SEMINAR)))
    assert len(hints) == 11 and all(hints.values())
    # The seed never expands "IDF": the page says what the field is, not what the letters stand for.
    assert hints["IDF region"] == "The region IOM's project record files the project under."
    assert "IDF" not in hints["IDF region"] and "Fund" not in hints["IDF region"]
    assert "Benefiting Member States" in hints["Where it works"]
    assert hints["Venue"] == "Where it was held."


def test_the_field_sheet_links_each_country_and_marks_up_dates(client):
    page = text(client.get(url(SEMINAR)))
    assert '<a href="/countries/belize/">Belize</a>' in page
    assert '<a href="/countries/jamaica/">Jamaica</a>' in page
    assert '<time datetime="2001">2001</time>' in page


def test_the_seminar_page_tells_its_story_partners_and_results(client):
    response = client.get(url(SEMINAR))
    description = section(response, "description")
    assert description.count("<p>") == 2
    assert "follow-up to the regional meeting in Santo Domingo, Dominican Republic in November 2000" in description
    partners = section(response, "partners")
    assert '<a href="/partners/imp/">International Migration Policy Programme (IMP)</a>' in partners
    assert "Implementing" in partners
    assert "convened the seminar with IOM" in partners
    assert "Accountable" in partners
    results = section(response, "results")
    assert "counter-trafficking meeting planned for the Caribbean later in 2001" in results
    assert "a pilot project for better remittance management" in results
    assert ">Dialogue and information exchange</a>" in section(response, "areas")


def test_phase_one_shows_its_months_its_parent_and_its_three_results(client):
    response = client.get(url(PHASE_ONE))
    sheet = field_sheet(response)
    assert sheet["Start date"] == "October 2001"
    assert sheet["End date"] == "August 2002"
    assert sheet["Year"] == "2001-2002"
    # What no source gives, in one line after the facts; the IDF region is no gap: only the
    # Fund's own projects have one.
    assert list(sheet)[-1] == "Not known"
    assert sheet["Not known"] == "Project type, Total budget, Project ID"
    assert "Total budget" not in sheet and "IDF region" not in sheet
    page = text(response)
    assert f'Phase of <a href="{url(TRAFFICKING)}">Counter-Trafficking Assistance in the Dominican Republic</a>' in page
    results = section(response, "results")
    for result in (
        "increased public awareness",
        "enhanced interest and willingness from governmental institutions to face the issue of trafficking",
        "the strengthening of an inter-institutional structure that has identified trafficking",
    ):
        assert result in results
    assert results.count('class="result"') == 3
    # The source: "During phase one [October 2001 to August 2002] the project achieved three key results".
    assert results.count("Achieved during phase one.") == 3
    assert "October 2001 – August 2002" in results
    assert results.count("Type not known") == 3


def test_an_estimate_is_marked_with_what_it_rests_on_and_an_unknown_stays_unknown(client):
    sheet = field_sheet(client.get(url("third-country-return")))
    status, _, note = sheet["Project status"].partition("Estimate ")
    assert status.strip() == "Completed"
    assert note.startswith("The overview (October 2002) lists it among")
    assert sheet["Not known"] == (
        "Start date, End date, Project type, Total budget, Coverage, Year, Project ID, Where it works"
    )
    assert not {"Start date", "End date", "Coverage", "Year"} & set(sheet)
    # Each unknown field is still explained, under the line.
    notes = section(client.get(url("third-country-return")), "details")
    notes = notes[notes.index('class="term-notes"') :]
    assert "<dt>Coverage</dt><dd>National: it works in one country. Regional: in several.</dd>" in notes


def test_a_programme_left_out_of_the_iati_file_says_why_and_what_would_bring_it_in(client):
    page = text(client.get(url("capacity-building-in-migration-management-jamaica")))
    assert "Not in the IATI file." in page
    assert "No start date is known, not even its year, and IATI requires one." in page
    assert "What would bring it in: the start date, even if only its year" in page
    assert '<a href="/about/data/">About this data</a>' in page


def test_funders_named_without_a_sum_say_amount_not_published_never_zero(client):
    response = client.get(url(PHASE_ONE))
    funders = section(response, "funders")
    assert '<a href="/funders/iom/">International Organization for Migration (IOM)</a>' in funders
    assert "Amount not published" in funders
    assert "special funds for the formal information campaign (TV, radio and press)" in funders
    assert "Component: Formal information campaign (TV, radio and press)" in funders.replace("</span>", "")
    assert "0.00" not in funders


def test_a_grant_with_an_amount_shows_it_with_its_currency(client):
    programme = ProgrammeFactory()
    GrantFactory(programme=programme, amount=Decimal("1234567.50"), currency="EUR")
    GrantFactory(programme=programme, amount=Decimal("0"), currency="USD", purpose="a pledge of nothing")
    funders = section(client.get(url(programme.slug)), "funders")
    assert "EUR 1,234,567.50" in funders
    assert "USD 0.00" in funders  # a real zero is shown as such
    assert "Amount not published" not in funders


def test_the_main_funder_is_marked(client):
    funders = section(client.get(url("counter-trafficking-dominican-republic-phase-two")), "funders")
    assert "U.S. State Department" in funders
    assert "Main source of funding" in funders


def test_key_figures_show_qualifiers_ranges_and_grouped_digits(client):
    figures = section(client.get(url(TRAFFICKING)), "figures")
    assert "some 50,000</span>" in figures
    assert "Dominican women trafficked abroad over the past fifteen years (IOM estimate)" in figures
    assert "17–30</span>" in figures
    assert "age in years of the majority of the women trafficked" in figures


def test_the_parent_page_lists_its_published_phases_only(client):
    parent = Programme.objects.get(slug=TRAFFICKING)
    ProgrammeFactory(title="A draft third phase", parent=parent, order=3, is_published=False)
    phases = section(client.get(url(TRAFFICKING)), "phases")
    assert f'<a href="{url(PHASE_ONE)}">' in phases
    assert "phase two" in phases
    assert "A draft third phase" not in phases


def test_the_page_shows_components_publications_and_agreements(client):
    response = client.get(url(TRAFFICKING))
    publications = section(response, "publications")
    assert "Trafficking of Women from the Dominican Republic for Sexual Exploitation Purposes" in publications
    agreements = section(response, "agreements")
    assert "SSW and IOM counter-trafficking partnership agreement" in agreements
    assert "signed April 2001" in agreements
    assert '<a href="/partners/state-secretariat-for-women/">State Secretariat for Women (SSW)</a>' in agreements
    components = section(client.get(url("managing-migration-and-promoting-migrants-rights")), "components")
    assert "<h3>National survey of the Haitian population living in the Dominican Republic</h3>" in components
    assert "up to 4,000 Haitian households" in components


def test_where_it_works_and_the_places_the_narrative_names_are_apart_each_with_its_role(client):
    sheet = field_sheet(client.get(url(TRAFFICKING)))
    assert sheet["Where it works"] == "Dominican Republic"
    assert sheet["Destination named in the narrative"] == "Argentina, Netherlands Antilles"
    seminar = field_sheet(client.get(url(SEMINAR)))
    assert seminar["Where it works"] == "Belize, Dominican Republic, Haiti"
    assert seminar["Venue"] == "Jamaica"


def test_text_typed_by_staff_is_escaped(client):
    programme = ProgrammeFactory(title="<script>alert(1)</script>", description="<b>bold</b>\n\nsecond")
    body = client.get(url(programme.slug)).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "<p>&lt;b&gt;bold&lt;/b&gt;</p>" in body


def test_an_unknown_programme_is_not_found(client):
    assert client.get(url("no-such-programme")).status_code == 404


def test_an_unpublished_programme_is_not_found_by_the_public(client):
    programme = ProgrammeFactory(is_published=False)
    assert client.get(url(programme.slug)).status_code == 404


def test_a_phase_of_an_unpublished_programme_is_not_found_by_the_public(client):
    phase = ProgrammeFactory(parent=ProgrammeFactory(is_published=False))
    assert client.get(url(phase.slug)).status_code == 404


def test_a_signed_in_user_who_is_not_staff_cannot_preview(client):
    programme = ProgrammeFactory(is_published=False)
    client.force_login(UserFactory(is_staff=False))
    assert client.get(url(programme.slug)).status_code == 404


def test_staff_preview_an_unpublished_programme_under_a_banner(editor_client):
    programme = ProgrammeFactory(title="Draft programme", is_published=False)
    response = editor_client.get(url(programme.slug))
    page = text(response)
    assert response.status_code == 200
    assert "Preview: not published." in page
    assert "the programme is not published" in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "no-store" in response["Cache-Control"]


def test_staff_preview_a_phase_below_an_unpublished_programme_at_any_depth(admin_client):
    phase = ProgrammeFactory(parent=ProgrammeFactory(is_published=False))
    for programme in (phase, ProgrammeFactory(parent=phase)):
        page = text(admin_client.get(url(programme.slug)))
        assert "Preview: not published." in page
        assert "a programme it belongs to is not published" in page


def test_staff_see_a_published_programme_without_a_banner(editor_client):
    assert "Preview: not published" not in text(editor_client.get(url(SEMINAR)))


def _add_related_rows(programme: Programme, count: int) -> None:
    for _ in range(count):
        ProgrammeCountryFactory(programme=programme)
        component = ComponentFactory(programme=programme)
        KeyFigureFactory(programme=programme)
        PeriodFactory(indicator__result__programme=programme, target_value=Decimal(10))
        PublicationFactory(programme=programme)
        ParticipationFactory(programme=programme)
        GrantFactory(programme=programme, component=component)
        ProgrammeFactory(parent=programme)
        programme.thematic_areas.add(ThematicAreaFactory())
        agreement = AgreementFactory(programme=programme)
        agreement.organisations.add(OrganisationFactory(), OrganisationFactory())
        UpdatePhotoFactory(update__programme=programme)


# The content version (iomcaribbean.caching; read-only pages run no transaction); the programme with its project
# type, its parent, its thematic areas, and its components, key figures, results (with their indicators, periods
# and breakdowns) and publications; then one query each for countries, phases, participations, grants, agreements
# and the agreements' organisations, and its documents (documents/templatetags/documents.py); its newest updates
# with their photos (updates/templatetags). The budget of every public page is ten (tests/test_query_budgets.py).
DETAIL_QUERIES = 1 + 1 + 7 + 1


def test_the_page_runs_the_same_queries_however_many_related_rows(client, django_assert_num_queries):
    programme = ProgrammeFactory()
    _add_related_rows(programme, 1)
    with django_assert_num_queries(DETAIL_QUERIES):
        client.get(url(programme.slug))

    _add_related_rows(programme, 6)
    with django_assert_num_queries(DETAIL_QUERIES):
        response = client.get(url(programme.slug))
    assert section(response, "results").count("<table") == 7
    assert Agreement.objects.filter(programme=programme).count() == 7


def test_the_seminar_page_query_count_is_pinned(client, django_assert_num_queries):
    # The seminar has no agreement, so the agreements' organisations need no query.
    with django_assert_num_queries(DETAIL_QUERIES - 1):
        client.get(url(SEMINAR))
