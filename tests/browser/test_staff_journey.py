"""A visitor reads the overview and the seminar page; staff add a funded programme and publish it.
The admin's scripts at work (the slug typed from the title, select2, the inlines, the publish
action's confirmation) also show that the Content-Security-Policy blocks none of them."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from programmes.models import Programme
from tests.factories import ProgrammeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]


def test_visitor_follows_the_overview_to_the_seminar_page(live_server, page):
    page.goto(live_server.url + "/")
    assert page.locator("h1").first.inner_text() == "IOM in the Caribbean"
    page.get_by_role("link", name=re.compile("Regional Seminars on Migration Policy and Practice")).first.wait_for()

    page.goto(live_server.url + "/programmes/?q=T81-805")
    page.get_by_role("link", name="International Migration Policy Seminar for the Caribbean Region").first.click()
    page.wait_for_url(re.compile(r"/programmes/international-migration-policy-seminar-caribbean/$"))
    sheet = page.locator("main").inner_text()
    for fact in ("T81-805", "37,450.00", "USD", "Completed", "Migration Policy Activities", "2001"):
        assert fact in sheet


def test_staff_create_a_programme_with_a_grant_publish_it_and_find_it_on_the_public_list(live_server, page):
    UserFactory(username="staff", is_staff=True, is_superuser=True, password="a-long-test-password")
    ProgrammeFactory(is_published=False, start_date=None, title="Undated return flights")

    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(live_server.url + "/admin/programmes/programme/add/")
    # Typed key by key: the admin fills in the slug as staff type (from the English title).
    page.locator("#id_title_en").press_sequentially("Border data exchange pilot")
    assert page.input_value("#id_slug") == "border-data-exchange-pilot"
    page.fill("#id_code", "T81-999")
    page.select_option("#id_status", "ongoing")
    page.fill("#id_start_date", "2003-02-01")
    page.fill("#id_budget_amount", "12500.50")
    page.fill("#id_budget_currency", "USD")
    page.fill("#id_dac_sector", "15190")
    page.fill("#id_summary_en", "A pilot made in the browser test.")

    # The grant inline: the funder is an autocomplete (select2) field.
    grants = page.locator("#grants-group")
    grants.get_by_role("button", name=re.compile("Add another")).click()
    page.locator("#grants-0 .field-funder .select2-selection").click()
    page.locator(".select2-search__field").fill("Canada")
    page.locator(".select2-results__option", has_text="Government of Canada").click()
    expect(page.locator("#id_grants-0-funder")).to_have_value(re.compile(r"^\d+$"))
    # The component's width comes from static/css/admin.css, not a style attribute.
    assert page.locator("#id_grants-0-component").evaluate("element => getComputedStyle(element).maxWidth") != "none"
    page.fill("#id_grants-0-amount", "4000")
    page.fill("#id_grants-0-currency", "CAD")
    page.fill("#id_grants-0-purpose_en", "the pilot's equipment")

    with page.expect_navigation():
        page.click("input[name=_save]")
    assert page.locator(".errorlist, .errornote").count() == 0, page.locator(".errorlist, .errornote").all_inner_texts()
    page.wait_for_selector(".messagelist .success")
    programme = Programme.objects.get(code="T81-999")
    assert not programme.is_published
    assert programme.grants.get().funder.name == "Government of Canada"

    page.goto(live_server.url + "/programmes/?q=T81-999")
    assert "Border data exchange pilot" not in page.locator("main").inner_text()

    # Publish with the changelist action.
    page.goto(live_server.url + "/admin/programmes/programme/?q=T81-999")
    page.check("input[name=_selected_action]")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    page.wait_for_selector(".messagelist .success")

    # A programme with IATI problems is published only once staff confirm it.
    page.goto(live_server.url + "/admin/programmes/programme/?q=Undated")
    page.check("input[name=_selected_action]")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    expect(page.get_by_role("heading", name="Publish programmes with IATI problems?")).to_be_visible()

    page.goto(live_server.url + "/programmes/?q=T81-999")
    page.get_by_role("link", name="Border data exchange pilot").click()
    main = page.locator("main").inner_text()
    assert "12,500.50" in main
    assert "Government of Canada" in main
    assert "4,000.00" in main
