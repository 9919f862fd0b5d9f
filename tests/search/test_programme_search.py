"""The programme search: every word, any accent or case, in everything said about a programme, in
every language, ranked; kept current on every write; never a published programme's neighbour leaked.

Runs on both engines (PostgreSQL: full-text search and typo tolerance; SQLite: folded substrings),
on the seed content the migrations load.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from funding.demo import generate_demo_data
from partners.models import Organisation
from programmes.models import Component, Country, Programme
from search.documents import fold, words
from search.models import SearchDocument
from tests.factories import ComponentFactory, OrganisationFactory, ParticipationFactory, ProgrammeFactory
from tests.helpers.programme_list import (
    HIV,
    HTAP,
    JAMAICA,
    MMP,
    PHASE_TWO,
    RIGHTS,
    SEMINAR,
    SEMINARS,
    THIRD,
    TRAFFICKING,
    TURKS,
    URL,
    text,
    titles,
)

pytestmark = [pytest.mark.django_db, pytest.mark.both_engines]
postgres_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="typos are PostgreSQL's (pg_trgm)")


def found(client, q: str, **params: str) -> list[str]:
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200
    return titles(response)


def test_folding_takes_accents_case_and_punctuation_off():
    assert fold("Haïti, Œuvre, STRASSE, Straße") == "haiti, oeuvre, strasse, strasse"
    assert words("T81-805: Migración & «Sécurité»") == ["t81", "805", "migracion", "securite"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("seminar jamaica", {SEMINAR}),  # two words, far apart in the seminar's description
        ("T81-805", {SEMINAR}),  # the IOM project code
        ("Belize", {SEMINAR}),  # a country it works in, named nowhere in its texts
        ("FLACSO", {RIGHTS}),  # a partner's acronym
        ("latin american faculty", {RIGHTS}),  # the partner's name
        ("Government of Canada", {RIGHTS}),  # its funder
        ("IDF", {SEMINAR}),  # its funder's acronym (the IOM Development Fund)
        ("victims", {PHASE_TWO}),  # a component's title
        ("seminar no-such-word", set()),  # every word must be found
    ],
)
def test_every_word_is_found_in_texts_names_codes_and_components(client, q, expected):
    assert set(found(client, q)) == expected


def test_accents_and_case_make_no_difference(client):
    results = [set(found(client, q)) for q in ("Haïti", "haiti", "HAITÍ")]
    assert results[0] == results[1] == results[2]
    assert {HTAP, MMP, TURKS} <= results[0]


def test_a_title_in_another_language_finds_its_programme_from_any_page(client):
    seminar = Programme.objects.get(title=SEMINAR)
    seminar.title_es = "Seminario zafiro sobre políticas migratorias"
    seminar.save()
    assert found(client, "zafiro políticas") == [SEMINAR]
    assert found(client, "ZAFIRO POLITICAS") == [SEMINAR]
    assert client.get("/es/programmes/", {"q": "zafiro"}).status_code == 200
    assert "Seminario zafiro" in text(client.get("/es/programmes/", {"q": "zafiro"}))


def test_title_matches_rank_first_and_relevance_is_the_order_unless_another_is_chosen(client):
    page = text(client.get(URL, {"q": "seminar"}))
    ranked = found(client, "seminar")
    # Two titles say "seminar(s)"; the counter-trafficking programme only in its description.
    assert set(ranked[:2]) == {SEMINAR, SEMINARS}
    assert ranked[2:] == [TRAFFICKING]
    assert '<option value="" selected>Relevance</option>' in page
    # The form sends the select along: "" is no choice, so a search typed in is ranked too.
    assert found(client, "seminar", sort="") == ranked
    assert found(client, "seminar", sort="title") == sorted(ranked)
    assert '<option value="title" selected>Title</option>' in text(client.get(URL, {"q": "seminar", "sort": "title"}))
    # Without a search there is no relevance to offer.
    assert ">Relevance</option>" not in text(client.get(URL))


@postgres_only
@pytest.mark.parametrize(("q", "expected"), [("semminar jamiaca", SEMINAR), ("Jamiaca capacity", JAMAICA)])
def test_a_small_typo_still_finds(client, q, expected):
    assert found(client, q) == [expected]


@pytest.mark.parametrize(
    "q",
    [
        "&|!():*",
        "'",
        "\\",
        "a & b | !c",
        "haiti:* & !(jamaica)",
        "<-> <2> !!",
        "%_%",
        "é" * 200,
        " ".join(["x"] * 100),
        "\u200b\ufeff",
    ],
)
def test_hostile_input_never_fails(client, q):
    for url in (URL, reverse("programmes:list_csv"), "/api/programmes/"):
        assert client.get(url, {"q": q}).status_code == 200, url
    if not words(q):
        assert "0 programmes" in text(client.get(URL, {"q": q}))


@pytest.mark.parametrize("q", ["a\x00b", "x" * 201])
def test_a_query_the_form_refuses_is_a_bad_request(client, q):
    assert client.get(URL, {"q": q}).status_code == 400


def test_a_draft_and_what_only_it_names_are_never_found(client):
    draft = ProgrammeFactory(title="Quillwort lagoon pilot", code="QLX-9", is_published=False)
    ComponentFactory(programme=draft, title="Bramblecove census")
    ParticipationFactory(programme=draft, organisation=OrganisationFactory(name="Sedgemoor Trust", acronym="SGT"))
    ProgrammeFactory(title="Quillwort phase", parent=draft)  # published, under a draft
    for q in ("quillwort", "QLX-9", "bramblecove", "sedgemoor", "SGT", "quilwort"):
        assert found(client, q) == [], q
        assert client.get("/api/programmes/", {"q": q}).json()["count"] == 0, q
    draft.is_published = True
    draft.save()
    assert set(found(client, "quillwort")) == {"Quillwort lagoon pilot", "Quillwort phase"}
    assert found(client, "sedgemoor") == ["Quillwort lagoon pilot"]


def test_documents_follow_every_edit(client):
    component = Component.objects.get(title="Legislation")
    component.title = "Zephyrine census"
    component.save()
    assert found(client, "zephyrine") == [PHASE_TWO]
    component.delete()
    assert found(client, "zephyrine") == []

    fund = Organisation.objects.get(acronym="IDF")  # the seminar's funder, named nowhere else
    fund.acronym = fund.acronym_es = fund.acronym_fr = "IOMDF"
    fund.save()
    assert found(client, "iomdf") == [SEMINAR]
    assert found(client, "idf") == []
    fund.grants.all().delete()
    assert found(client, "iomdf") == []

    belize = Country.objects.get(name="Belize")
    third = Programme.objects.get(title=THIRD)
    third.countries.add(belize, through_defaults={"role": "venue"})
    assert set(found(client, "belize")) == {SEMINAR, THIRD}
    belize.programmes.remove(third)
    assert found(client, "belize") == [SEMINAR]


def test_programmes_made_in_bulk_are_found_and_a_rebuild_writes_every_document(client):
    generate_demo_data(programmes=5, force=True, seed=2)
    demo = Programme.objects.published().filter(code__startswith="DEMO-").first()
    assert found(client, demo.code) == [demo.title]
    assert SearchDocument.objects.count() == Programme.objects.count()

    SearchDocument.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_search", stdout=out)
    assert f"Search documents written: {Programme.objects.count()}" in out.getvalue()
    assert found(client, "seminar jamaica") == [SEMINAR]
    assert found(client, HIV) == [HIV]
