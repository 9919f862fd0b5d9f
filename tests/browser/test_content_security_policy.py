"""The Content-Security-Policy (no inline script or style) breaks no page: Chromium reports no
violation on the public pages, the API's pages, or the admin pages staff use most."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from programmes.models import Programme
from tests.factories import ProgrammeFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]

PASSWORD = "a-long-test-password"


@pytest.fixture
def violations(page) -> list[str]:
    """Chromium's console reports of what the policy blocked, with the page that caused each."""
    found: list[str] = []
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and found.append(f"{page.url}: {message.text}"),
    )
    return found


def test_public_pages_and_the_api_documentation_work_under_the_policy(live_server, page, violations):
    seminar = Programme.objects.get(code="T81-805")
    for path in ("/", f"/programmes/{seminar.slug}/", "/api/programmes/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Programme List"  # the browsable API, styled

    page.goto(live_server.url + "/api/docs/")
    # Swagger UI draws the operations only if its scripts ran.
    page.locator(".opblock-summary", has_text="/api/programmes/").first.click()
    expect(page.get_by_role("button", name="Try it out")).to_be_visible()

    assert violations == []


def test_the_admin_works_under_the_policy(live_server, page, violations):
    UserFactory(username="staff", is_staff=True, is_superuser=True, password=PASSWORD)
    ProgrammeFactory(is_published=False, start_date=None, title="Undated return flights")
    seminar = Programme.objects.get(code="T81-805")
    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", "staff")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    # The change form: inlines, and a funder chosen in the select2 autocomplete.
    page.goto(live_server.url + f"/admin/programmes/programme/{seminar.pk}/change/")
    page.locator("#grants-group").get_by_role("button", name=re.compile("Add another")).click()
    page.locator("#grants-group .field-funder .select2-selection").last.click()
    page.locator(".select2-search__field").fill("Canada")
    page.locator(".select2-results__option", has_text="Government of Canada").click()
    # The component's width comes from static/css/admin.css now, not a style attribute.
    component = page.locator("#grants-group .field-component select").last
    assert component.evaluate("element => getComputedStyle(element).maxWidth") != "none"

    # The changelist, and the confirmation before publishing a programme with IATI problems.
    page.goto(live_server.url + "/admin/programmes/programme/?q=Undated")
    page.check("input[name=_selected_action]")
    page.select_option("select[name=action]", "publish")
    page.click("button[name=index]")
    expect(page.get_by_role("heading", name="Publish programmes with IATI problems?")).to_be_visible()

    assert violations == []
