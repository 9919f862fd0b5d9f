"""manage.py write_iati_activities writes the stale activities ahead, so that the whole file's next
request writes none, and leaves the current ones alone."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from iati import writer
from iati.models import KeptActivity
from programmes.models import Programme
from tests.factories import ProgrammeFactory
from tests.helpers.kept import forget_kept_pages
from tests.helpers.kept_activities import record_writes

pytestmark = pytest.mark.django_db

BASE = "https://testserver"


@pytest.fixture
def rewritten(monkeypatch) -> list[int]:
    """The programmes whose activities are written, in order."""
    found: list[int] = []
    record_writes(monkeypatch, found.extend)
    return found


def undated(xml: bytes) -> bytes:
    """The file without the moment it was made, which two writes a second apart may not share."""
    return re.sub(rb'generated-datetime="[^"]*"', b"", xml)


def write_ahead(*args: str) -> str:
    out = StringIO()
    call_command("write_iati_activities", *args, stdout=out)
    return out.getvalue()


def test_the_file_after_writing_ahead_writes_nothing_and_is_the_file_written_afresh(rewritten) -> None:
    [ProgrammeFactory(code=f"WA-{n}") for n in range(3)]
    draft = ProgrammeFactory(code="WA-DRAFT", is_published=False)
    published = list(Programme.objects.published())
    n = len(published)

    assert f"{n} written, 0 current" in write_ahead("--base-url", BASE + "/")
    assert sorted(rewritten) == sorted(p.pk for p in published) and draft.pk not in rewritten
    assert set(KeptActivity.objects.exclude(built_generation=None).values_list("programme", flat=True)) == {
        p.pk for p in published
    }

    rewritten.clear()
    forget_kept_pages()
    answer = Client(headers={"X-Forwarded-Proto": "https"}).get("/iati/activities.xml", secure=True)
    body = b"".join(answer.streaming_content)
    assert answer.status_code == 200 and rewritten == []
    assert undated(body) == undated(b"".join(writer.iter_activities_xml(base_url=BASE)))

    # Kept for another address: those are not this one's, so all are written again for it.
    assert f"{n} written, 0 current" in write_ahead("--base-url", "https://other.example")
    assert f"0 written, {n} current" in write_ahead("--base-url", "https://other.example")


def test_only_what_a_change_made_stale_is_written_again(rewritten) -> None:
    first, second = ProgrammeFactory(code="WA-1"), ProgrammeFactory(code="WA-2")
    write_ahead("--base-url", BASE)
    rewritten.clear()

    second.title = "Reworded"
    second.save()
    # The test's transaction never commits, so the save's own rewrite (as it commits) does not run:
    # the activity is left stale, as a bulk change leaves it.
    assert "1 written," in write_ahead("--base-url", BASE)
    assert rewritten == [second.pk] and first.pk not in rewritten


def test_the_address_defaults_to_public_base_url(settings, rewritten) -> None:
    ProgrammeFactory(code="WA-1")
    settings.PUBLIC_BASE_URL = "https://portal.example/"
    assert "for https://portal.example:" in write_ahead()
    assert set(KeptActivity.objects.values_list("base_url", flat=True)) == {"https://portal.example"}


@pytest.mark.parametrize(
    "value", ["", "portal.example", "ftp://portal.example", "https://", "https://portal.example/iati"]
)
def test_without_a_usable_address_it_says_so_and_writes_nothing(settings, rewritten, value) -> None:
    ProgrammeFactory(code="WA-1")
    settings.PUBLIC_BASE_URL = ""
    with pytest.raises(CommandError):
        write_ahead(*(["--base-url", value] if value else []))
    assert rewritten == [] and not KeptActivity.objects.exclude(built_generation=None).exists()
