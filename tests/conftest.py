"""Shared fixtures: users in each staff role, a client signed in as each, a record of every admin model."""

from __future__ import annotations

import copy
import fcntl
import gc
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

import pytest
from _pytest.runner import runtestprotocol
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test import client as test_client
from django.test.utils import ContextList
from django.utils import translation

from partners.models import Organisation
from tests.factories import (
    BudgetFactory,
    DonorAccountFactory,
    OrganisationBudgetFactory,
    TransactionFactory,
    UpdatePhotoFactory,
    UserFactory,
)
from tests.helpers.roles import EDITORS, FINANCE, client_for


def _keep_the_views_context(store, signal, sender, template, context, **kwargs) -> None:
    """The test client's record of a response's templates, with the context of the first (the one the
    view rendered) only. Django copies the context of every template rendered, includes and widgets
    too: about 2,000 copies for an admin change page, a sixth of the time it takes in a test. Tests read
    the view's context (``response.context["adminform"]``), never an include's loop variables."""
    store.setdefault("templates", []).append(template)
    if "context" not in store:
        store["context"] = ContextList([copy.copy(context)])


def pytest_configure(config: pytest.Config) -> None:
    """Fewer garbage collections: each test makes many short-lived objects, and the collector
    would otherwise walk the same long-lived ones again and again. About 5 % of the suite's CPU
    time; the memory tests call the collector themselves. And the test client copies only the
    context the view rendered (above)."""
    gc.set_threshold(50_000, 20, 100)
    test_client.store_rendered_templates = _keep_the_views_context


# Room on the frame stack ------------------------------------------------------------------------
# Python 3.11 keeps its frames in 16 KB chunks, and maps a new chunk whenever a call crosses the end
# of the last one, unmapping it when the call returns. pytest's own frames put that end in the middle
# of a request's middleware and templates, so a test mapped and unmapped a chunk thousands of times
# (650,000 times in the write matrix), with a page fault each time: a sixth of the suite's CPU time,
# all of it the kernel's. Each test runs under a frame of 128 KB, which makes Python map one chunk of
# 256 KB, with room for the test's deepest calls, and keep it while the test runs.


def _with_a_roomy_frame() -> Callable:
    names = "=".join(f"_{i}" for i in range(16_000))  # 16,000 locals of 8 bytes each
    source = f"def call(function, *args, **kwargs):\n    {names} = None\n    return function(*args, **kwargs)\n"
    namespace: dict = {}
    exec(compile(source, "<roomy frame>", "exec"), namespace)
    return namespace["call"]


_call_with_room = _with_a_roomy_frame()


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> bool:
    """pytest's own protocol (setup, call, teardown, and their reports), under the roomy frame."""
    item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    _call_with_room(runtestprotocol, item, nextitem=nextitem)
    item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    return True


def pytest_collection_finish(session: pytest.Session) -> None:
    """Django, the apps and the test modules are loaded for good: never walked by the collector."""
    gc.collect()
    gc.freeze()


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """The PostgreSQL step (``-m both_engines``) skips importing the test modules that mark nothing
    for it, which would only be collected to be deselected."""
    if config.getoption("markexpr") != "both_engines" or collection_path.suffix != ".py":
        return None
    if not collection_path.name.startswith("test_"):
        return None
    return "both_engines" not in collection_path.read_text(encoding="utf-8") or None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``run_first`` go to the front (pytest-django puts a test without the test
    database last), so the other worker's tests run beside their long start rather than after it.
    Tests marked ``volume`` run only when ``-m`` names them (``make test-volume``): they generate
    2,000 programmes, which the suite's 4-minute budget cannot afford."""
    if "volume" not in config.getoption("markexpr"):
        volume = [item for item in items if item.get_closest_marker("volume")]
        if volume:
            config.hook.pytest_deselected(items=volume)
            items[:] = [item for item in items if not item.get_closest_marker("volume")]
    items.sort(key=lambda item: item.get_closest_marker("run_first") is None)


# One migration for the run's SQLite workers --------------------------------------------------
# Each pytest-xdist worker needs a test database of its own, and migrating an empty one costs about
# 11 CPU-seconds. The first worker to take the run's lock migrates and leaves a copy; the others
# then copy it and let pytest-django keep it (its migrate finds nothing left to apply), with the files
# its migrations stored (the source documents) in the worker's own MEDIA_ROOT. A run is one pytest
# session's workers, or every process `make test` starts with the same TEST_RUN (the browser step's too).


def _shared_sqlite_database() -> Path | None:
    """Where this run's processes share their migrated SQLite database (None unless several on SQLite)."""
    run = os.environ.get("TEST_RUN") or os.environ.get("PYTEST_XDIST_TESTRUNUID")
    if run is None or settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        return None
    return Path(tempfile.gettempdir()) / f"iomcaribbean-migrated-{run}.sqlite3"


def _media_of(shared: Path) -> Path:
    return Path(f"{shared}.media")


@pytest.fixture(scope="session")
def _migration_lock(django_db_modify_db_settings) -> Iterator[IO | None]:
    """The run's lock on the shared database, held until this worker has copied it or left it."""
    shared = _shared_sqlite_database()
    if shared is None:
        yield None
        return
    with open(f"{shared}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield lock


@pytest.fixture(scope="session")
def django_db_keepdb(django_db_keepdb: bool, _migration_lock: IO | None) -> bool:
    """Kept: a copy of the database another worker migrated (removed at the end by django_db_setup)."""
    shared = _shared_sqlite_database()
    if _migration_lock is None or not shared.exists():
        return django_db_keepdb
    shutil.copyfile(shared, connection.settings_dict["TEST"]["NAME"])
    shutil.copytree(_media_of(shared), settings.MEDIA_ROOT, dirs_exist_ok=True)
    return True


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_keepdb: bool, _migration_lock: IO | None) -> Iterator[None]:
    """pytest-django's, then the first worker leaves its freshly migrated database for the others."""
    shared = _shared_sqlite_database()
    copied = _migration_lock is not None and shared.exists()
    if _migration_lock is not None:
        if not copied:
            shutil.copyfile(connection.settings_dict["NAME"], shared)
            shutil.copytree(settings.MEDIA_ROOT, _media_of(shared), dirs_exist_ok=True)
        fcntl.flock(_migration_lock, fcntl.LOCK_UN)
    yield
    if copied and not request.config.getvalue("reuse_db"):
        Path(connection.settings_dict["NAME"]).unlink(missing_ok=True)
    elif _migration_lock is not None:
        shared.unlink(missing_ok=True)
        shutil.rmtree(_media_of(shared), ignore_errors=True)
        Path(f"{shared}.lock").unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache and no kept file: its database starts again from the same
    content version, so pages another test kept would otherwise pass for this one's (iomcaribbean.caching)."""
    for kept in caches.all():
        kept.clear()
    for path in Path(settings.KEPT_FILES_DIR).glob("*"):
        path.unlink()


@pytest.fixture(autouse=True)
def _english_to_start_with():
    """Each test starts in English. A request for a /es/ page leaves Spanish active in the thread,
    and a model's texts would then be read, and a factory's written, as Spanish (modeltranslation)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", is_staff=True, groups=[EDITORS])


@pytest.fixture
def finance_officer(db):
    return UserFactory(username="finance", is_staff=True, groups=[FINANCE])


@pytest.fixture
def admin_client(superuser) -> Client:
    return client_for(superuser)


@pytest.fixture
def editor_client(editor) -> Client:
    return client_for(editor)


@pytest.fixture
def finance_client(finance_officer) -> Client:
    return client_for(finance_officer)


@pytest.fixture
def every_model_has_a_record() -> None:
    """The seed content has no transactions, budgets, donor accounts or updates."""
    TransactionFactory()
    BudgetFactory()
    OrganisationBudgetFactory()
    UpdatePhotoFactory()
    DonorAccountFactory(funders=[Organisation.objects.get(slug="us-state-department")])
