"""The results framework: its rules, a programme page's results (tables, charts, words, in each
language), the donor dashboard's (only what the donor funds and the public may see), and why a
result stays out of IATI."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import override

from iati.quality import programme_problems
from programmes.models import Indicator, Result
from tests.factories import (
    DimensionFactory,
    GrantFactory,
    IndicatorFactory,
    PeriodFactory,
    ProgrammeFactory,
    ResultFactory,
)
from tests.helpers.donors import donor_world
from tests.helpers.pages import page_section, page_text
from tests.helpers.roles import client_for

pytestmark = pytest.mark.django_db

PERCENTAGE, QUALITATIVE = Indicator.Measure.PERCENTAGE, Indicator.Measure.QUALITATIVE
YEAR_2021 = {"start": datetime.date(2021, 1, 1), "end": datetime.date(2021, 12, 31)}


@pytest.mark.parametrize(
    ("indicator", "period", "field"),
    [
        ({"measure": QUALITATIVE}, {"target_value": Decimal(3)}, "target_value"),
        ({"measure": PERCENTAGE}, {"actual_value": Decimal(101)}, "actual_value"),
        ({}, {"start": datetime.date(2021, 2, 1), "end": datetime.date(2021, 1, 1)}, "end"),
        ({}, {"start": datetime.date(2020, 6, 1), "end": datetime.date(2021, 3, 1)}, "start"),  # overlaps 2021
    ],
    ids=["qualitative with a figure", "percentage over 100", "ends before it starts", "overlapping"],
)
def test_a_period_breaking_a_rule_is_refused_with_the_reason(indicator, period, field):
    existing = PeriodFactory(indicator=IndicatorFactory(**indicator), **YEAR_2021)
    new = PeriodFactory.build(indicator=existing.indicator, **(YEAR_2021 if field != "end" else {}) | period)
    if field == "start":
        new.start, new.end = period["start"], period["end"]
    with pytest.raises(ValidationError) as error:
        new.full_clean()
    assert field in error.value.message_dict


def results_of(client, programme, language: str = "") -> str:
    with override("en"):  # the language prefix is the caller's
        url = reverse("programmes:detail", kwargs={"slug": programme.slug})
    return page_section(client.get(f"{language}{url}"), "results")


@pytest.fixture
def framework():
    """A programme with a measured result (baseline, two years, a breakdown) and a described one."""
    programme = ProgrammeFactory()
    share = IndicatorFactory(
        result=ResultFactory(programme=programme, title="Faster case handling", type=Result.Type.OUTCOME),
        title="Cases handled within 30 days",
        measure=PERCENTAGE,
        baseline_year=2019,
        baseline_value=Decimal("12.5"),
    )
    PeriodFactory(indicator=share, start=datetime.date(2020, 1, 1), end=datetime.date(2020, 12, 31), target_value=40)
    year = PeriodFactory(indicator=share, **YEAR_2021, target_value=Decimal("60"), actual_value=Decimal("47.5"))
    DimensionFactory(period=year, of="actual", name="sex", value="female")
    PeriodFactory(
        indicator__result=ResultFactory(programme=programme, title="Agencies work together"),
        indicator__measure=QUALITATIVE,
        indicator__title="Coordination",
        **YEAR_2021,
        actual_comment="Agencies met every quarter",
    )
    return programme


def test_a_measured_indicator_is_a_table_and_a_chart_and_a_described_one_is_words(client, framework):
    results = results_of(client, framework)
    assert '<caption id="indicator-' in results and "Cases handled within 30 days (percentage)" in results
    assert '<th scope="row">Baseline (2019)</th>' in results
    assert '<th scope="row">2021</th> <td class="num">60%' in results
    assert '47.5%<br><span class="note">sex: female</span>' in results
    assert '<th scope="col" class="num">Target</th>' in results
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in results and "<title id=" in results and "<desc id=" in results
    assert "<dt>Actual, 2021</dt><dd>Agencies met every quarter</dd>" in results
    # No source gave the described result a type: said on the page, as is why IATI leaves it out.
    assert "Type not known" in results and "Not in the IATI file:" in results
    assert results.count("Not in the IATI file:") == 1


def test_figures_are_written_as_each_language_writes_them(client, framework):
    assert "47,5 %" in results_of(client, framework, "/fr")
    assert "Línea de base (2019)" in results_of(client, framework, "/es")


def test_the_donor_sees_the_results_of_the_published_programmes_it_funds_only(framework):
    world = donor_world()
    GrantFactory(funder=world.alpha, programme=framework)
    ResultFactory(programme=world.pipeline.programme, title="Pipeline result (unpublished)")
    ResultFactory(programme=world.secret.programme, title="Beta secret result")
    ResultFactory(programme=ProgrammeFactory(), title="Nobody's result")

    results = page_text(client_for(world.a.user).get(reverse("donor:results")))

    assert "Cases handled within 30 days" in results and "Agencies met every quarter" in results
    for hidden in ("Pipeline result", "Beta secret result", "Nobody's result"):
        assert hidden not in results


def test_the_quality_panel_says_what_of_the_results_iati_leaves_out():
    programme = ProgrammeFactory()
    ResultFactory(programme=programme)  # no type, no indicator
    measured = IndicatorFactory(result__programme=programme, result__type=Result.Type.OUTPUT, baseline_value=3)
    PeriodFactory(indicator=measured, target_comment="About forty")

    messages = [p.message for p in programme_problems(programme) if p.field == "results"]

    assert [m.split(" ", 2)[:2] for m in messages] == [["1", "result"], ["1", "indicator"], ["1", "period"]]
