"""Whole exports and the IATI file are built once per content change, then answered from a file."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse

from iati import views as iati_views
from iomcaribbean import kept_files
from programmes import downloads
from tests.factories import ProgrammeFactory
from tests.helpers.kept import forget_kept_pages

pytestmark = pytest.mark.django_db

IATI_FILE = reverse("programmes:iati_activities")
CSV = reverse("programmes:list_csv")
XLSX = reverse("programmes:list_xlsx")


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def empty_folder() -> Path:
    """The folder of kept files, which each test starts with empty (tests/conftest.py)."""
    return Path(settings.KEPT_FILES_DIR)


@pytest.fixture
def builds(monkeypatch) -> list[int]:
    """Counts the IATI files assembled (each a walk over every published programme)."""
    counted: list[int] = []
    original = iati_views.iter_kept_activities_xml

    def counting(*args, **kwargs):
        counted.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(iati_views, "iter_kept_activities_xml", counting)
    return counted


def test_the_iati_file_is_built_once_per_content_change(client, builds, django_assert_num_queries):
    first = client.get(IATI_FILE)
    assert first.status_code == 200
    content = body(first)
    assert content.count(b"<iati-activity ") >= 5
    for n in range(3):
        with django_assert_num_queries(1):  # the content version only
            again = client.get(IATI_FILE, {"n": n})
        assert body(again) == content
        assert again["Content-Type"] == "application/xml; charset=utf-8"
        assert again["Content-Disposition"] == 'inline; filename="iom-caribbean-iati-activities.xml"'
        assert again["ETag"] == first["ETag"]
    assert len(builds) == 1

    ProgrammeFactory(title="Freshly published for IATI", code="T99-001")
    changed = client.get(IATI_FILE)
    assert b"Freshly published for IATI" in body(changed)
    assert changed["ETag"] != first["ETag"]
    assert len(builds) == 2


def test_a_kept_file_answers_304_to_its_etag(client):
    first = client.get(IATI_FILE)
    body(first)
    again = client.get(IATI_FILE, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_a_whole_export_is_kept_as_a_file(client, django_assert_num_queries):
    first = client.get(CSV)
    assert first.status_code == 200
    content = body(first)
    assert content.decode("utf-8-sig").startswith("Title,IOM project code,Status")
    with django_assert_num_queries(1):
        again = client.get(CSV, {"utm_source": "newsletter"})
    assert body(again) == content
    assert again["Content-Disposition"] == 'attachment; filename="programmes.csv"'
    assert int(again["Content-Length"]) == len(content)
    xlsx = client.get(reverse("programmes:list_xlsx"), {"lang": "es"})
    assert xlsx["Content-Language"] == "es"
    assert body(xlsx)[:2] == b"PK"  # a zip: the workbook
    assert len(list(Path(settings.KEPT_FILES_DIR).glob("*.kept"))) == 2


@pytest.mark.parametrize(("address", "builder"), [(CSV, "csv_response"), (XLSX, "xlsx_response")])
def test_a_whole_export_is_built_once_per_content_change_and_fresh_after_one(client, monkeypatch, address, builder):
    built: list[int] = []
    original = getattr(downloads, builder)
    monkeypatch.setattr(downloads, builder, lambda *args: built.append(1) or original(*args))
    first = client.get(address)
    content = body(first)
    assert body(client.get(address)) == content
    # Another worker of the server, with a cache of its own (locmem), finds the file too:
    # however small, a download is not kept in one worker's cache alone.
    forget_kept_pages()
    assert body(client.get(address)) == content
    assert len(built) == 1
    assert client.get(address, headers={"If-None-Match": first["ETag"]}).status_code == 304

    ProgrammeFactory(title="Published after the first download", code="T99-002")
    changed = client.get(address)
    fresh = body(changed)
    assert fresh != content
    assert changed["ETag"] != first["ETag"]
    assert len(built) == 2
    if address == CSV:
        assert "Published after the first download" in fresh.decode("utf-8-sig")


def test_files_of_an_older_version_are_removed_when_a_newer_one_is_written(client, empty_folder):
    folder = empty_folder
    body(client.get(IATI_FILE))
    [old] = folder.glob("*.kept")
    ProgrammeFactory()
    body(client.get(IATI_FILE))
    [new] = folder.glob("*.kept")
    assert new != old
    assert not old.exists()


@pytest.mark.parametrize("exempt", [True, False])
def test_a_kept_file_keeps_whether_other_sites_may_frame_it(empty_folder, exempt):
    """Django's frame-options middleware reads a mark on the answer, not a header: a kept copy has it too."""
    response = HttpResponse(b"<p>card</p>", content_type="text/html")
    if exempt:
        response.xframe_options_exempt = True
    kept = kept_files.keep("public-page-2:7:123:2030-01-01:feedface", response, whole_up_to=1024)
    assert kept.content == b"<p>card</p>" and kept["Content-Type"] == "text/html"
    assert kept_files.frame_exempt(kept) is exempt


def test_at_most_kept_files_max_files_are_kept(client, settings, empty_folder):
    settings.KEPT_FILES_MAX = 2
    for columns in ("title,code", "title,status", "code,status"):
        assert client.get(CSV, {"columns": columns}).status_code == 200
        time.sleep(0.01)  # distinct modification times
    assert len(list(empty_folder.glob("*.kept"))) == 2


def test_requests_that_come_while_one_builds_wait_for_it():
    key = "public-page-2:7:123:2030-01-01:0123456789abcdef"
    order: list[str] = []
    with kept_files.building(key):
        waiter = threading.Thread(target=lambda: kept_files.building(key).__enter__() or order.append("waiter"))
        waiter.start()
        time.sleep(0.2)
        order.append("builder done")
    waiter.join(timeout=5)
    assert order == ["builder done", "waiter"]
