"""Demo results frameworks: each programme with one to three results, each with a measured and a
qualitative indicator; measured ones with a baseline and one to four yearly periods (some with a
breakdown by sex), qualitative ones with words for their target and actual."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from programmes.models import Dimension, Indicator, Period, Programme, Result

RESULT_TITLES = [
    "Officials apply the new procedures at border posts",
    "Migrants reach health and legal services",
    "Communities prepared for displacement after disasters",
    "Returnees find work or training within a year",
]
MEASURED = [
    ("Officials trained", Indicator.Measure.UNIT, "officials"),
    ("Share of cases handled within the set time", Indicator.Measure.PERCENTAGE, ""),
    ("Migrants assisted", Indicator.Measure.UNIT, "people"),
]
DESCRIBED = "Quality of coordination between the agencies involved"
TYPES = [Result.Type.OUTPUT, Result.Type.OUTCOME, Result.Type.IMPACT]


def results(rng: random.Random, programmes: list[Programme]) -> list[Result]:
    return [
        Result(programme=programme, order=order, title=rng.choice(RESULT_TITLES), type=rng.choice(TYPES))
        for programme in programmes
        for order in range(1, rng.randint(1, 3) + 1)
    ]


def indicators(rng: random.Random, saved_results: list[Result]) -> list[Indicator]:
    rows = []
    for result in saved_results:
        title, measure, unit = rng.choice(MEASURED)
        start_year = result.programme.start_date.year
        top = Decimal(100) if measure == Indicator.Measure.PERCENTAGE else Decimal(rng.randrange(50, 2000))
        rows.append(
            Indicator(
                result=result,
                order=1,
                title=title,
                measure=measure,
                unit_label=unit,
                baseline_year=start_year,
                baseline_value=(top * Decimal(rng.randrange(0, 40)) / 100).quantize(Decimal("0.01")),
            )
        )
        rows.append(
            Indicator(
                result=result,
                order=2,
                title=DESCRIBED,
                measure=Indicator.Measure.QUALITATIVE,
                baseline_year=start_year,
                baseline_comment="Agencies met only when a crisis arose.",
            )
        )
    return rows


def periods(rng: random.Random, saved_indicators: list[Indicator]) -> list[Period]:
    rows = []
    for indicator in saved_indicators:
        first = indicator.baseline_year or 2000
        top = (
            Decimal(100)
            if indicator.measure == Indicator.Measure.PERCENTAGE
            else (indicator.baseline_value or Decimal(0)) * 3 + 10
        )
        for year in range(first, first + rng.randint(1, 4)):
            period = Period(indicator=indicator, start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31))
            if indicator.is_qualitative:
                period.target_comment = "Agencies meet every quarter."
                period.actual_comment = rng.choice(["Agencies met twice.", "Agencies met every quarter."])
            else:
                share = Decimal(rng.randrange(40, 100)) / 100
                period.target_value = (top * (year - first + 1) / 4).quantize(Decimal("0.01")).min(top)
                period.actual_value = (period.target_value * share).quantize(Decimal("0.01"))
            rows.append(period)
    return rows


def dimensions(rng: random.Random, saved_periods: list[Period]) -> list[Dimension]:
    """A breakdown by sex on some measured actuals."""
    return [
        Dimension(period=period, of=Dimension.Of.ACTUAL, name="sex", value=rng.choice(["female", "male"]))
        for period in saved_periods
        if period.actual_value is not None and rng.random() < 0.2
    ]
