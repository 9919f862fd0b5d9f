"""An update is a rewording of its programme for what is kept (``iomcaribbean.catalogue``,
``catalogue_rewords``): posting, editing, publishing or deleting one, or adding a photo, leaves the
catalogue and is remembered as a change of its programme, so only the pages that read that programme
are drawn again, its own page showing the change at once; moving an update to another programme
moves the catalogue."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iomcaribbean.content_version import content_version
from programmes.models import Programme
from tests.factories import UpdateFactory, UpdatePhotoFactory
from tests.helpers.kept import drawn_afresh
from updates.models import Update, UpdateStatus

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]
PROGRAMME = "programmes.programme"


@pytest.fixture
def programme() -> Programme:
    return Programme.objects.get(code="T81-805")


def others() -> list[str]:
    """Pages kept through rewordings that do not show the seminar."""
    other = Programme.objects.published().exclude(code="T81-805").filter(parent__isnull=True).order_by("-pk").first()
    return [reverse("programmes:overview"), reverse("programmes:countries"), other.get_absolute_url()]


def post(programme: Programme) -> Update:
    return UpdateFactory(programme=programme, title="Fresh news from the seminar")


def edit(update: Update) -> None:
    update.title = "News from the seminar, edited"
    update.save()


def unpublish(update: Update) -> None:
    update.status = UpdateStatus.DRAFT
    update.save()


def add_photo(update: Update) -> None:
    UpdatePhotoFactory(update=update, alt_text="The seminar's closing session")


CHANGES: dict[str, tuple[Callable[[Update], None], str | None]] = {
    "edited": (edit, "News from the seminar, edited"),
    "unpublished": (unpublish, None),
    "a photo added": (add_photo, "The seminar&#x27;s closing session"),
    "deleted": (lambda update: update.delete(), None),
}


@pytest.mark.parametrize("change", CHANGES)
def test_each_change_of_an_update_is_a_rewording_of_its_programme(client, programme, change):
    update = post(programme)
    page = programme.get_absolute_url()
    assert "Fresh news from the seminar" in client.get(page).content.decode()
    kept = {address: client.get(address).content for address in others()}
    before = content_version()
    act, shown = CHANGES[change]
    act(update)
    after = content_version()
    assert after.catalogue == before.catalogue
    assert after.reworded_since(before.number) == {PROGRAMME: frozenset({programme.pk})}
    answer = client.get(page).content.decode()
    if shown:
        assert shown in answer
    else:
        assert "Fresh news from the seminar" not in answer
    for address, content in kept.items():
        with CaptureQueriesContext(connection) as read:
            assert client.get(address).content == content, address
        assert len(read) == 1, address  # answered as kept through the change
    assert answer == drawn_afresh(client, page)


def test_a_new_update_is_a_rewording_of_its_programme(client, programme):
    page = programme.get_absolute_url()
    client.get(page)
    before = content_version()
    post(programme)
    assert content_version().catalogue == before.catalogue
    assert content_version().reworded_since(before.number) == {PROGRAMME: frozenset({programme.pk})}
    answer = client.get(page).content.decode()
    assert "Fresh news from the seminar" in answer and answer == drawn_afresh(client, page)


def test_moving_an_update_to_another_programme_moves_the_catalogue(client, programme):
    update = post(programme)
    before = content_version()
    update.programme = Programme.objects.published().exclude(pk=programme.pk).first()
    update.save()
    assert content_version().catalogue > before.catalogue
    assert "Fresh news from the seminar" not in client.get(programme.get_absolute_url()).content.decode()
