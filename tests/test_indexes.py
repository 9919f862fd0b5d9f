"""Every filter and sort of the programme list can be answered from an index (PostgreSQL).

With sequential scans switched off the planner still reads a whole table when no index fits, so
a plan without "Seq Scan on programmes_programme" means an index serves the query; for the
sorts and the search, the plan names the index meant for them. 500 demo programmes, analysed,
give the planner real statistics over tables of many pages: every assertion here held with 40 and
with 2,000, and 500 costs a quarter of 2,000's time.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection, transaction
from django.utils import translation

from funding.demo import generate_demo_data
from programmes.filters import ProgrammeFilter
from programmes.models import Programme
from programmes.views.listing import SORTS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.both_engines,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's"),
]


def plan(params: dict[str, str], sort: str = "-start", language: str = "en") -> str:
    with translation.override(language):
        filterset = ProgrammeFilter(params, queryset=Programme.objects.published().for_listing())
        assert filterset.is_valid(), filterset.errors
        queryset = filterset.qs.order_by(*SORTS[sort][1])[:20]
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        return queryset.explain()


@pytest.fixture(scope="module")
def demo_programmes(django_db_setup, django_db_blocker) -> Iterator[Programme]:
    """Built once for the module, in a transaction rolled back at its end (each test's own
    transaction is a savepoint inside it, so its SET LOCAL ends with the test)."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            generate_demo_data(programmes=500, force=True, seed=11)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
            yield Programme.objects.published().filter(slug__startswith="demo-").first()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def many_programmes(demo_programmes, db) -> Programme:
    return demo_programmes


@pytest.mark.parametrize(
    ("sort", "index"),
    [
        ("-start", "programme_newest_first_idx"),
        ("start", "programme_oldest_first_idx"),
        ("status", "programme_by_status_idx"),
        ("current", "programme_current_first_idx"),
        # modeltranslation's copy of Meta's index on the title (programmes 0006, 0009).
        ("title", "programmes__title_e_4ced0f_idx"),
    ],
)
def test_each_sort_reads_its_index(many_programmes, sort, index):
    assert index in plan({}, sort)


@pytest.mark.parametrize("language", ["es", "fr"])
def test_the_title_sort_in_other_languages_reads_its_index(many_programmes, language):
    assert f"programme_title_{language}_order_idx" in plan({}, "title", language)


def test_a_search_for_a_rare_word_reads_the_documents_index(many_programmes):
    # A common word is better found by walking the sort's index until 20 match; a rare one, here
    # the number of one programme's code, through the documents' GIN index (search/migrations/0001).
    # Read alone (no published() nor sort, which offer the planner other indexes to walk), and with
    # plain index scans off too: at this many rows the planner may walk the documents' primary key
    # whole, which says nothing about whether the condition fits the GIN index.
    number = many_programmes.code.removeprefix("DEMO-")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    filterset = ProgrammeFilter({"q": number}, queryset=Programme.objects.order_by())
    explained = filterset.qs.explain()
    assert list(filterset.qs) == [many_programmes]
    assert "search_document_vector_idx" in explained, explained
    assert "Seq Scan" not in explained, explained


def filter_values(programme: Programme) -> dict[str, dict[str, str]]:
    grant = programme.grants.select_related("funder").first()
    participation = programme.participations.select_related("organisation").first()
    return {
        "country": {"country": programme.country_links.filter(role="benefiting").first().country.slug},
        "area": {"area": programme.thematic_areas.first().slug},
        "status": {"status": programme.status},
        "coverage": {"coverage": programme.coverage},
        "funder": {"funder": grant.funder.slug},
        "partner": {"partner": participation.organisation.slug},
        "type": {"type": programme.project_type.slug},
        "year_from": {"year_from": "2010"},
        "year_to": {"year_to": "2005"},
    }


def test_no_filter_reads_the_whole_programme_table(many_programmes):
    for name, params in filter_values(many_programmes).items():
        for sort in SORTS:
            explained = plan(params, sort)
            assert "Seq Scan on programmes_programme" not in explained, (name, sort, explained)
