"""The phone and volume points of issue 16 with 2,000 demo programmes, at 390 px and 1,280 px: the list's
first result on the first screen and its numbered pages, the funders list searchable and no table on it or
on the biggest funder's page scrolling sideways, amounts never broken across lines (in French too), chart
and map labels never overlapping, and axe-core's serious and critical findings at none.

Marked ``volume``: ``make test-volume`` runs them; the default run leaves them out (tests/conftest.py), as
generating the programmes alone takes longer than the suite's budget allows.
"""

from __future__ import annotations

import math

import pytest
from django.conf import settings
from django.db.models import Count

from funding.models import Grant
from partners.models import Organisation
from programmes.models import Programme
from tests.helpers.browser_pages import (
    BOXES_SCRIPT,
    OVERFLOW_SCRIPT,
    TABLES_SCRIPT,
    audit,
    first_result_on_first_screen,
    overlapping,
)

pytestmark = [pytest.mark.browser, pytest.mark.volume, pytest.mark.usefixtures("volume")]

WIDTHS = [390, 1280]

# The amounts (a figure alone, or with its currency code) the browser has laid out on more than one line.
BROKEN_FIGURES_SCRIPT = """() => {
  const broken = [];
  const money = /[A-Z]{3}\\u00a0\\d|\\d\\u00a0[A-Z]{3}/;  // an amount with its currency code
  const figure = /^[\\d\\s\\u00a0\\u202f.,]*\\d[\\d\\s\\u00a0\\u202f.,]*$/;  // a figure alone
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!money.test(node.data) && !figure.test(node.data)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    if (lines.size > 1) broken.push(node.data.trim());
  }
  return broken.slice(0, 8);
}"""


@pytest.fixture
def window(browser, request):
    width = request.param
    context = browser.new_context(viewport={"width": width, "height": 844 if width == 390 else 800})
    yield context.new_page(), width
    context.close()


def biggest_funder() -> Organisation:
    """The funder with the most grants to published programmes: the longest funder page."""
    counts = Grant.objects.published().values("funder").annotate(grants=Count("pk")).order_by("-grants", "funder")
    return Organisation.objects.get(pk=counts[0]["funder"])


def layout(page, url: str) -> dict[str, object]:
    """What is wrong with the page's layout at this width: sideways scroll, tables wider than their box."""
    page.goto(url)
    found: dict[str, object] = {}
    result = page.evaluate(OVERFLOW_SCRIPT)
    if result["overflow"] > 0:
        found["page"] = result
    for table in page.evaluate(TABLES_SCRIPT):
        if table["overflow"] > 0:
            found[table["caption"]] = table["overflow"]
    return found


@pytest.mark.parametrize("window", WIDTHS, indirect=True, ids=lambda width: f"{width}px")
def test_the_list_shows_a_result_first_and_numbers_its_pages(live_server, window):
    page, width = window
    pages = math.ceil(Programme.objects.published().count() / settings.PROGRAMMES_PER_PAGE)
    middle = pages // 2
    assert pages > 50  # the volume the checks are about

    page.goto(live_server.url + "/programmes/")
    assert first_result_on_first_screen(page), width
    numbers = page.get_by_role("navigation", name="Pages")
    assert numbers.get_by_role("link", name=f"Page {pages}", exact=True).count() == 1  # the last, by number
    problems = audit(page, f"list at {width}")
    numbers.get_by_role("link", name="Page 2", exact=True).click()
    page.wait_for_url("**page=2*")
    assert first_result_on_first_screen(page), width
    page.goto(live_server.url + f"/programmes/?page={middle}")
    assert f", page {middle} · " in page.title()
    assert first_result_on_first_screen(page), width
    assert numbers.locator("[aria-current=page]").inner_text().split()[-1] == str(middle)
    assert numbers.get_by_role("link", name="Page 1", exact=True).count() == 1  # the first, from the middle
    problems += audit(page, f"list page {middle} at {width}")
    assert problems == []


@pytest.mark.parametrize("window", WIDTHS, indirect=True, ids=lambda width: f"{width}px")
def test_funders_are_searchable_and_their_money_fits_and_reads_whole(live_server, window):
    page, width = window
    funder = biggest_funder()

    assert layout(page, live_server.url + "/funders/") == {}, width
    problems = audit(page, f"funders at {width}")
    page.get_by_label("Name or acronym").fill(funder.name)
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/funders/?*")
    listed = page.get_by_role("table", name="Funders and what they have granted, committed and disbursed")
    assert listed.get_by_role("link", name=funder.name, exact=True).count() == 1
    assert page.locator(".results__count").inner_text() == "1 funder"

    for prefix in ("", "/fr"):
        url = f"{live_server.url}{prefix}/funders/{funder.slug}/"
        assert layout(page, url) == {}, (width, prefix)
        assert page.evaluate(BROKEN_FIGURES_SCRIPT) == [], (width, prefix)  # "1 234 567 USD" on one line
        years = page.evaluate(BOXES_SCRIPT, ["svg.chart", ".chart__category, .chart__gap-note"])
        assert years and all(years) and overlapping(years) == [], (width, prefix)
        problems += audit(page, f"{prefix or '/en'} biggest funder at {width}")
    assert problems == []


@pytest.mark.parametrize("window", WIDTHS, indirect=True, ids=lambda width: f"{width}px")
def test_the_map_s_labels_never_overlap(live_server, window):
    page, width = window

    page.goto(live_server.url + "/")
    names = page.evaluate(BOXES_SCRIPT, [".map__svg", ".map__label"])
    assert names[0] and overlapping(names) == [], width
    assert layout(page, live_server.url + "/") == {}, width
    assert audit(page, f"overview at {width}") == []
