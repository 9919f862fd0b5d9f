"""Changes that only a programme's own card and pages show are rewordings of it for what is kept
(``iomcaribbean.catalogue``): its texts, budget, codes shown nowhere else and notes on estimates
(``catalogue_ignores``), and its results (with their indicators, periods and breakdowns), key figures
and publications (``catalogue_rewords``). Each leaves the catalogue, and only the pages that read that
programme are drawn again."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from functools import partial

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from iomcaribbean.content_version import content_version
from programmes.models import Programme
from tests.factories import (
    DimensionFactory,
    IndicatorFactory,
    KeyFigureFactory,
    PeriodFactory,
    PublicationFactory,
    ResultFactory,
)
from tests.helpers.kept import drawn_afresh, pages_kept_through_rewordings

pytestmark = pytest.mark.django_db
PROGRAMME = "programmes.programme"
LISTS = ["/programmes/", "/programmes/?q=seminar", "/programmes/?sort=title", "/programmes/?country=jamaica"]


def edit(record, **values) -> None:
    for name, value in values.items():
        setattr(record, name, value)
    record.save()


def changes(programme: Programme) -> list[tuple[str, Callable[[], object], str | None]]:
    """Each change in turn, with what the programme's page shows after it (None: what it no longer shows)."""
    made: dict[str, object] = {}

    def make(name: str, factory, parent: tuple[str, str] | None = None, **values) -> Callable[[], None]:
        """Making a record ``name``; ``parent``: (its field, the name of the record made before it belongs to)."""
        if parent is not None:
            return lambda: made.__setitem__(name, factory(**{parent[0]: made[parent[1]]}, **values))
        return lambda: made.__setitem__(name, factory(**values))

    return [
        (
            "a result added",
            make("result", ResultFactory, programme=programme, title="Officials trained"),
            "Officials trained",
        ),
        (
            "a result reworded",
            lambda: edit(made["result"], title_en="Officials trained, reworded"),
            "trained, reworded",
        ),
        (
            "an indicator added",
            make("indicator", IndicatorFactory, parent=("result", "result"), title="Officials certified"),
            "Officials certified",
        ),
        (
            "a period added",
            make("period", PeriodFactory, parent=("indicator", "indicator"), actual_value=Decimal(48)),
            None,
        ),
        ("a period's actual changed", lambda: edit(made["period"], actual_value=Decimal(52)), None),
        ("a breakdown added", make("dimension", DimensionFactory, parent=("period", "period")), None),
        ("a breakdown changed", lambda: edit(made["dimension"], value="male"), None),
        ("a breakdown deleted", lambda: made["dimension"].delete(), None),
        ("an indicator deleted", lambda: made["indicator"].delete(), "Officials certified"),
        (
            "a key figure added",
            make("figure", KeyFigureFactory, programme=programme, label="officials trained"),
            "officials trained",
        ),
        ("a key figure changed", lambda: edit(made["figure"], value=Decimal(140)), "140"),
        (
            "a publication added",
            make("study", PublicationFactory, programme=programme, title="Seminar report"),
            "Seminar report",
        ),
        ("a publication deleted", lambda: made["study"].delete(), "Seminar report"),
        ("a key figure deleted", lambda: made["figure"].delete(), "officials trained"),
        ("a result deleted", lambda: made["result"].delete(), "Officials trained, reworded"),
    ]


def assert_each_a_rewording_that_leaves_every_page_as_drawn_afresh(
    client, programme: Programme, named_changes: Iterable[tuple[str, Callable[[], object]]]
) -> None:
    """After each change in turn: the catalogue stayed, the programme alone was reworded, and every page
    kept through rewordings (and four list pages) answers as drawn with nothing kept."""
    addresses = [*pages_kept_through_rewordings(), *LISTS]
    for address in addresses:
        client.get(address)
    for name, change in named_changes:
        before = content_version()
        change()
        after = content_version()
        assert after.catalogue == before.catalogue, name
        assert after.reworded_since(before.number) == {PROGRAMME: frozenset({programme.pk})}, name
        answered = {address: client.get(address).content.decode() for address in addresses}
        for address in addresses:
            assert answered[address] == drawn_afresh(client, address), (name, address)


def test_after_each_change_of_a_programmes_items_every_page_is_as_drawn_afresh(client):
    # The seminar: other programmes' pages name it, a search finds it, the overview lists it.
    seminar = Programme.objects.get(code="T81-805")
    named = [(name, change) for name, change, _ in changes(seminar)]
    assert_each_a_rewording_that_leaves_every_page_as_drawn_afresh(client, seminar, named)


@pytest.mark.both_engines
def test_each_change_shows_on_the_programmes_page_and_leaves_pages_that_do_not_show_it_kept(client):
    seminar = Programme.objects.get(code="T81-805")
    page = seminar.get_absolute_url()
    others = [reverse(name) for name in ("programmes:countries", "programmes:areas", "partners:list", "funding:list")]
    elsewhere = Programme.objects.published().exclude(pk=seminar.pk).filter(parent__isnull=True, phases__isnull=True)
    others.append(elsewhere.order_by("-pk").first().get_absolute_url())
    for name, change, shown in changes(seminar):
        client.get(page)
        kept = {address: client.get(address).content for address in others}
        before = content_version()
        change()
        after = content_version()
        assert after.catalogue == before.catalogue, name
        assert after.reworded_since(before.number) == {PROGRAMME: frozenset({seminar.pk})}, name
        answer = client.get(page).content.decode()
        if shown is not None:
            # Shown once added; gone once deleted.
            assert (shown in answer) != name.endswith("deleted"), name
        for address, content in kept.items():
            with CaptureQueriesContext(connection) as read:
                assert client.get(address).content == content, (name, address)
            assert len(read) == 1, (name, address)  # answered as kept through the change
        assert answer == drawn_afresh(client, page), name


# Each field the catalogue ignores beyond texts, with a value the seminar does not hold.
FIELDS = {
    "budget_amount": Decimal("125000.00"),
    "budget_currency": "EUR",
    "dac_sector": "15110",
    "idf_region": Programme.IdfRegion.values[-1],
    "status_estimate": "Inferred from the report's date.",
    "coverage_estimate": "As the title suggests.",
    "start_estimate": "The month of the invitation.",
    "end_estimate": "A year after the start.",
    "areas_estimate": "From the agenda.",
}


def test_after_a_change_of_any_field_the_catalogue_ignores_every_page_is_as_drawn_afresh(client):
    seminar = Programme.objects.get(code="T81-805")
    assert not [name for name, value in FIELDS.items() if getattr(seminar, name) == value]
    named = [(name, partial(edit, seminar, **{name: value})) for name, value in FIELDS.items()]
    assert_each_a_rewording_that_leaves_every_page_as_drawn_afresh(client, seminar, named)


@pytest.mark.both_engines
def test_moving_a_result_to_another_programme_moves_the_catalogue(client):
    seminar = Programme.objects.get(code="T81-805")
    result = ResultFactory(programme=seminar, title="Officials trained")
    other = Programme.objects.published().exclude(pk=seminar.pk).first()
    before = content_version()
    edit(result, programme=other)
    assert content_version().catalogue > before.catalogue
    assert "Officials trained" in client.get(other.get_absolute_url()).content.decode()
    assert "Officials trained" not in client.get(seminar.get_absolute_url()).content.decode()
