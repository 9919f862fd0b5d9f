"""The programme list's pages kept without their cards (``programmes.kept_lists``): after a rewording
the page is answered from its skeleton with the cards found or rendered again, and shows the new
texts; what reads the texts (a search, the sort by title) and any change of the catalogue are
never answered from a skeleton drawn before.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iomcaribbean.content_version import content_version
from programmes.models import Programme
from tests.factories import ProgrammeFactory, UserFactory
from tests.helpers.kept import drawn_afresh

pytestmark = pytest.mark.django_db

LIST = reverse("programmes:list")


def reword(programme: Programme, title: str) -> None:
    """What a staff member's rewording does: a save of the texts only (the catalogue stays)."""
    catalogue = content_version().catalogue
    programme.title = programme.title_en = title
    programme.save()
    assert content_version().catalogue == catalogue


def answered(client, address: str) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured.captured_queries]


@pytest.fixture
def listed() -> list[Programme]:
    """Three published programmes, one a phase of another, newest first on the list's first page."""
    root = ProgrammeFactory(title="Skeleton root", start_date="2030-03-01", status=Programme.Status.ONGOING)
    phase = ProgrammeFactory(
        title="Skeleton phase", parent=root, start_date="2030-02-01", status=Programme.Status.ONGOING
    )
    other = ProgrammeFactory(title="Skeleton other", start_date="2030-01-01", status=Programme.Status.ONGOING)
    far_down = ProgrammeFactory(title="Far down the list", start_date="1950-01-01", status=Programme.Status.COMPLETED)
    return [root, phase, other, far_down]


@pytest.mark.both_engines
def test_a_rewording_is_shown_from_the_kept_skeleton_with_only_its_card_drawn_again(client, listed, settings):
    settings.PROGRAMMES_PER_PAGE = 3
    _, _, other, far_down = listed
    first, _ = answered(client, LIST)
    assert "Skeleton other" in first
    reword(other, "Skeleton other, reworded")
    page, queries = answered(client, LIST)
    assert "Skeleton other, reworded" in page
    # The version, when each card's programme was saved, then the one card's programme read again
    # (with its countries and areas): nothing of the filters, the count or the page's query.
    assert len(queries) == 5, queries
    assert page.replace("Skeleton other, reworded", "Skeleton other") == first
    # After a rewording of a programme on another page, the page is answered as kept through it
    # (``programmes.kept_pages``): the version's row says which was reworded.
    assert "Far down the list" not in page
    reword(far_down, "Far down the list, reworded")
    again, queries = answered(client, LIST)
    assert again == page and len(queries) == 1, queries


def test_a_parents_rewording_redraws_its_phases_card(client, listed):
    root = listed[0]
    client.get(LIST)
    reword(root, "Skeleton root, reworded")
    page, _ = answered(client, LIST)
    assert page.count("Skeleton root, reworded") == 2  # its own card, and "Phase of" on its phase's


def test_a_search_and_the_sort_by_title_read_the_texts_afresh(client, listed):
    other = listed[2]
    search, by_title = f"{LIST}?q=Skeleton", f"{LIST}?sort=title"
    assert "Skeleton other" in client.get(search).content.decode()
    client.get(by_title)
    reword(other, "Aardvark project")
    assert "Aardvark project" not in client.get(search).content.decode()
    assert "Aardvark project" in client.get(f"{LIST}?q=Aardvark").content.decode()
    page = client.get(by_title).content.decode()
    assert page.index("Aardvark project") < page.index("Far down the list"), "ordered by the new title"


def test_a_change_of_the_catalogue_is_never_answered_from_an_older_skeleton(client, listed):
    client.get(LIST)
    newest = ProgrammeFactory(title="Skeleton newest", start_date="2030-04-01", status=Programme.Status.ONGOING)
    page = client.get(LIST).content.decode()
    assert "Skeleton newest" in page
    newest.is_published = False
    newest.save()
    assert "Skeleton newest" not in client.get(LIST).content.decode()


def test_pages_with_filter_errors_or_no_result_and_signed_in_visitors_are_drawn_as_ever(client, listed):
    wrong = f"{LIST}?year_from=abc"
    assert client.get(wrong).status_code == 400
    assert client.get(wrong).status_code == 400
    empty = f"{LIST}?year_to=1901"
    assert "No programme matches these filters." in client.get(empty).content.decode()
    assert "No programme matches these filters." in client.get(empty).content.decode()
    client.force_login(UserFactory(is_staff=True))
    client.get(LIST)
    reword(listed[2], "Seen by staff at once")
    assert "Seen by staff at once" in client.get(LIST).content.decode()


def test_each_language_has_its_own_skeleton(client, listed):
    english, spanish = client.get(LIST).content.decode(), client.get("/es" + LIST).content.decode()
    reword(listed[2], "Skeleton other, reworded")
    assert 'lang="es"' in client.get("/es" + LIST).content.decode()[:400]
    assert client.get("/es" + LIST).content.decode() != english
    assert "Skeleton other, reworded" in client.get("/es" + LIST).content.decode()
    assert spanish != english


@pytest.mark.parametrize("address", [LIST, f"/es{LIST}?status=completed&sort=-start&page=2"])
def test_after_any_programmes_rewording_every_list_page_is_as_drawn_afresh(client, settings, address):
    """Each published programme reworded in turn (its title and summary, in English and Spanish):
    the answer, from the skeleton and the kept cards, is the page drawn with nothing kept."""
    settings.PROGRAMMES_PER_PAGE = 5
    for programme in Programme.objects.published().order_by("pk"):
        client.get(address)  # the skeleton and the cards kept
        programme.title_en = programme.title_es = f"{programme.title_en} (reworded)"
        programme.summary_en = "A summary reworded."
        programme.save()
        answer = client.get(address).content.decode()
        assert answer.count('class="card__title"') >= 3, "a page of cards"
        assert answer == drawn_afresh(client, address), programme.title_en


def test_rewordings_in_turn_after_an_answer_from_the_skeleton_each_show(client, settings):
    """A page answered from its skeleton is kept through rewordings of the programmes it does not show
    (``programmes.kept_pages``): it reads its kept cards' programmes and their parents too, though it
    made no record of them."""
    settings.PROGRAMMES_PER_PAGE = 2
    parent = ProgrammeFactory(title="Old parent", start_date="1960-01-01", status=Programme.Status.COMPLETED)
    phase = ProgrammeFactory(title="Newest phase", parent=parent, start_date="2031-01-01")
    other = ProgrammeFactory(title="Second newest", start_date="2030-12-01")
    client.get(LIST)
    for reworded, title in ((other, "Second newest, reworded"), (phase, "Newest phase, reworded")):
        reword(reworded, title)
        assert title in client.get(LIST).content.decode()
    for reworded, title in ((other, "Second newest, reworded again"), (parent, "Old parent, reworded")):
        reword(reworded, title)
        assert title in client.get(LIST).content.decode()  # the parent: "Phase of" on its phase's card
