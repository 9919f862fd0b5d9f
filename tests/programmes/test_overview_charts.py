"""The overview's charts: published programmes by thematic area and by country, with their tables."""

from __future__ import annotations

import html
import re

import pytest
from django.urls import reverse

from programmes.models import Country, Programme, ThematicArea
from tests.factories import CountryFactory, ProgrammeCountryFactory, ProgrammeFactory

pytestmark = pytest.mark.django_db


def section(client) -> str:
    page = " ".join(html.unescape(client.get("/").content.decode()).split())
    start = page.index('<section aria-labelledby="programme-charts">')
    return page[start : page.index("</section>", start)]


def figure(client, caption: str) -> str:
    return next(f for f in re.findall(r"<figure .*?</figure>", section(client)) if f"<figcaption>{caption}<" in f)


def table(fragment: str) -> dict[str, str]:
    body = re.search(r"<tbody>(.*?)</tbody>", fragment).group(1)
    cells = [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in re.findall(r"<tr>(.*?)</tr>", body)]
    return {re.sub(r"<[^>]+>", "", name).strip(): count for name, count in cells}


def bar_values(fragment: str) -> dict[str, str]:
    """Each bar's category and value, from the chart's direct labels and categories, in order."""
    svg = re.search(r"<svg .*?</svg>", fragment).group(0)
    names = re.findall(r'class="chart__category"[^>]*>([^<]*)</text>', svg)
    values = re.findall(r'class="chart__value"[^>]*>([^<]*)</text>', svg)
    return dict(zip(names, values, strict=True))


def test_the_overview_charts_programmes_by_thematic_area_with_the_same_figures_in_a_table(client):
    areas = figure(client, "By thematic area")
    expected = {
        str(area): str(Programme.objects.published().filter(thematic_areas=area).count())
        for area in ThematicArea.objects.all()
        if Programme.objects.published().filter(thematic_areas=area).exists()
    }
    assert table(areas) == expected
    assert bar_values(areas) == expected
    counts = [int(v) for v in bar_values(areas).values()]
    assert counts == sorted(counts, reverse=True)
    assert '<title id="programmes-by-area-title">Published programmes by thematic area</title>' in areas
    assert 'role="img"' in areas and 'aria-labelledby="programmes-by-area-title programmes-by-area-desc"' in areas


def test_the_overview_charts_programmes_by_country_as_the_country_pages_count_them(client):
    countries = figure(client, "By country")
    shown = table(countries)
    assert shown["Dominican Republic"] == str(
        Programme.objects.published().in_country(Country.objects.get(slug="dominican-republic")).count()
    )
    assert shown["Jamaica"] == "3"  # where programmes work: not the seminar it hosted
    assert "Argentina" not in shown  # only named, as a destination
    assert bar_values(countries) == shown
    assert f'<a href="{reverse("programmes:country", kwargs={"slug": "jamaica"})}">Jamaica</a>' in countries


def test_a_country_that_no_published_programme_concerns_is_not_charted(client):
    CountryFactory(name="Empty land")
    assert "Empty land" not in figure(client, "By country")


def test_unpublished_programmes_count_in_no_chart(client):
    before = table(figure(client, "By country"))
    area = ThematicArea.objects.get(slug="irregular-flows")
    draft = ProgrammeFactory(is_published=False)
    draft.thematic_areas.add(area)
    ProgrammeCountryFactory(programme=draft, country=Country.objects.get(slug="jamaica"))
    hidden_phase = ProgrammeFactory(parent=ProgrammeFactory(is_published=False))
    ProgrammeCountryFactory(programme=hidden_phase, country=Country.objects.get(slug="jamaica"))

    assert table(figure(client, "By country")) == before
    assert table(figure(client, "By thematic area"))[str(area)] == str(
        Programme.objects.published().filter(thematic_areas=area).count()
    )

    live = ProgrammeFactory()
    live.thematic_areas.add(area)
    ProgrammeCountryFactory(programme=live, country=Country.objects.get(slug="jamaica"))
    assert table(figure(client, "By country"))["Jamaica"] == str(int(before["Jamaica"]) + 1)


def test_the_charts_print_without_colour_alone_and_escape_names(client):
    ProgrammeCountryFactory(programme=ProgrammeFactory(), country__name="<b>Bold</b> land")
    countries = figure(client, "By country")
    assert "<b>Bold</b>" not in client.get("/").content.decode()
    assert "&lt;b&gt;Bold&lt;/b&gt; land" in client.get("/").content.decode()
    # Every bar carries its value as text, in dark ink; the fills are patterns with an outline.
    assert re.findall(r'class="chart__value"[^>]*fill="#1b1f24"', countries)
    assert 'stroke="#1b1f24"' in countries


# Overview, its entries, its partner mentions, the thematic areas with their programme counts, the
# countries with their programme counts (which the map highlights too), its documents; plus the
# content version (iomcaribbean.caching) read first.
OVERVIEW_QUERIES = 6 + 1


def test_the_overview_charts_run_the_same_queries_however_many_programmes(client, django_assert_num_queries):
    with django_assert_num_queries(OVERVIEW_QUERIES):
        client.get("/")
    areas = list(ThematicArea.objects.all())
    for n in range(6):
        programme = ProgrammeFactory()
        programme.thematic_areas.add(areas[n % len(areas)])
        ProgrammeCountryFactory(programme=programme)
    with django_assert_num_queries(OVERVIEW_QUERIES):
        response = client.get("/")
    assert response.status_code == 200
    assert sum(name.startswith("Testland") for name in table(figure(client, "By country"))) == 6
