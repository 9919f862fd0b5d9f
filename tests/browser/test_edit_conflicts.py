"""Two editors save the same programme from two browsers: the second sees the conflict, and nothing is lost."""

from __future__ import annotations

import re
from importlib import import_module

import pytest
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import Browser, Page, expect

from programmes.models import Programme
from tests.factories import ProgrammeFactory, UserFactory
from tests.helpers.roles import EDITORS

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password"


@pytest.fixture
def editors_group(transactional_db) -> None:
    """The editors' group as its migration makes it: a transactional test's flush empties the groups."""
    grants = import_module("funding.migrations.0003_permission_groups").GROUPS[EDITORS]
    group, _ = Group.objects.get_or_create(name=EDITORS)
    for app, model, actions in grants:
        codenames = [f"{action}_{model}" for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app, codename__in=codenames))


def signed_in(browser: Browser, live_server, username: str) -> Page:
    UserFactory(username=username, is_staff=True, groups=[EDITORS], password=PASSWORD)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(30_000)
    page.goto(live_server.url + "/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


@pytest.mark.usefixtures("editors_group")
def test_two_editors_save_the_same_programme_the_second_sees_the_conflict_and_nothing_is_lost(live_server, browser):
    programme = ProgrammeFactory(title="Border data pilot", summary="A pilot.")
    url = f"{live_server.url}/admin/programmes/programme/{programme.pk}/change/"
    ana, ben = signed_in(browser, live_server, "ana"), signed_in(browser, live_server, "ben")
    try:
        ana.goto(url)
        ben.goto(url)  # both open the programme as it is

        ana.fill("#id_title_en", "Border data exchange pilot")
        with ana.expect_navigation():
            ana.click("input[name=_save]")
        expect(ana.locator(".messagelist .success")).to_contain_text("was changed successfully")

        ben.fill("#id_summary_en", "A pilot of data exchange at the borders.")
        with ben.expect_navigation():
            ben.click("input[name=_save]")

        # Refused, with what Ana changed; Ben's summary kept, Ana's title taken into the form.
        expect(ben.locator(".errorlist.nonfield")).to_contain_text("Not saved: this programme was changed by ana")
        conflict = ben.locator(".edit-conflict")
        expect(conflict).to_contain_text("Title [en]")
        expect(conflict.locator("tbody tr").first).to_contain_text("Border data pilot")
        expect(conflict.locator("tbody tr").first).to_contain_text("Border data exchange pilot")
        expect(ben.locator("#id_title_en")).to_have_value("Border data exchange pilot")
        expect(ben.locator("#id_summary_en")).to_have_value("A pilot of data exchange at the borders.")
        programme.refresh_from_db()
        assert (programme.title, programme.summary) == ("Border data exchange pilot", "A pilot.")

        with ben.expect_navigation():
            ben.click("input[name=_save]")  # again, now knowing Ana's change
        expect(ben.locator(".messagelist .success")).to_contain_text("was changed successfully")
    finally:
        ana.context.close()
        ben.context.close()

    programme = Programme.objects.get(pk=programme.pk)
    assert (programme.title, programme.summary) == (
        "Border data exchange pilot",
        "A pilot of data exchange at the borders.",
    )
    assert [record.history_user.username for record in programme.history.exclude(history_user=None)] == ["ben", "ana"]
