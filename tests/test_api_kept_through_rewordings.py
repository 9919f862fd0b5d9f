"""The API's programme list is kept through rewordings of the programmes a page does not show
(``programmes.kept_pages``), in each JSON representation (the browsable page holds a CSRF token, so
it is never kept): after any programme's rewording every page
answers as drawn with nothing kept, headers included; a page that does not show it is answered as
kept; a search and the sort by title, which read every programme found, are drawn again."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iomcaribbean.content_version import content_version
from programmes.models import Programme

pytestmark = pytest.mark.django_db

LIST = "/api/programmes/"
# (address, Accept): JSON, indented JSON, the browsable page; a page, a language, a filter, a sort.
ASKED = [
    (LIST, "application/json"),
    (LIST, "application/json; indent=2"),
    (f"{LIST}?page=2&page_size=5", "application/json"),
    (f"{LIST}?lang=es", "application/json"),
    (f"{LIST}?country=jamaica&sort=-start", "application/json"),
    (f"{LIST}?format=json&sort=status", "*/*"),
]
HEADERS = ("Content-Type", "Content-Language", "Vary", "Allow")


def answer(client, address: str, accept: str) -> tuple[bytes, tuple]:
    response = client.get(address, HTTP_ACCEPT=accept)
    assert response.status_code == 200, (address, accept)
    return response.content, tuple(response.get(name) for name in HEADERS)


def drawn_afresh(client, address: str, accept: str) -> tuple[bytes, tuple]:
    for kept in caches.all():
        kept.clear()
    return answer(client, address, accept)


def reword(programme: Programme, title: str) -> None:
    catalogue = content_version().catalogue
    programme.title_en = programme.title_es = title
    programme.save()
    assert content_version().catalogue == catalogue


def test_after_any_programmes_rewording_every_page_of_the_list_is_as_drawn_afresh(client):
    for programme in Programme.objects.published().order_by("pk"):
        reword(programme, f"{programme.title_en} (reworded)")
        answered = {asked: answer(client, *asked) for asked in ASKED}
        for asked in ASKED:
            assert answered[asked] == drawn_afresh(client, *asked), (asked, programme.pk)


@pytest.mark.both_engines
def test_a_page_not_showing_the_reworded_programme_is_answered_as_kept(client):
    page = f"{LIST}?page=2&page_size=5"
    shown = {row["slug"] for row in client.get(page, HTTP_ACCEPT="application/json").json()["results"]}
    near = Programme.objects.filter(slug__in=shown)
    before = {accept: answer(client, page, accept) for accept in ("application/json", "application/json; indent=2")}
    parents = near.filter(parent__isnull=False).values("parent")
    elsewhere = Programme.objects.published().exclude(slug__in=shown).exclude(pk__in=parents)
    reword(elsewhere.exclude(parent__in=near).order_by("pk").first(), "Reworded elsewhere")
    for accept, kept in before.items():
        with CaptureQueriesContext(connection) as read:
            assert answer(client, page, accept) == kept, accept
        # The content version, whose row says what was reworded, inside the request's transaction
        # (ATOMIC_REQUESTS: here a savepoint and its release).
        assert len(read) == 3, [query["sql"] for query in read.captured_queries]
    # The browsable page is never kept (it holds a CSRF token), nor answered from the JSON kept.
    assert answer(client, page, "text/html")[1][0].startswith("text/html")


@pytest.mark.both_engines
@pytest.mark.parametrize("address", [f"{LIST}?q=seminar&page_size=5", f"{LIST}?sort=title&page_size=5"])
def test_a_search_and_the_sort_by_title_are_drawn_again_after_any_rewording(client, address):
    shown = {row["slug"] for row in client.get(address, HTTP_ACCEPT="application/json").json()["results"]}
    # Not shown, nor found: its new title puts it first by title, and the search finds it.
    reword(Programme.objects.published().exclude(slug__in=shown).order_by("-pk").first(), "Aardvark seminar")
    with CaptureQueriesContext(connection) as read:
        after = answer(client, address, "application/json")
    assert len(read) > 1
    assert after == drawn_afresh(client, address, "application/json")
    assert b"Aardvark seminar" in after[0]
