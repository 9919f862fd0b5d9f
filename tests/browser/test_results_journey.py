"""Staff enter an indicator with a baseline and two periods through the admin, from the programme's
page, and the public page of the programme shows it as a table and a chart."""

from __future__ import annotations

import re

import pytest

from programmes.models import Indicator
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]

PERIODS = [("2001-01-01", "2001-12-31", "40", "36"), ("2002-01-01", "2002-12-31", "60", "")]


def test_staff_enter_an_indicator_with_a_baseline_and_two_periods_and_the_public_sees_it(live_server, page):
    UserFactory(username="staff", is_staff=True, is_superuser=True, password="a-long-test-password")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(live_server.url + "/admin/programmes/programme/?q=T81-805")
    page.get_by_role("link", name="International Migration Policy Seminar for the Caribbean Region").click()
    page.locator("#results-group").get_by_role("link", name="Add an indicator").first.click()
    page.locator("#id_title_en").press_sequentially("Officials trained")
    page.select_option("#id_measure", "1")
    page.fill("#id_unit_label_en", "officials")
    page.fill("#id_baseline_year", "2000")
    page.fill("#id_baseline_value", "0")
    for row, (start, end, target, actual) in enumerate(PERIODS):
        page.locator("#periods-group").get_by_role("button", name=re.compile("Add another")).click()
        page.fill(f"#id_periods-{row}-start", start)
        page.fill(f"#id_periods-{row}-end", end)
        page.fill(f"#id_periods-{row}-target_value", target)
        page.fill(f"#id_periods-{row}-actual_value", actual)
    with page.expect_navigation():
        page.click("input[name=_save]")
    assert page.locator(".errorlist, .errornote").count() == 0, page.locator(".errorlist, .errornote").all_inner_texts()
    indicator = Indicator.objects.get(title="Officials trained")
    assert [(str(p.start), p.target_value) for p in indicator.periods.all()] == [("2001-01-01", 40), ("2002-01-01", 60)]

    page.goto(live_server.url + "/programmes/international-migration-policy-seminar-caribbean/")
    table = page.get_by_role("table", name="Officials trained (officials)")
    rows = [" ".join(row.split()) for row in table.locator("tbody tr").all_inner_texts()]
    assert rows == ["Baseline (2000) – 0", "2001 40 36", "2002 60 Not known"]
    assert page.locator("svg[role=img] title", has_text="Officials trained").count() == 1
