"""A search, or a list sorted by title, kept through rewordings of the programmes it does not find
(``programmes.kept_pages``): after any rewording each answer is the page drawn with nothing kept, and
one that cannot have changed is answered as kept."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iomcaribbean.content_version import content_version
from programmes.models import Programme
from tests.factories import ProgrammeFactory
from tests.helpers.programme_list import URL, titles

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="look-alikes are PostgreSQL's")

SEARCHES = [
    {"q": "seminar"},
    {"q": "migration", "sort": "title"},
    {"q": "seminar", "lang": ""},
    {"sort": "title"},
    {"q": "caribbean", "page": "2"},
]


def reword(programme: Programme, title: str) -> None:
    catalogue = content_version().catalogue
    programme.title_en = title
    programme.save()
    assert content_version().catalogue == catalogue


def fresh(client, params: dict) -> bytes:
    for kept in caches.all():
        kept.clear()
    return client.get(URL, params).content


def test_after_any_programmes_rewording_every_search_is_as_drawn_afresh(client, settings):
    settings.PROGRAMMES_PER_PAGE = 3
    changed = 0
    for programme in Programme.objects.published().order_by("pk"):
        drawn = [client.get(URL, params).content for params in SEARCHES]  # kept, to be answered next
        # Half of them gain the searched words, half lose what they had.
        title = f"Seminar on migration in the Caribbean {programme.pk}" if programme.pk % 2 else "Untitled"
        reword(programme, title)
        answered = [client.get(URL, params).content for params in SEARCHES]
        for params, answer in zip(SEARCHES, answered, strict=True):
            assert answer == fresh(client, params), (params, programme.pk)
        changed += any(a != b for a, b in zip(drawn, answered, strict=True))
    assert changed > 5  # the rewordings did reach the searches


def test_a_search_is_answered_as_kept_after_a_rewording_it_cannot_have_seen(client):
    params = {"q": "seminar"}
    first = client.get(URL, params).content
    unrelated = Programme.objects.published().exclude(pk__in=found_pks(params)).order_by("pk").first()
    reword(unrelated, "A title with nothing searched")
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, params).content == first
    # The version, whether the search finds the reworded programme now, and (PostgreSQL) its words as typed.
    assert len(captured) <= 3, [query["sql"] for query in captured.captured_queries]
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, params).content == first
    assert len(captured) == 1  # kept again under the version it was checked at


def test_a_rewording_into_or_out_of_a_search_shows_at_once(client):
    params = {"q": "seminar"}
    leaver = ProgrammeFactory(title="The leaver's seminar")
    before = titles(client.get(URL, params))
    assert "The leaver's seminar" in before
    newcomer = Programme.objects.published().exclude(pk__in=found_pks(params)).order_by("pk").first()
    reword(newcomer, "A seminar reworded in")
    assert "A seminar reworded in" in titles(client.get(URL, params))
    reword(leaver, "Nothing searched any more")
    after = titles(client.get(URL, params))
    assert "Nothing searched any more" not in after and len(after) == len(before)


@postgres_only
def test_a_rewording_that_puts_a_typo_somewhere_as_typed_takes_its_look_alikes_out(client):
    """ "kestral" found nowhere as typed stands for its look-alike "kestrel": the kestrel harbour is
    found. Once a programme the search does not find has "kestral" as typed, it no longer is."""
    ProgrammeFactory(title="Kestrel harbour works")
    other = ProgrammeFactory(title="The bird survey")
    params = {"q": "kestral harbour"}
    assert titles(client.get(URL, params)) == ["Kestrel harbour works"]
    reword(other, "The kestral survey")
    assert titles(client.get(URL, params)) == []


def found_pks(params: dict) -> list[int]:
    from programmes.filters import ProgrammeFilter

    return list(ProgrammeFilter(params, queryset=Programme.objects.published()).qs.values_list("pk", flat=True))


def test_a_rewording_of_a_programme_on_another_page_changes_the_first(client, settings):
    """Sorted by title, or counted by a search: the first page reads every programme it lists."""
    settings.PROGRAMMES_PER_PAGE = 1
    by_title = {"sort": "title"}
    client.get(URL, by_title)
    last = Programme.objects.published().order_by("-title_en").first()
    reword(last, "Aardvark programme")
    assert titles(client.get(URL, by_title)) == ["Aardvark programme"]

    leaver = ProgrammeFactory(title="Zebra seminar", start_date=None)
    first = client.get(URL, {"q": "zebra seminar"}).content.decode()
    ProgrammeFactory(title="Zebra seminar, the second")
    first = client.get(URL, {"q": "zebra seminar"}).content.decode()
    assert "Zebra seminar" in first and "page 1 of 2" in first.lower()
    shown = titles(client.get(URL, {"q": "zebra seminar"}))
    off_page = leaver if shown != ["Zebra seminar"] else Programme.objects.get(title_en="Zebra seminar, the second")
    reword(off_page, "Nothing searched")
    assert "page 1 of 2" not in client.get(URL, {"q": "zebra seminar"}).content.decode().lower()
