"""A programme's page reads its rows through SQL compiled once (``programmes.views.programmes``):
each page shows its own programme's rows, in the visitor's language, and never what only staff
may see."""

from __future__ import annotations

import html

import pytest

from programmes.views import programmes as views
from tests.factories import GrantFactory, OrganisationFactory, ParticipationFactory, ProgrammeFactory
from tests.helpers.compiles import record_compiled_models

# The SQL is the engine's own: reusing it must hold on both.
pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]


@pytest.fixture
def compiles(monkeypatch) -> list[str]:
    """The models whose queries are compiled, from a page's reads compiled afresh."""
    views._page_reads.cache_clear()
    return record_compiled_models(monkeypatch)


def page(client, slug: str, language: str = "") -> str:
    # Not reversed: the test's thread keeps the language of the last answer.
    response = client.get(f"{language}/programmes/{slug}/")
    assert response.status_code == 200
    return " ".join(html.unescape(response.content.decode()).split())


def test_each_page_shows_its_own_rows_from_the_sql_compiled_once(client, compiles):
    first, second = ProgrammeFactory(), ProgrammeFactory()
    GrantFactory(programme=first, funder=OrganisationFactory(name="Castries Fund"))
    GrantFactory(programme=second, funder=OrganisationFactory(name="Roseau Fund"))
    ParticipationFactory(programme=second, organisation=OrganisationFactory(name="Portsmouth Partner"))
    ProgrammeFactory(parent=second, title="Second phase one")
    compiles.clear()

    for _ in range(2):
        shown = page(client, first.slug)
        assert first.title in shown and "Castries Fund" in shown
        assert not any(name in shown for name in (second.title, "Roseau Fund", "Portsmouth Partner", "phase one"))
        shown = page(client, second.slug)
        assert all(name in shown for name in (second.title, "Roseau Fund", "Portsmouth Partner", "Second phase one"))
        assert "Castries Fund" not in shown
    assert compiles.count("Grant") == 1
    assert compiles.count("Participation") == 1


def test_the_public_never_sees_what_staff_preview_through_the_same_reads(client, editor_client):
    parent = ProgrammeFactory()
    ProgrammeFactory(parent=parent, title="A draft phase", is_published=False)
    draft = ProgrammeFactory(title="A draft programme", is_published=False)
    for _ in range(2):
        assert "A draft phase" in page(editor_client, parent.slug)
        assert "A draft programme" in page(editor_client, draft.slug)
        assert "A draft phase" not in page(client, parent.slug)
        assert client.get(f"/programmes/{draft.slug}/").status_code == 404


def test_the_rows_are_ordered_in_the_visitors_language(client):
    """The translated models order by the active language's columns: the reads kept for one
    language are not those of another."""
    programme = ProgrammeFactory()
    GrantFactory(programme=programme, funder=OrganisationFactory(name="Alpha", name_es="Zeta"))
    GrantFactory(programme=programme, funder=OrganisationFactory(name="Beta"))
    for _ in range(2):
        shown = page(client, programme.slug)
        assert shown.index("Alpha") < shown.index("Beta")
        shown = page(client, programme.slug, "/es")
        assert shown.index("Beta") < shown.index("Zeta")
