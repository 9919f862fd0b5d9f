"""The public programme list: filters, search, sorting, pagination, and what stays hidden."""

from __future__ import annotations

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from lxml import html as lxml_html

from partners.models import Organisation
from programmes.models import Programme
from tests.factories import (
    CountryFactory,
    GrantFactory,
    OrganisationFactory,
    ParticipationFactory,
    ProgrammeCountryFactory,
    ProgrammeFactory,
    ProjectTypeFactory,
    ThematicAreaFactory,
)
from tests.helpers.programme_list import (
    CENTRE,
    HIV,
    HTAP,
    JAMAICA,
    JAMAICAN_RETURN,
    MMP,
    PHASE_ONE,
    PHASE_TWO,
    RIGHTS,
    SEMINAR,
    SEMINARS,
    THIRD,
    TRAFFICKING,
    TURKS,
    URL,
    text,
    titles,
)

pytestmark = pytest.mark.django_db


def test_the_list_shows_every_published_programme_with_a_count(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "14 programmes" in text(response)
    assert len(titles(response)) == 14
    assert set(titles(response)) == set(Programme.objects.values_list("title", flat=True))


def test_phases_are_listed_with_a_link_to_their_parent(client):
    page = text(client.get(URL))
    card = page[page.index(PHASE_ONE) : page.index("</article>", page.index(PHASE_ONE))]
    assert f'Phase of <a href="/programmes/counter-trafficking-dominican-republic/">{TRAFFICKING}</a>' in card


def test_each_card_shows_status_dates_and_places(client):
    page = text(client.get(URL))
    card = page[page.index(SEMINAR) : page.index("</article>", page.index(SEMINAR))]
    # Where it works; Jamaica, the venue, is on the seminar's own page.
    assert "<dt>Where it works</dt>" in card
    assert '<a href="/countries/belize/">Belize</a>' in card
    assert "/countries/jamaica/" not in card
    facts = ("Completed", "2001", "Regional", "Project ID T81-805", "Migration Policy Activities")
    for fact in facts:
        assert fact in card


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"country": "haiti"}, {SEMINAR, HTAP, MMP}),  # Turks and Caicos: Haiti only named, as a destination
        ({"area": "irregular-flows"}, {TRAFFICKING, PHASE_ONE, PHASE_TWO, JAMAICA}),
        ({"status": "pipeline"}, {HIV, JAMAICA, CENTRE}),
        ({"type": "migration-policy-activities"}, {SEMINAR}),
        # Third Country Return's coverage is not known (no source gives it).
        ({"coverage": "regional"}, {SEMINAR, SEMINARS, HIV, CENTRE}),
        # The migrants' rights programme started in 2001 (estimated) and has no end yet.
        ({"year_from": "2002", "year_to": "2002"}, {TRAFFICKING, PHASE_ONE, HIV, RIGHTS}),
        ({"year_to": "2001"}, {SEMINAR, TRAFFICKING, PHASE_ONE, RIGHTS}),
        ({"year_from": "2003"}, {TRAFFICKING, HIV, CENTRE, RIGHTS}),
        ({"funder": "us-state-department"}, {HIV, PHASE_TWO}),
        ({"funder": "government-of-canada"}, {RIGHTS}),
        ({"partner": "flacso"}, {RIGHTS}),
        ({"partner": "dominican-ministry-of-foreign-affairs"}, {TRAFFICKING, RIGHTS}),
        ({"country": "dominican-republic", "status": "ongoing"}, {TRAFFICKING, PHASE_TWO, RIGHTS}),
    ],
)
@pytest.mark.both_engines
def test_each_filter_narrows_the_list(client, query, expected):
    response = client.get(URL, query)
    assert response.status_code == 200
    assert set(titles(response)) == expected
    assert f"{len(expected)} programme" in text(response)


@pytest.mark.both_engines
def test_a_programme_funded_twice_by_one_funder_is_listed_once(client):
    rights = Programme.objects.get(title=RIGHTS)
    GrantFactory(programme=rights, funder=rights.grants.first().funder, purpose="a second grant")
    assert titles(client.get(URL, {"funder": rights.grants.first().funder.slug})) == [RIGHTS]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("T81-805", {SEMINAR}),  # project code
        ("htap", {HTAP}),  # acronym, any case
        ("Third Country", {THIRD}),  # title
        ("four-pronged", {PHASE_TWO}),  # summary
        ("FLACSO", {RIGHTS}),  # description
        ("no such words anywhere", set()),
    ],
)
@pytest.mark.both_engines
def test_search_looks_in_title_acronym_code_summary_and_description(client, q, expected):
    assert set(titles(client.get(URL, {"q": q}))) == expected


def test_an_empty_result_says_so_and_offers_to_clear_the_filters(client):
    page = text(client.get(URL, {"q": "no such words anywhere", "sort": "title"}))
    assert "0 programmes" in page
    assert "No programme matches these filters." in page
    assert '<a href="/programmes/?sort=title">Clear all filters</a>' in page


def test_active_filters_are_chips_that_each_drop_one_filter(client):
    page = text(client.get(URL, {"country": "haiti", "status": "completed"}))
    assert '<a class="chip" href="/programmes/?status=completed">' in page
    assert "Country: Haiti" in page
    assert '<a class="chip" href="/programmes/?country=haiti">' in page
    assert "Status: Completed" in page
    assert "Clear all filters" in page


def test_no_chips_without_filters(client):
    assert 'class="chip"' not in text(client.get(URL))


@pytest.mark.parametrize(
    ("sort", "first_titles"),
    [
        # Ongoing (newest first, the undated last), then ended (most recently ended first), then
        # the pipeline: a programme planned years ahead is not at the top.
        ("current", [RIGHTS, TRAFFICKING, PHASE_TWO, PHASE_ONE, SEMINAR, CENTRE, HIV, JAMAICA]),
        ("title", [JAMAICA, TRAFFICKING, MMP, HTAP]),
        ("start", [TRAFFICKING, SEMINAR, RIGHTS, PHASE_ONE, HIV, CENTRE]),
        ("-start", [CENTRE, HIV, PHASE_ONE, SEMINAR, RIGHTS, TRAFFICKING]),
        ("status", [JAMAICA, HIV, CENTRE, TRAFFICKING]),
    ],
)
@pytest.mark.both_engines
def test_the_list_sorts_by_the_chosen_key(client, sort, first_titles):
    shown = titles(client.get(URL, {"sort": sort}))
    assert shown[: len(first_titles)] == first_titles


@pytest.mark.both_engines
def test_programmes_without_dates_sort_last_both_ways(client):
    for sort in ("start", "-start"):
        shown = titles(client.get(URL, {"sort": sort}))
        assert set(shown[6:]) == {HTAP, MMP, TURKS, THIRD, JAMAICAN_RETURN, SEMINARS, PHASE_TWO, JAMAICA}


def test_an_unknown_sort_is_ignored_and_current_and_recent_programmes_come_first(client):
    response = client.get(URL, {"sort": "drop table"})
    assert response.status_code == 200
    assert titles(response) == titles(client.get(URL)) == titles(client.get(URL, {"sort": "current"}))
    # The order when none is chosen ("", current first without a search, relevance with one).
    assert '<option value="" selected>Current and recent first</option>' in text(response)


def test_the_list_is_paginated_and_pages_keep_the_filters(client, settings):
    settings.PROGRAMMES_PER_PAGE = 5
    first = client.get(URL, {"status": "completed", "sort": "title"})
    page = text(first)
    assert "8 programmes" in page
    assert len(titles(first)) == 5
    assert "Page 1 of 2" in page
    assert 'href="?status=completed&sort=title&page=2"' in page.replace("&amp;", "&")

    second = client.get(URL, {"status": "completed", "sort": "title", "page": 2})
    assert len(titles(second)) == 3
    assert "Page 2 of 2" in text(second)
    assert not set(titles(first)) & set(titles(second))


@pytest.mark.parametrize("page", ["abc", "0", "4", "99999999999999999999", "-1", "1.5"])
def test_a_page_that_does_not_exist_is_not_found(client, settings, page):
    settings.PROGRAMMES_PER_PAGE = 5
    assert client.get(URL, {"page": page}).status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"year_from": "abc"}, "From year: Enter a whole number."),
        ({"year_to": "99999"}, "To year: Ensure this value is less than or equal to 2100."),
        ({"year_from": "2005", "year_to": "2001"}, "The last year cannot be before the first year."),
        ({"country": "atlantis"}, "Country: Select a valid choice."),
        ({"country": "canada"}, "Country: Select a valid choice."),  # no programme concerns it
        ({"country": "argentina"}, "Country: Select a valid choice."),  # only named, as a destination
        ({"area": "nothing"}, "Thematic area: Select a valid choice."),
        ({"status": "cancelled"}, "Status: Select a valid choice."),  # no published programme is cancelled
        ({"type": "x"}, "Project type: Select a valid choice."),
        ({"coverage": "global"}, "Coverage: Select a valid choice."),
        ({"funder": "unhcr"}, "Funder: Select a valid choice."),
        ({"partner": "nobody"}, "Partner: Select a valid choice."),
        ({"q": "a\x00b"}, "Search: Null characters are not allowed."),
        ({"q": "x" * 201}, "Search: Ensure this value has at most 200 characters"),
    ],
)
def test_an_invalid_filter_is_a_bad_request_that_shows_the_error(client, query, message):
    response = client.get(URL, query)
    page = text(response)
    assert response.status_code == 400
    assert "Some filters could not be used" in page
    assert message in page
    assert titles(response) == []
    assert '<a href="/programmes/">clear all filters</a>' in page


def test_repeated_or_empty_parameters_do_not_break_the_list(client):
    assert client.get(URL, {"country": ["haiti", "jamaica"], "q": "", "year_from": ""}).status_code == 200
    assert client.get(URL + "?country=&area=&status=&page=1&sort=").status_code == 200


@pytest.mark.both_engines
def test_unpublished_programmes_and_their_phases_are_not_listed_or_counted(client):
    draft = ProgrammeFactory(title="Draft programme", is_published=False)
    ProgrammeFactory(title="Phase of the draft", parent=draft)
    ProgrammeFactory(title="Published programme")

    response = client.get(URL)

    assert "Draft programme" not in titles(response)
    assert "Phase of the draft" not in titles(response)
    assert "Published programme" in titles(response)
    assert "15 programmes" in text(response)


@pytest.mark.both_engines
def test_filter_choices_offer_only_what_published_programmes_use(client):
    draft = ProgrammeFactory(is_published=False, project_type=ProjectTypeFactory(name="Secret type"))
    ProgrammeCountryFactory(programme=draft, country=CountryFactory(name="Secretland", slug="secretland"))
    draft.thematic_areas.add(ThematicAreaFactory(name="Secret area"))
    GrantFactory(programme=draft, funder=OrganisationFactory(name="Secret funder"))
    ParticipationFactory(programme=draft, organisation=OrganisationFactory(name="Secret partner"))

    page = text(client.get(URL))

    for secret in ("Secretland", "Secret type", "Secret area", "Secret funder", "Secret partner"):
        assert secret not in page
    assert '<option value="haiti">Haiti</option>' in page
    assert '<option value="canada">' not in page  # Canada funds, but no programme concerns it
    assert '<option value="us-state-department">U.S. State Department</option>' in page
    assert '<option value="flacso">Latin American Faculty of Social Sciences (FLACSO)</option>' in page
    assert '<option value="cancelled">' not in page
    assert client.get(URL, {"country": "secretland"}).status_code == 400


@pytest.mark.both_engines
def test_the_country_filter_offers_and_finds_only_where_programmes_work(client):
    venue_only = CountryFactory(name="Venueland", slug="venueland")
    ProgrammeCountryFactory(programme=ProgrammeFactory(title="Held in Venueland"), country=venue_only, role="venue")
    page = text(client.get(URL))
    assert '<option value="haiti">Haiti</option>' in page
    for named in ("argentina", "netherlands-antilles", "venueland"):  # destinations and a venue, no more
        assert f'<option value="{named}">' not in page
    assert client.get(URL, {"country": "venueland"}).status_code == 400

    # Once a programme works there, it is offered, and finds that programme only.
    ProgrammeCountryFactory(programme=ProgrammeFactory(title="Works in Venueland"), country=venue_only)
    response = client.get(URL, {"country": "venueland"})
    assert set(titles(response)) == {"Works in Venueland"}
    assert '<option value="venueland" selected>Venueland</option>' in text(response)


@pytest.mark.both_engines
def test_the_list_runs_the_same_queries_however_many_programmes_there_are(client, django_assert_num_queries):
    # The content version (iomcaribbean.caching; read-only pages run no transaction); statuses and
    # coverages in use; the count; four choice lists (countries, areas, project types, then funders
    # and partners together); the page of programmes; their countries and thematic areas.
    expected = 1 + 1 + 1 + 4 + 1 + 2
    with django_assert_num_queries(expected):
        client.get(URL)

    area = ThematicAreaFactory()
    for _ in range(25):
        programme = ProgrammeFactory(parent=Programme.objects.get(title=TRAFFICKING))
        ProgrammeCountryFactory(programme=programme)
        ProgrammeCountryFactory(programme=programme)
        programme.thematic_areas.add(area)

    with django_assert_num_queries(expected):
        response = client.get(URL)
    assert len(titles(response)) == 20


def test_a_filtered_list_checks_its_records_choices_against_the_options_it_draws(client, django_assert_num_queries):
    # The content version, the codes' options, the found programmes with the search's checks, the
    # records' options (four lists), the page, where its programmes work and their areas: a country
    # and a funder chosen cost no query of their own (``filters.OptionChoiceField``).
    with django_assert_num_queries(1 + 1 + 1 + 4 + 1 + 2):
        response = client.get(URL, {"country": "dominican-republic", "funder": "us-state-department", "q": "HIV"})
    assert titles(response) == [HIV]


def test_a_card_marks_an_estimate_and_leaves_an_unknown_out(client):
    page = text(client.get(URL, {"q": "Third Country Return"}))
    card = next(card for card in page.split('<article class="card">')[1:] if f">{THIRD}</a>" in card)
    card = card[: card.index("</article>")]
    assert 'Completed <span class="estimate-mark">(estimate)</span>' in card
    assert "Regional" not in card and "National" not in card  # its coverage is not known
    seminar = text(client.get(URL, {"q": "T81-805"}))
    assert '<li class="tag">2001</li>' in seminar  # "2001" once, not the same year twice


def pagination(response) -> tuple[list[str], str, dict[str, str]]:
    """The numbers the pagination shows (with "…"), the current one, and its prev/next links' pages."""
    nav = lxml_html.fromstring(response.content).xpath("//nav[@class='pagination']")[0]
    shown = [" ".join(item.text_content().split()) for item in nav.xpath(".//li")]
    current = nav.xpath(".//a[@aria-current='page']")[0].text_content()
    rel = {a.get("rel"): a.get("href").rpartition("page=")[2] for a in nav.xpath(".//a[@rel]")}
    return shown, " ".join(current.split()), rel


def test_pages_are_numbered_with_the_first_the_last_and_two_either_side(client, settings):
    settings.PROGRAMMES_PER_PAGE = 1
    shown, current, rel = pagination(client.get(URL, {"page": 7}))
    pages = ["Page 1", "…", "Page 5", "Page 6", "Page 7", "Page 8", "Page 9", "…", "Page 14"]
    assert shown == ["Previous page", *pages, "Next page"]
    assert current == "Page 7"
    assert rel == {"prev": "6", "next": "8"}
    # Near an end nothing is elided on that side, and there is no link past it.
    shown, current, rel = pagination(client.get(URL, {"page": 14}))
    assert shown == ["Previous page", "Page 1", "…", "Page 12", "Page 13", "Page 14"]
    assert rel == {"prev": "13"}


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Page 1,500 of 2,000"), ("fr", "Page 1\xa0500 sur 2\xa0000"), ("es", "Página 1\xa0500 de 2\xa0000")],
)
def test_page_numbers_are_written_as_the_language_writes_them(language, expected):
    page = Paginator(range(2000), 1).page(1500)
    with translation.override(language):
        nav = render_to_string(
            "includes/pagination.html", {"page_obj": page, "paginator": page.paginator}, RequestFactory().get(URL)
        )
    assert expected in nav
    assert nav.count("aria-current") == 1


@pytest.mark.parametrize(
    ("path", "query", "title"),
    [
        (URL, {}, "Programmes"),
        (URL, {"country": "haiti"}, "Programmes in Haiti"),
        (
            URL,
            {"country": "haiti", "status": "completed", "page": 2},
            "Programmes in Haiti (Status: Completed), page 2",
        ),
        (URL, {"q": "HIV", "coverage": "regional"}, "Programmes (Search: HIV; Coverage: Regional)"),
        ("/es" + URL, {"page": 3}, "Programas, página 3"),
    ],
)
def test_the_browser_title_names_the_filters_and_the_page(client, settings, path, query, title):
    settings.PROGRAMMES_PER_PAGE = 1
    page = text(client.get(path, query))
    assert f"<title>{title} · " in page


def test_the_results_are_one_skip_link_away_and_apply_lands_on_them(client):
    page = text(client.get(URL, {"sort": "title"}))
    assert '<a class="skip-link" href="#results">Skip to the results</a>' in page
    assert '<h2 id="results" class="results__count" tabindex="-1">14 programmes</h2>' in page
    # The filters keep the order chosen; the sort keeps the filters; both land on the results.
    assert '<form method="get" action="/programmes/#results" class="filter-form"' in page
    assert '<input type="hidden" name="sort" value="title">' in page
    assert page.count('action="/programmes/#results"') == 2
    # The filters are a disclosure, closed until site.js opens it on a wide screen; the results
    # come before the downloads.
    assert '<details class="sidebar filters">' in page
    assert page.index('id="results"') < page.index('id="download-heading"')


def test_an_option_with_no_translation_says_it_is_in_english_and_is_marked_when_chosen(client):
    """The options' markup is kept with the lists (``filters.options_markup``), the chosen one marked
    in it: with its language, and never an option whose value only begins with the one chosen."""
    programme = Programme.objects.get(title=TRAFFICKING)
    for slug, name, spanish in (("fund", "Fund", "Fondo"), ("fund-2", "Second fund", ""), ("f", "F fund", "")):
        organisation = OrganisationFactory(slug=slug, name=name, acronym="SF" if slug == "fund-2" else "")
        if spanish:
            Organisation.objects.filter(pk=organisation.pk).update(name_es=spanish)
        GrantFactory(programme=programme, funder=organisation)

    spanish_url = "/es" + URL
    page = text(client.get(spanish_url))
    assert '<option value="fund">Fondo</option>' in page
    assert '<option value="fund-2" lang="en">Second fund (SF)</option>' in page

    chosen = text(client.get(spanish_url, {"funder": "fund-2"}))
    assert '<option value="fund-2" selected lang="en">Second fund (SF)</option>' in chosen
    assert chosen.count(" selected") == chosen.count("<select")  # one per select, the empty one elsewhere
    chosen = text(client.get(spanish_url, {"funder": "f"}))
    assert '<option value="f" selected lang="en">F fund</option>' in chosen
    assert '<option value="fund" selected' not in chosen and '<option value="fund-2" selected' not in chosen
    assert '<option value="" selected>' in chosen.split('name="partner"')[1]


def test_another_list_address_reads_the_kept_options_and_an_edit_renews_them(client, django_assert_num_queries):
    client.get(URL)
    # The page is not kept for this address, but its options are (the version did not move): the
    # content version, the count, the page and its two prefetches; neither the statuses nor the lists.
    with django_assert_num_queries(1 + 1 + 1 + 2):
        page = text(client.get(URL, {"sort": "title"}))
    assert '<option value="us-state-department">U.S. State Department</option>' in page

    organisation = Organisation.objects.get(slug="us-state-department")
    organisation.name = "United States Department of State"
    organisation.save()  # through the ORM, as the admin saves: the content version moves on
    page = text(client.get(URL, {"sort": "title"}))
    assert '<option value="us-state-department">United States Department of State</option>' in page
