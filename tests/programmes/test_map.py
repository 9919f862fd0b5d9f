"""The map of the Caribbean on the overview and country pages, its data and the script that makes it."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import lxml.etree
import lxml.html
import pytest
from django.template import Context, Template
from django.urls import reverse

from programmes import maps
from programmes.models import Country
from tests.factories import CountryFactory, ProgrammeCountryFactory, ProgrammeFactory

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_caribbean_map.py"
SEED_CARIBBEAN = {"BS", "BB", "BZ", "DO", "HT", "JM", "TT", "TC", "AN"}
# The Caribbean countries where a seed programme works: the Netherlands Antilles are only named,
# as a destination of trafficked women, in the counter-trafficking programme's narrative.
SEED_SLUGS = {
    "bahamas",
    "barbados",
    "belize",
    "dominican-republic",
    "haiti",
    "jamaica",
    "trinidad-and-tobago",
    "turks-and-caicos-islands",
}


def svg_of(response) -> lxml.etree._Element:
    """The map's SVG, parsed as XML (so it must be well formed)."""
    found = re.search(r"<svg class=\"map__svg\".*?</svg>", response.content.decode(), re.S)
    assert found, "the page has no map"
    return lxml.etree.fromstring(found.group(0))


def linked(svg: lxml.etree._Element) -> dict[str, lxml.etree._Element]:
    return {a.get("href"): a for a in svg.iter("a")}


def text_list(response) -> dict[str, str]:
    """The list under the map: each country's link and the count beside it."""
    page = lxml.html.fromstring(response.content)
    items = page.xpath("//ul[contains(@class, 'map__list')]/li")
    return {li.xpath("a")[0].get("href"): li.xpath("span[@class='count']")[0].text_content() for li in items}


def url(slug: str) -> str:
    return reverse("programmes:country", kwargs={"slug": slug})


# The pages --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_overview_map_links_every_caribbean_country_with_a_published_programme(client):
    svg = svg_of(client.get("/"))
    links = linked(svg)
    assert set(links) == {url(slug) for slug in SEED_SLUGS}
    assert links[url("jamaica")].findtext("title") == "Jamaica: 3 programmes"  # not the seminar it hosted
    assert links[url("dominican-republic")].findtext("title") == "Dominican Republic: 6 programmes"
    assert links[url("belize")].get("aria-label") == "Belize: 1 programme"
    # Tiny islands are ringed so that they can be seen and selected.
    marker = links[url("barbados")].find("circle")
    assert 940 < float(marker.get("cx")) < 970  # far east, in viewBox units (not localised)
    assert url("netherlands-antilles") not in links  # only named, as a destination: drawn, not linked
    # Neighbours are drawn for context, not linked: Cuba, Puerto Rico, Venezuela, Florida.
    assert len(svg.findall("path")) > 20


@pytest.mark.django_db
def test_the_map_has_a_title_and_a_description_naming_the_countries(client):
    svg = svg_of(client.get("/"))
    assert svg.get("aria-labelledby") == "caribbean-map-title"
    assert svg.get("aria-describedby") == "caribbean-map-desc"
    title = svg.find("title")
    assert title.get("id") == "caribbean-map-title"
    assert title.text == "Map of the Caribbean: countries where the programme works"
    desc = svg.find("desc")
    assert desc.get("id") == "caribbean-map-desc"
    assert "Barbados, Belize, Dominican Republic, Haiti, Jamaica" in desc.text
    assert "hatch" in svg.find("defs/pattern").get("id")  # for print, where colour is not relied on


@pytest.mark.django_db
def test_the_list_under_the_map_gives_the_same_countries_and_counts_as_the_links(client):
    response = client.get("/")
    links = linked(svg_of(response))
    listed = text_list(response)
    assert set(listed) == set(links)
    for href, count in listed.items():
        assert links[href].findtext("title").endswith(": " + count)
    assert listed[url("haiti")] == "3 programmes"


@pytest.mark.django_db
def test_a_country_whose_only_programme_is_unpublished_is_neither_linked_nor_listed(client):
    cuba = CountryFactory(code="CU", name="Cuba", slug="cuba")
    ProgrammeCountryFactory(country=cuba, programme=ProgrammeFactory(is_published=False))
    # A published phase of an unpublished programme is not public either.
    ProgrammeCountryFactory(country=cuba, programme=ProgrammeFactory(parent=ProgrammeFactory(is_published=False)))
    response = client.get("/")
    assert url("cuba") not in linked(svg_of(response))
    assert url("cuba") not in text_list(response)

    ProgrammeCountryFactory(country=cuba, programme=ProgrammeFactory())
    response = client.get("/")
    assert linked(svg_of(response))[url("cuba")].findtext("title") == "Cuba: 1 programme"
    assert text_list(response)[url("cuba")] == "1 programme"


@pytest.mark.django_db
def test_a_country_a_programme_only_names_is_neither_highlighted_nor_counted(client):
    # The counter-trafficking programme works in the Dominican Republic; its narrative names the
    # Netherlands Antilles (in the Caribbean) and Argentina as destinations of trafficked women.
    response = client.get("/")
    svg, listed = svg_of(response), text_list(response)
    for slug in ("netherlands-antilles", "argentina"):
        assert url(slug) not in linked(svg)
        assert url(slug) not in listed
    assert "Netherlands Antilles" not in svg.find("desc").text
    # A venue is not where a programme works either; once one works there, it is highlighted.
    cuba = CountryFactory(code="CU", name="Cuba", slug="cuba")
    ProgrammeCountryFactory(country=cuba, programme=ProgrammeFactory(), role="venue")
    ProgrammeCountryFactory(country=cuba, programme=ProgrammeFactory(), role="origin")
    assert url("cuba") not in linked(svg_of(client.get("/")))
    ProgrammeCountryFactory(country=cuba, programme=ProgrammeFactory())
    assert linked(svg_of(client.get("/")))[url("cuba")].findtext("title") == "Cuba: 1 programme"


@pytest.mark.django_db
def test_countries_outside_the_region_are_not_highlighted(client):
    united_states = Country.objects.get(code="US")
    ProgrammeCountryFactory(country=united_states)
    response = client.get("/")
    assert url("united-states") not in linked(svg_of(response))
    assert url("united-states") not in text_list(response)
    # Nor is there a map of the Caribbean on their own pages.
    assert 'class="map__svg"' not in client.get(url("united-states")).content.decode()


@pytest.mark.django_db
def test_a_country_page_marks_its_country_and_still_links_the_others(client):
    response = client.get(url("jamaica"))
    links = linked(svg_of(response))
    assert set(links) == {url(slug) for slug in SEED_SLUGS}
    assert links[url("jamaica")].get("aria-current") == "page"
    assert "map__country--current" in links[url("jamaica")].get("class")
    assert all(a.get("aria-current") is None for href, a in links.items() if href != url("jamaica"))
    page = lxml.html.fromstring(response.content)
    assert page.xpath("//ul[contains(@class, 'map__list')]//a[@aria-current='page']/text()") == ["Jamaica"]


@pytest.mark.django_db
def test_a_caribbean_country_without_published_programmes_is_still_shown_on_its_own_page(client):
    CountryFactory(code="CU", name="Cuba", slug="cuba")
    svg = svg_of(client.get(url("cuba")))
    assert url("cuba") not in linked(svg)
    current = svg.find(".//g[@class='map__country map__country--current']")
    assert current.findtext("text") == "Cuba"


@pytest.mark.django_db
def test_the_country_list_draws_the_map_from_its_own_counts(client):
    # No query of its own (the pinned count in test_country_and_area covers the page), and no
    # second list: the page's own list is the text equivalent.
    response = client.get(reverse("programmes:countries"))
    assert set(linked(svg_of(response))) == {url(slug) for slug in SEED_SLUGS}
    assert not text_list(response)


@pytest.mark.django_db
def test_the_tag_costs_one_query_however_many_countries_are_highlighted(django_assert_num_queries):
    template = Template("{% load maps %}{% caribbean_map %}")
    with django_assert_num_queries(1):
        template.render(Context())
    for code in ("CU", "PR", "AG"):
        ProgrammeCountryFactory(country=CountryFactory(code=code))
    with django_assert_num_queries(1):
        assert template.render(Context()).count('<a class="map__country') == len(SEED_SLUGS) + 3


# The data ---------------------------------------------------------------------------------


def test_the_generated_map_has_a_shape_for_every_caribbean_seed_country():
    data = maps.load_map()
    assert set(data["countries"]) >= SEED_CARIBBEAN
    assert set(data["countries"]) >= {"CU", "PR", "VE", "CO", "MX", "US"}  # context
    for code in SEED_CARIBBEAN:
        assert re.fullmatch(r"(M[-\d. ]+l[-\d. ]+z)+", data["countries"][code]["d"]), code
    assert {code for code, shape in data["countries"].items() if "markers" in shape} >= {"BB", "TC", "AN"}
    assert "Natural Earth" in data["source"] and "public domain" in data["source"]
    assert maps.MAP_FILE.stat().st_size < 150_000


def test_the_map_file_is_read_once_per_process():
    assert maps.load_map() is maps.load_map()


# The script -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("build_caribbean_map", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


# Two squares sharing an edge (arc 0), quantised on a grid of 0.5 degrees from (-80, 15): Jamaica
# from -80 to -79, Haiti from -79 to -78; and Curaçao and Sint Maarten, which make up AN, and a
# country far outside the box.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.5, 0.5], "translate": [-80, 15]},
    "arcs": [
        [[2, 0], [0, 2]],  # (-79, 15) to (-79, 16): the shared border
        [[2, 2], [-2, 0], [0, -2], [2, 0]],  # (-79, 16) round Jamaica's west back to (-79, 15)
        [[2, 0], [2, 0], [0, 2], [-2, 0]],  # (-79, 15) round Haiti's east to (-79, 16)
        [[20, -6], [1, 0], [0, 1], [-1, 0], [0, -1]],  # a closed ring at (-70, 12)
        [[32, 6], [1, 0], [0, 1], [-1, 0], [0, -1]],  # a closed ring at (-64, 18)
        [[200, 100], [1, 0], [0, 1], [-1, 0], [0, -1]],  # (20, 65), far away
    ],
    "objects": {
        "countries": {
            "type": "GeometryCollection",
            "geometries": [
                {"type": "Polygon", "id": "388", "arcs": [[0, 1]], "properties": {"name": "Jamaica"}},
                {"type": "Polygon", "id": "332", "arcs": [[2, ~0]], "properties": {"name": "Haiti"}},
                {"type": "MultiPolygon", "id": "531", "arcs": [[[3]]], "properties": {"name": "Curaçao"}},
                {"type": "Polygon", "id": "534", "arcs": [[4]], "properties": {"name": "Sint Maarten"}},
                {"type": "Polygon", "id": "246", "arcs": [[5]], "properties": {"name": "Finland"}},
            ],
        }
    },
}


def test_the_script_decodes_quantised_delta_encoded_arcs(script):
    arcs = script.decode_arcs(TOPOLOGY)
    assert arcs[0] == [(-79.0, 15.0), (-79.0, 16.0)]
    assert arcs[2] == [(-79.0, 15.0), (-78.0, 15.0), (-78.0, 16.0), (-79.0, 16.0)]
    jamaica = TOPOLOGY["objects"]["countries"]["geometries"][0]
    ring = script.ring_points(script.polygons_of(jamaica)[0][0], arcs)
    assert ring == [(-79.0, 15.0), (-79.0, 16.0), (-80.0, 16.0), (-80.0, 15.0), (-79.0, 15.0)]
    haiti = script.ring_points([2, ~0], arcs)  # the shared arc, reversed
    assert haiti[0] == haiti[-1] == (-79.0, 15.0)
    untransformed = {"arcs": [[[-79.5, 15.25], [-79.0, 16.0]]]}
    assert script.decode_arcs(untransformed) == [[(-79.5, 15.25), (-79.0, 16.0)]]


def test_the_projection_fits_the_box_and_keeps_shapes_square(script):
    project = script.Projection((-90.0, 10.0, -60.0, 30.0), 1000)
    assert project(-90, 30) == (0, 0)
    x, y = project(-60, 10)
    assert x == pytest.approx(1000) and y == pytest.approx(project.height)
    # One degree of longitude is cos(20°) of a degree of latitude at the middle of the box.
    (x0, y0), (x1, y1) = project(-75, 20), project(-74, 19)
    assert (x1 - x0) / (y1 - y0) == pytest.approx(0.9397, abs=1e-4)


def test_the_script_simplifies_and_clips(script):
    line = [(0, 0), (1, 0.1), (2, 0), (3, 5), (4, 0)]
    assert script.simplify(line, 0.5) == [(0, 0), (2, 0), (3, 5), (4, 0)]
    square = [(-5, -5), (5, -5), (5, 5), (-5, 5), (-5, -5)]
    assert sorted(script.clip(square, 10, 10)) == [(0, 0), (0, 5), (5, 0), (5, 5)]
    assert script.clip([(20, 20), (30, 20), (30, 30)], 10, 10) == []
    assert script.path_data([[(0, 0), (10.04, 0), (9.9, 5.55)]]) == "M0 0l10 0-0.1 5.6z"


def test_the_script_builds_the_map_from_a_topology(script, tmp_path):
    data = script.build(TOPOLOGY, "test source")
    assert data["source"] == "test source"
    assert set(data["countries"]) == {"JM", "HT", "AN"}  # Finland is outside the box
    assert data["countries"]["AN"]["name"] == "Netherlands Antilles"
    assert data["countries"]["AN"]["d"].count("M") == 2  # Curaçao and Sint Maarten
    assert data["countries"]["JM"]["d"].count("M") == 1

    source = tmp_path / "countries-50m.json"
    source.write_text(json.dumps(TOPOLOGY))
    (tmp_path / "package.json").write_text('{"version": "9.9.9"}')
    output = tmp_path / "map.json"
    assert script.main(["--input", str(source), "--output", str(output)]) == 0
    written = json.loads(output.read_text())
    assert written["source"].endswith("world-atlas 9.9.9, public domain")
    assert written["viewBox"].startswith("0 0 1000 ")
    assert script.main(["--input", str(tmp_path / "missing.json")]) == 1


def test_points_are_placed_by_the_scripts_projection_of_the_box_the_map_records(script):
    project = script.Projection(tuple(maps.load_map()["box"]), script.WIDTH)
    kingston = maps.map_point(17.9712, -76.7928)
    assert kingston == pytest.approx(project(-76.7928, 17.9712), abs=0.1)
    assert maps.map_point(6.8013, -58.1551) is None  # Georgetown, Guyana: south of the map
