"""Every kind of page reflows: nothing scrolls sideways on a 320 px phone (WCAG 1.4.10) or at
200 % zoom of a 1280 px window (the same CSS pixels as a 640 px one); on a phone the header is
two rows, so the page starts on the first screen; the print stylesheet drops the navigation and
filters and prints black on white."""

from __future__ import annotations

import datetime

import pytest

from funding.demo import generate_demo_data
from funding.models import Grant, Transaction
from tests.factories import DonorAccountFactory, TransactionFactory
from tests.helpers.browser_pages import (
    AXE,
    BOXES_SCRIPT,
    OVERFLOW_SCRIPT,
    cut_options,
    first_result_on_first_screen,
    overlapping,
    tables_on,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]

PAGES = [
    "/",
    "/programmes/",
    "/programmes/?country=jamaica",
    "/programmes/international-migration-policy-seminar-caribbean/",
    "/countries/",
    "/countries/jamaica/",
    "/areas/",
    "/areas/migration-management/",
    "/partners/",
    "/partners/iom/",
    "/funders/",
    "/funders/us-state-department/",
    "/accounts/login/",
    "/accounts/password_reset/",
    "/no-such-page/",
]


@pytest.fixture
def grant(seeded) -> Grant:
    """A grant with transactions, so its funder's page and its donor's dashboard draw charts."""
    grant = Grant.objects.get(funder__slug="us-state-department", programme__slug="hiv-aids-and-mobile-populations")
    TransactionFactory(grant=grant, type=Transaction.Type.COMMITMENT, date=datetime.date(2003, 1, 15), amount=250000)
    TransactionFactory(grant=grant, type=Transaction.Type.DISBURSEMENT, date=datetime.date(2003, 6, 1), amount=100000)
    DonorAccountFactory(user__username="state-donor", funders=[grant.funder])
    return grant


def sign_in(page, base_url: str) -> None:
    page.goto(base_url + "/accounts/login/?next=/donor/")
    page.get_by_label("Username").fill("state-donor")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(base_url + "/donor/")


# The axe rules whose outcome depends on the width: a region that scrolls sideways must be reachable
# by keyboard, and targets must not shrink (contrast is checked at full width in test_accessibility).
NARROW_RULES = ["scrollable-region-focusable", "target-size", "meta-viewport"]


def layout_problems(page, base_url: str, paths: list[str]) -> dict[str, object]:
    """Per page, at each of WIDTHS: how far it scrolls sideways (and what sticks out); at the
    narrowest, axe's narrow-screen findings too. Each page is loaded once and laid out again at
    each width."""
    found: dict[str, object] = {}
    for path in paths:
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(base_url + path)
        axe = AXE.run(page, options={"runOnly": {"type": "rule", "values": NARROW_RULES}})
        for violation in axe.response["violations"]:
            targets = [" ".join(node["target"]) for node in violation["nodes"][:5]]
            found[f"{path} axe {violation['id']}"] = targets
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            result = page.evaluate(OVERFLOW_SCRIPT)
            if result["overflow"] > 0:
                found[f"{path} at {width} px"] = result
    return found


# A 320 px phone, and 200 % zoom of a 1280 px window, which lays out as 640 CSS px (the stylesheets
# ask only for widths, never the resolution, so it is drawn at scale 1: a quarter of the pixels to
# paint). axe's narrow-screen rules at the narrowest width only: a region that scrolls sideways at
# 640 px scrolls at 320 px too, and no target shrinks as the window widens.
WIDTHS = (320, 640)


def test_no_page_scrolls_sideways_on_a_phone_or_zoomed(live_server, browser, grant):
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    try:
        page = context.new_page()
        problems = layout_problems(page, live_server.url, PAGES)
        # The filters (a disclosure on a phone), the navigation and the content are all there, not cut off.
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(live_server.url + "/programmes/")
        page.locator("summary", has_text="Filter programmes").click()
        assert page.get_by_role("button", name="Apply").is_visible()
        assert page.get_by_role("navigation", name="Main").get_by_role("link", name="Funders").is_visible()
        # The donor's pages, with their wide tables of money.
        sign_in(page, live_server.url)
        donor_pages = ["/donor/", "/donor/years/", "/donor/results/", f"/donor/grants/{grant.pk}/"]
        problems |= layout_problems(page, live_server.url, donor_pages)
        assert problems == {}
    finally:
        context.close()


@pytest.mark.usefixtures("grant")
def test_programme_and_funder_pages_print_without_the_site_chrome(live_server, page):
    page.emulate_media(media="print")
    for path in (
        "/programmes/",
        "/programmes/international-migration-policy-seminar-caribbean/",
        "/funders/us-state-department/",
    ):
        page.goto(live_server.url + path)
        for selector in (".site-nav", ".sidebar", ".skip-link", ".breadcrumbs"):
            for element in page.locator(selector).all():
                assert not element.is_visible(), f"{selector} prints on {path}"
        assert page.locator("main h1").is_visible()
        colours = page.evaluate(
            "() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor,"
            " getComputedStyle(document.querySelector('.site-header')).backgroundColor]"
        )
        assert colours[0] == "rgb(0, 0, 0)"
        assert colours[1] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
        assert colours[2] in ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0)")
    # A printed list says which filters chose it, without the controls to change them.
    page.goto(live_server.url + "/programmes/?country=jamaica")
    assert page.get_by_text("Country: Jamaica").is_visible()
    assert not page.get_by_role("link", name="Clear all filters").is_visible()
    assert page.locator("main h1").evaluate("el => getComputedStyle(el).color") == "rgb(0, 0, 0)"
    page.goto(live_server.url + "/funders/us-state-department/")
    # The chart prints whole, on one page.
    assert page.locator("svg.chart").first.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


# Where each part of the header is on the screen: its box, and the boxes of its links and buttons.
HEADER_SCRIPT = """() => {
  const box = (el) => {
    const r = el.getBoundingClientRect();
    return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height};
  };
  const targets = (selector) =>
    [...document.querySelectorAll(selector)].map((el) => ({name: el.textContent.trim(), ...box(el)}));
  return {
    header: box(document.querySelector('.site-header')),
    h1: box(document.querySelector('main h1')),
    name: box(document.querySelector('.site-name')),
    languages: targets('.site-nav--languages a'),
    menus: targets('.site-nav--main a, .site-nav--account a, .site-nav--account button'),
    current: targets('.site-nav--main [aria-current], .site-nav--account [aria-current]'),
  };
}"""


@pytest.mark.parametrize("prefix", ["", "/es"], ids=["english", "spanish"])
def test_on_a_phone_the_header_is_two_rows_and_the_page_starts_on_the_first_screen(live_server, browser, grant, prefix):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        # Spanish, the longer words, on the fuller header only: a donor's, with the account menu.
        for path in ("/funders/", "/donor/") if not prefix else ("/donor/",):
            if path == "/donor/":
                sign_in(page, live_server.url)
            page.goto(live_server.url + prefix + path)
            layout = page.evaluate(HEADER_SCRIPT)
            name, languages, menus = layout["name"], layout["languages"], layout["menus"]
            # First row: the site name with the languages beside it; second row: every menu item.
            assert all(link["top"] < name["bottom"] and link["bottom"] > name["top"] for link in languages), path
            assert {round(item["top"]) for item in menus} == {round(menus[0]["top"])}, path
            assert menus[0]["top"] >= max(link["bottom"] for link in languages), path
            # Two rows of 44 px targets and little else: the heading shows high on the first screen.
            assert layout["header"]["height"] <= 2 * 44 + 32, path
            assert layout["h1"]["top"] <= 160, path
            for target in languages + menus:
                assert target["height"] >= 44 and target["width"] >= 44, f"{path}: {target['name']}"
            # The menu row scrolls sideways on its own (the page does not), and the script has
            # scrolled it to the current section.
            current = layout["current"][0]
            assert current["left"] >= 0 and current["right"] <= 390, f"{path}: {current['name']}"
            assert page.evaluate("document.documentElement.scrollWidth") == 390
    finally:
        context.close()


def test_without_javascript_the_phone_menu_still_reaches_every_section(live_server, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/es/")
        funders = page.get_by_role("navigation", name="Principal").get_by_role("link", name="Financiadores")
        # Off the right edge of the row at first; the row scrolls to it, and it works.
        assert funders.bounding_box()["x"] >= 320
        funders.click()
        page.wait_for_url(live_server.url + "/es/funders/")
        assert page.locator("main h1").inner_text() == "Financiadores"
        assert page.evaluate("document.documentElement.scrollWidth") == 320
    finally:
        context.close()


def test_on_a_phone_money_tables_of_a_few_columns_fit_and_are_still_tables(live_server, browser, grant):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        tables = tables_on(page, live_server.url + "/es/funders/us-state-department/")
        # The totals fit as a list of figures, each beside the name of its column; the three
        # columns by country fit as a table.
        assert tables["Totales por moneda"]["overflow"] <= 0
        assert tables["Totales por moneda"]["label"].startswith('"Concedido"')
        assert tables["Subvenciones por país beneficiario"]["overflow"] <= 0
        # To a screen reader the totals are still a table: its column headers name the figures,
        # and the names drawn beside them are not read a second time.
        totals = page.get_by_role("table", name="Totales por moneda")
        assert totals.get_by_role("columnheader").count() == 4
        assert totals.get_by_role("rowheader", name="USD").is_visible()
        assert totals.get_by_role("cell", name="No publicado", exact=True).count() == 1

        sign_in(page, live_server.url)
        tables = tables_on(page, live_server.url + "/donor/")
        assert tables["Totals by currency"]["overflow"] <= 0
        by_year = tables_on(page, live_server.url + "/donor/years/")
        assert by_year["Commitments and disbursements by year"]["overflow"] <= 0
        tables = tables_on(page, live_server.url + "/donor/")
        # Ten columns, stacked: each grant a list of figures, its amount first, with no sideways scroll.
        assert tables["Your grants"]["overflow"] <= 0
        assert page.get_by_role("table", name="Your grants").get_by_text("250,000.00").first.is_visible()

        tables = tables_on(page, live_server.url + "/funders/")
        assert tables["Funders and what they have granted, committed and disbursed"]["overflow"] <= 0
        tables = tables_on(page, live_server.url + "/funders/us-state-department/")
        assert all(table["overflow"] <= 0 for table in tables.values())

        # Every choice of the sort and currency selects is whole, in the three languages.
        for path in ("/funders/us-state-department/", "/es/programmes/", "/es/funders/", "/fr/donor/"):
            assert cut_options(page, live_server.url + path) == [], path
    finally:
        context.close()


def test_chart_and_map_labels_never_overlap_and_the_admin_fits_1280(live_server, browser, grant, admin_user):
    # Twenty-six years of money with a gap of seven: thinned years along the axis, one marked gap.
    for year in [*range(1999, 2005), *range(2012, 2025)]:
        TransactionFactory(grant=grant, type=Transaction.Type.DISBURSEMENT, date=datetime.date(year, 3, 1), amount=1000)
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        try:
            page = context.new_page()
            page.goto(live_server.url + "/funders/us-state-department/")
            years = page.evaluate(BOXES_SCRIPT, ["svg.chart", ".chart__category"])
            assert years and all(years) and overlapping(years) == [], width
            assert page.locator(".chart__gap-note").first.text_content() == "2005–2011: none recorded"
            page.goto(live_server.url + "/")
            names = page.evaluate(BOXES_SCRIPT, [".map__svg", ".map__label"])
            assert names[0] and overlapping(names) == [], width
            frame = page.locator(".map__frame")
            cue = page.get_by_text("Scroll sideways to see the whole map.")
            if width == 390:  # the map scrolls: it says so, and opens on the named countries, not the west
                assert cue.is_visible() and frame.evaluate("el => el.scrollLeft") > 0
            else:
                assert not cue.is_visible() and frame.evaluate("el => el.scrollWidth <= el.clientWidth")
            if width == 1280:
                page.goto(live_server.url + "/admin/login/")
                page.get_by_label("Username").fill(admin_user.username)
                page.get_by_label("Password").fill("password")
                page.get_by_role("button", name="Log in").click()
                for path in (
                    "/admin/programmes/programme/",
                    f"/admin/programmes/programme/{grant.programme_id}/change/",
                ):
                    page.goto(live_server.url + path)
                    sizes = page.evaluate(
                        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
                        " ...[...document.querySelectorAll('#changelist .results')]"
                        ".map(r => r.scrollWidth - r.clientWidth)]"
                    )
                    assert sizes[0] <= sizes[1] and all(extra <= 0 for extra in sizes[2:]), (path, sizes)
        finally:
            context.close()


def apply_a_filter(page, status: str) -> None:
    """Choose a status in the filters, opening them first on a phone, and apply it."""
    if not page.get_by_role("button", name="Apply").is_visible():
        page.locator("summary", has_text="Filter programmes").click()
    page.locator("#id_status").select_option(status)
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**#results")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_first_result_is_on_the_first_screen_and_apply_lands_on_the_results(live_server, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 844 if width == 390 else 800})
    try:
        page = context.new_page()
        page.goto(live_server.url + "/programmes/")
        assert first_result_on_first_screen(page)
        # The filters: closed on a phone (the results first), open beside the results on a wide screen.
        assert page.get_by_role("button", name="Apply").is_visible() == (width == 1280)
        apply_a_filter(page, "completed")
        assert page.get_by_role("heading", name="8 programmes").is_visible()
        assert first_result_on_first_screen(page)
        # Two Tab presses from the top of a page to the results: the skip links.
        page.goto(live_server.url + "/programmes/")
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "results"
    finally:
        context.close()


def test_with_many_programmes_pages_are_numbered_and_results_come_first(live_server, browser, settings):
    generate_demo_data(programmes=100, force=True, seed=3)
    settings.PROGRAMMES_PER_PAGE = 10  # over ten pages from a hundred programmes, at a tenth of the cost
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 844 if width == 390 else 800})
        try:
            page = context.new_page()
            page.goto(live_server.url + "/programmes/?page=6")
            assert ", page 6 · " in page.title()
            assert first_result_on_first_screen(page)
            pages = page.get_by_role("navigation", name="Pages")
            assert pages.locator("[aria-current=page]").inner_text().split()[-1] == "6"
            assert pages.get_by_text("…").count() == 2
            apply_a_filter(page, "ongoing")
            assert first_result_on_first_screen(page)
            assert "page=" not in page.url  # a new filter starts at the first page
        finally:
            context.close()
