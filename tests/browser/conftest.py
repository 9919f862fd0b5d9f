"""Playwright driving Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, transaction

from funding.demo import generate_demo_data
from iomcaribbean.content_version import one_content_change
from tests.seed_steps import load_seed_content

# Playwright's sync API runs an event loop in this thread; the live server's database
# access happens in its own thread, so Django's async guard does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # /dev/shm is small in containers; a tab that runs out of it crashes.
    "--disable-dev-shm-usage",
]


class PolicyWatchingBrowser:
    """Chromium, each of whose contexts notes what the Content-Security-Policy blocked (Chromium
    says so on the console), with the page it blocked it on: every page any browser test opens is
    checked against the policy (``_no_policy_violation``)."""

    def __init__(self, browser) -> None:
        self._browser = browser
        self.violations: list[str] = []

    def new_context(self, **options):
        context = self._browser.new_context(**options)
        context.on("console", self._note)
        return context

    def _note(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.violations.append(f"{message.page.url if message.page else '?'}: {message.text}")

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


@pytest.fixture(scope="session")
def browser() -> Iterator[PolicyWatchingBrowser]:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: `make test` installs Debian's chromium package.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield PolicyWatchingBrowser(browser)
        browser.close()


@pytest.fixture(autouse=True)
def _no_policy_violation(request) -> Iterator[None]:
    """No page a browser test opened had anything blocked by the Content-Security-Policy."""
    if "browser" not in request.fixturenames and "page" not in request.fixturenames:
        yield
        return
    browser = request.getfixturevalue("browser")
    browser.violations.clear()
    yield
    assert browser.violations == [], "\n".join(browser.violations)


ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.call_failed = report.failed


@pytest.fixture
def page(browser, request) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    # A failed browser test leaves a screenshot of what it saw (test-artifacts/ is git-ignored).
    if getattr(request.node, "call_failed", False):
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def built_once(copies: list[sqlite3.Connection], build: Callable[[], None]) -> None:
    """``build()`` the first time in this process, keeping a copy of the database it leaves (SQLite
    only); later tests get that database back whole through SQLite's backup API, in milliseconds."""
    sqlite = connection.vendor == "sqlite"
    if sqlite and copies:
        connection.ensure_connection()
        copies[0].backup(connection.connection)
        return
    build()
    if sqlite:
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        copies.append(copy)


# This process's copy of the database as the first seeding left it; and with the volume checks' demo
# programmes (make test-volume).
_seeded_copy: list[sqlite3.Connection] = []
_volume_copy: list[sqlite3.Connection] = []
VOLUME_PROGRAMMES = 2000


@pytest.fixture
def seeded(transactional_db) -> None:
    """The seed content, whatever an earlier transactional test flushed (the seeds are idempotent).

    Seeded once per process, in one transaction and one content change (one commit, one move of
    the content version), where seeding again takes most of a second.
    """

    def seed() -> None:
        with transaction.atomic(), one_content_change():
            load_seed_content(apps)

    built_once(_seeded_copy, seed)


@pytest.fixture
def volume(seeded) -> None:
    """The seed and 2,000 demo programmes (``manage.py generate_demo_data``'s code, in one transaction)."""

    def generate() -> None:
        with transaction.atomic():
            generate_demo_data(programmes=VOLUME_PROGRAMMES, force=True)

    built_once(_volume_copy, generate)
