"""WCAG 2.1 AA: axe-core finds no serious or critical problem on any kind of page, and the
structure a keyboard or screen-reader user relies on is there (skip link, landmarks, one h1 and
headings in order, tables with captions and header scopes, form errors tied to their fields)."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from funding.models import Grant, Transaction
from partners.models import Organisation
from tests.factories import DonorAccountFactory, TransactionFactory
from tests.helpers.browser_pages import audit

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seeded")]

SEMINAR = "international-migration-policy-seminar-caribbean"


def visit(page, url: str, label: str, *, status: int = 200) -> list[str]:
    response = page.goto(url)
    assert response is not None and response.status == status, f"{label}: {url} answered {response.status}"
    return audit(page, label)


@pytest.fixture
def charts(seeded) -> None:
    """Transactions on a seeded grant, so its funder's page draws its charts."""
    grant = Grant.objects.get(funder__slug="us-state-department", programme__slug="hiv-aids-and-mobile-populations")
    TransactionFactory(grant=grant, type=Transaction.Type.COMMITMENT, date=datetime.date(2003, 1, 15), amount=250000)
    TransactionFactory(grant=grant, type=Transaction.Type.DISBURSEMENT, date=datetime.date(2003, 6, 1), amount=100000)
    TransactionFactory(grant=grant, type=Transaction.Type.DISBURSEMENT, date=datetime.date(2004, 2, 1), amount=90000)


def public_pages() -> Iterator[tuple[str, str, int]]:
    yield "/", "overview", 200
    yield "/programmes/", "programme list", 200
    yield "/programmes/?country=jamaica&sort=title", "programme list, filtered", 200
    yield "/programmes/?q=no-such-words-anywhere", "programme list, no result", 200
    yield "/programmes/?page=2", "programme list, page 2", 200
    yield "/programmes/?year_from=abc", "programme list, bad filter", 400
    yield f"/programmes/{SEMINAR}/", "seminar programme", 200
    yield "/countries/", "country list", 200
    yield "/countries/jamaica/", "country page", 200
    yield "/areas/", "thematic area list", 200
    yield "/areas/migration-management/", "thematic area page", 200
    yield "/partners/", "partner list", 200
    yield "/partners/iom/", "organisation page", 200
    yield "/funders/", "funder list", 200
    yield "/funders/us-state-department/", "funder page", 200


def check_year_error(page) -> None:
    """A filter the list cannot use is marked invalid and described by its error."""
    year = page.get_by_label("From year")
    assert year.get_attribute("aria-invalid") == "true"
    assert page.locator("#" + year.get_attribute("aria-describedby")).inner_text() == "Enter a whole number."


# What each page must show, so the audit covered it (a chip, the pager, the chart, the map, an error).
SHOWS = {
    "programme list, filtered": lambda page: page.locator(".chip").first.is_visible(),
    "programme list, page 2": lambda page: "Page 2 of" in page.locator(".pagination").inner_text(),
    "programme list, bad filter": lambda page: check_year_error(page) is None,
    "country page": lambda page: page.locator("svg.map__svg").count() == 1,
    "funder page": lambda page: page.locator("svg.chart").count() >= 1,
}


@pytest.mark.usefixtures("charts")
def test_public_pages_have_no_serious_accessibility_problem(live_server, page, settings):
    settings.PROGRAMMES_PER_PAGE = 5  # so the list has a second page
    problems: list[str] = []
    for path, label, status in public_pages():
        problems += visit(page, live_server.url + path, label, status=status)
        if label in SHOWS:
            assert SHOWS[label](page), f"{label} does not show what it is audited for"
    problems += visit(page, live_server.url + "/no-such-page/", "404 page", status=404)
    assert not problems, "\n".join(problems)


def test_sign_in_and_password_reset_pages_have_no_serious_accessibility_problem(live_server, page):
    problems = visit(page, live_server.url + "/accounts/login/", "sign-in page")

    # A wrong password: the error is announced and the form still passes.
    donor = DonorAccountFactory(
        user__username="state-donor",
        user__email="donor@example.org",
        funders=[Organisation.objects.get(slug="us-state-department")],
    )
    page.get_by_label("Username").fill("state-donor")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").is_visible()
    problems += audit(page, "sign-in page with an error")

    # An empty submission: each field says what is wrong, tied to the field.
    page.get_by_label("Username").fill("")
    page.get_by_label("Password").fill("")
    page.get_by_label("Password").evaluate("input => input.form.noValidate = true")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    username = page.get_by_label("Username")
    assert username.get_attribute("aria-invalid") == "true"
    described = (username.get_attribute("aria-describedby") or "").split()
    assert any("This field is required." in page.locator(f"#{ref}").inner_text() for ref in described)
    problems += audit(page, "sign-in page with field errors")

    problems += visit(page, live_server.url + "/accounts/password_reset/", "password reset")
    page.get_by_label("Email").fill("nobody@example.org")
    page.get_by_role("button", name="Send the link").click()
    page.wait_for_url(re.compile(r"/password_reset/done/$"))
    problems += audit(page, "password reset sent")
    problems += visit(page, live_server.url + "/accounts/reset/MQ/set-password/", "password reset, bad link")

    # A real link, and two passwords that differ.
    uid = urlsafe_base64_encode(force_bytes(donor.user.pk))
    token = default_token_generator.make_token(donor.user)
    page.goto(live_server.url + f"/accounts/reset/{uid}/{token}/")
    page.wait_for_url(re.compile(r"/set-password/$"))
    problems += audit(page, "choose a new password")
    page.get_by_label(re.compile(r"^New password:?$")).fill("a-new-long-password-1")
    page.get_by_label(re.compile(r"^New password confirmation:?$")).fill("a-new-long-password-2")
    page.get_by_role("button", name="Change my password").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").is_visible()
    problems += audit(page, "choose a new password, with errors")
    problems += visit(page, live_server.url + "/accounts/reset/done/", "password reset complete")
    assert not problems, "\n".join(problems)


@pytest.mark.usefixtures("charts")
def test_the_donor_dashboard_has_no_serious_accessibility_problem(live_server, page):
    state = Organisation.objects.get(slug="us-state-department")
    DonorAccountFactory(user__username="state-donor", user__first_name="State Department", funders=[state])
    page.goto(live_server.url + "/accounts/login/?next=/donor/")
    page.get_by_label("Username").fill("state-donor")
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/donor/$"))
    problems = audit(page, "donor dashboard")
    problems += visit(page, live_server.url + "/donor/years/", "donor figures by year")
    assert page.locator("section[aria-labelledby=years] svg").count() == 1  # the chart is audited too

    grant = Grant.objects.get(funder=state, programme__slug="hiv-aids-and-mobile-populations")
    problems += visit(page, live_server.url + f"/donor/grants/{grant.pk}/", "donor grant")

    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()
    problems += audit(page, "after signing out")
    assert not problems, "\n".join(problems)


def language_prefix(language: str) -> str | None:
    """The URL prefix of a language, if the portal has one."""
    from django.utils import translation

    try:
        with translation.override(language):
            url = reverse("programmes:overview")
    except NoReverseMatch:
        return None
    return url.rstrip("/") if url.startswith(f"/{language}/") else None


def test_translated_pages_have_no_serious_accessibility_problem(live_server, page):
    prefixes = {language: language_prefix(language) for language in ("es", "fr")}
    if not any(prefixes.values()):
        pytest.skip("the portal has no /es/ or /fr/ pages")
    # One page each: the English audits cover every kind of page, and a translation changes only
    # the words (the filter form's labels in Spanish, the sign-in form's in French).
    pages = {"es": ("/programmes/?country=jamaica", "programme list"), "fr": ("/accounts/login/", "sign-in")}
    problems: list[str] = []
    for language, prefix in prefixes.items():
        assert prefix is not None, f"no /{language}/ pages"
        path, label = pages[language]
        problems += visit(page, live_server.url + prefix + path, f"{label} ({language})")
        assert page.locator("html").get_attribute("lang") == language
    assert not problems, "\n".join(problems)


FOCUSED_SCRIPT = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return {
    name: el.tagName + ' ' + (el.textContent || el.name || '').trim().slice(0, 40),
    ringed: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
}"""


def test_keyboard_users_skip_to_the_content_and_always_see_the_focus(live_server, page):
    page.goto(live_server.url + "/programmes/?country=jamaica")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to main content"
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0 and skip.is_visible()  # on screen once focused

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab goes into the content, not back to the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")

    # From the top, through the header, the filter form, the filter chips and the cards: each
    # control the keyboard reaches draws a focus ring.
    page.goto(live_server.url + "/programmes/?country=jamaica")
    reached, unringed = [], []
    for _ in range(60):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_SCRIPT)
        if focused is None:
            break
        reached.append(focused["name"])
        if not focused["ringed"]:
            unringed.append(focused["name"])
    assert any(name.startswith("SELECT") for name in reached)
    assert "BUTTON Apply" in reached
    assert any("Country: Jamaica" in name for name in reached)  # the chip that removes the filter
    assert len(reached) > 20
    assert unringed == []
