"""Playwright driving Debian's Chromium (never a downloaded browser)."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, transaction

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


@pytest.fixture(scope="session")
def browser() -> Iterator:
    if not shutil.which(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: `make test` installs Debian's chromium package.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


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


# This process's copy of the database as the first seeding left it (SQLite only).
_seeded_copy: list[sqlite3.Connection] = []


@pytest.fixture
def seeded(transactional_db) -> None:
    """The seed content, whatever an earlier transactional test flushed (the seeds are idempotent).

    Seeded once per process, in one transaction and one content change (one commit, one move of
    the content version); on SQLite later tests get that database back whole through SQLite's
    backup API, which takes a few milliseconds where seeding again takes most of a second.
    """
    sqlite = connection.vendor == "sqlite"
    if sqlite and _seeded_copy:
        connection.ensure_connection()
        _seeded_copy[0].backup(connection.connection)
        return
    with transaction.atomic(), one_content_change():
        load_seed_content(apps)
    if sqlite:
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _seeded_copy.append(copy)
