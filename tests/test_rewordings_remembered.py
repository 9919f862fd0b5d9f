"""The content version's row remembers the rewordings since the catalogue last moved
(``Version.reworded_since``): exactly those, or None when it cannot say."""

from __future__ import annotations

import pytest

from iomcaribbean.content_version import REWORDINGS_KEPT, bump_content_version, content_version
from programmes.models import Country, Programme

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]
PROGRAMME = "programmes.programme"


def reword(programme: Programme, title: str) -> None:
    programme.title = title
    programme.save()


def test_each_rewording_is_remembered_with_the_version_it_moved_to():
    first, second = Programme.objects.published().order_by("pk")[:2]
    start = content_version()
    reword(first, "First, reworded")
    middle = content_version()
    reword(second, "Second, reworded")
    reword(first, "First, reworded again")
    now = content_version()
    assert now.number == start.number + 3 and now.catalogue == start.catalogue
    assert now.reworded_since(start.number) == {PROGRAMME: frozenset({first.pk, second.pk})}
    assert now.reworded_since(middle.number) == {PROGRAMME: frozenset({first.pk, second.pk})}
    assert now.reworded_since(now.number - 1) == {PROGRAMME: frozenset({first.pk})}
    assert now.reworded_since(now.number) == {}


def test_any_other_change_forgets_them_and_says_nothing_of_before():
    programme = Programme.objects.published().first()
    start = content_version()
    reword(programme, "Reworded")
    country = Country.objects.first()
    country.name = "Renamed"
    country.save()
    now = content_version()
    assert now.catalogue > start.catalogue and now.reworded == ""
    assert now.reworded_since(start.number) is None
    bump_content_version()  # a write without signals
    assert content_version().reworded_since(now.number) is None


def test_a_change_of_a_programmes_catalogue_is_no_rewording():
    programme = Programme.objects.published().first()
    start = content_version()
    programme.status = Programme.Status.COMPLETED if programme.status != "completed" else Programme.Status.ONGOING
    programme.save()
    assert content_version().reworded_since(start.number) is None


def test_past_the_rewordings_kept_it_cannot_say_and_a_restored_database_neither():
    programme = Programme.objects.published().first()
    start = content_version()
    for n in range(REWORDINGS_KEPT + 1):
        reword(programme, f"Reworded {n}")
    now = content_version()
    assert len(now.reworded.split()) == REWORDINGS_KEPT
    assert now.reworded_since(start.number) is None
    assert now.reworded_since(now.number - REWORDINGS_KEPT) == {PROGRAMME: frozenset({programme.pk})}
    assert now.reworded_since(now.number + 1) is None


def test_a_rewording_of_an_unpublished_programme_moves_nothing():
    draft = Programme.objects.published().first()
    draft.is_published = False
    draft.save()
    start = content_version()
    reword(draft, "A draft reworded")
    assert content_version() == start
