"""The Content-Security-Policy (no inline script or style) breaks nothing: every page any browser
test opens is checked for what the policy blocked (tests/browser/conftest.py); here, the pages of
the API, which no other browser test opens, and their scripts at work."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]


def test_the_api_pages_and_their_documentation_work_under_the_policy(live_server, page):
    page.goto(live_server.url + "/api/programmes/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Programme List"  # the browsable API, styled

    page.goto(live_server.url + "/api/docs/")
    # Swagger UI draws the operations only if its scripts ran.
    page.locator(".opblock-summary", has_text="/api/programmes/").first.click()
    expect(page.get_by_role("button", name="Try it out")).to_be_visible()
