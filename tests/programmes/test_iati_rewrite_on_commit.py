"""A change that makes a few kept activities stale writes them again as it commits, so the next
visitor reads them as kept (``iati.rewrite_on_commit``); more than a few, a failed write, or an
unpublished programme, and they stay stale until asked for."""

from __future__ import annotations

import logging

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from iati import kept_activities, rewrite_on_commit, writer
from iati.models import KeptActivity
from programmes.models import Programme
from tests.factories import ProgrammeFactory, RelatedActivityFactory
from tests.helpers.admin_forms import admin_url, form_data, form_errors
from tests.helpers.kept import forget_kept_pages

# The pieces are stored by one UPDATE with CASE per batch, as every build stores them.
pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]

BASE = "https://portal.example"


@pytest.fixture
def family() -> dict[str, Programme]:
    """A parent, its phase, and a programme that names the phase, each activity kept once."""
    parent = ProgrammeFactory(code="RW-001")
    phase = ProgrammeFactory(code="RW-002", parent=parent)
    relative = ProgrammeFactory(code="RW-003")
    RelatedActivityFactory(programme=relative, related_programme=phase)
    records = {"parent": parent, "phase": phase, "relative": relative}
    keep(records.values())
    return records


def keep(programmes) -> list[bytes]:
    return kept_activities.activities(sorted(p.pk for p in programmes), timezone.localdate(), BASE)


def is_current(programme: Programme) -> bool:
    row = KeptActivity.objects.get(programme=programme)
    return row.built_generation == row.generation


def rename(programme: Programme) -> None:
    programme.title = f"{programme.title}, renamed"
    programme.save()


def test_a_save_writes_the_activities_it_made_stale_as_it_commits(family, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        rename(family["parent"])  # its activity and its phase's name it
        assert not is_current(family["parent"]) and not is_current(family["phase"])
    assert len(callbacks) == 1  # one write for the transaction, however many records it saved
    callbacks[0]()
    assert is_current(family["parent"]) and is_current(family["phase"])
    kept = KeptActivity.objects.get(programme=family["parent"]).xml
    written = writer.activity_in_file(Programme.objects.get(pk=family["parent"].pk), timezone.localdate(), BASE)
    assert bytes(kept) == written
    assert b", renamed" in written


def test_after_a_staff_save_the_next_visitor_reads_the_activity_as_kept(
    admin_client, client, family, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    parent = family["parent"]
    address = reverse("programmes:iati_activity", kwargs={"slug": parent.slug})
    assert client.get(address).status_code == 200  # kept for the address visitors ask at
    url = admin_url(Programme, "change", parent.pk)
    data = form_data(admin_client.get(url)) | {"title_en": "Seminar follow-up, renamed"}
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, data)
    assert response.status_code == 302, form_errors(response)
    forget_kept_pages()
    with django_assert_max_num_queries(3):  # the content version, the programme, its kept activity: no write
        answer = client.get(address)
    assert b"Seminar follow-up, renamed" in answer.content


def test_a_change_that_reaches_more_than_a_few_leaves_them_for_the_next_request(django_capture_on_commit_callbacks):
    many = [ProgrammeFactory(code=f"RW-1{i:02}") for i in range(rewrite_on_commit.MAX_ACTIVITIES + 1)]
    keep(many)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for programme in many:
            rename(programme)
    assert not any(is_current(programme) for programme in many)
    assert all(b", renamed" in xml for xml in keep(many))  # written when asked for


def test_an_unpublished_programme_is_not_written(family, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        family["parent"].is_published = False
        family["parent"].save()
    assert not is_current(family["parent"])
    assert is_current(family["relative"])  # it names the phase, which left the file with its parent


def test_a_failed_write_keeps_the_save_and_leaves_the_activity_stale(
    family, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    def failing(*args, **kwargs):
        raise RuntimeError("the writer failed")

    monkeypatch.setattr(rewrite_on_commit, "activities", failing)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        rename(family["parent"])
    assert "the writer failed" in caplog.text
    assert Programme.objects.get(pk=family["parent"].pk).title.endswith(", renamed")
    assert not is_current(family["parent"])
