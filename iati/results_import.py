"""The import's writes of a programme's results framework, from what ``iati.results`` read.

Each record is matched so that a re-import updates rather than duplicates: a result by its title
in the programme, an indicator by its title in the result, a period by its dates in the indicator,
a breakdown by what it breaks down and its name. Nothing the file leaves out is deleted, as the
rest of the import deletes nothing; an indicator's unit label, which IATI has no place for, is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model

from iati.records import IndicatorData, PeriodData, ResultData
from programmes.models import Dimension, Indicator, Period, Programme, Result, next_order
from programmes.translation import localized_values

Save = Callable[..., Model]  # ActivityWriter.save(obj, kind, **values)


def import_results(save: Save, programme: Programme, results: list[ResultData]) -> None:
    for data in results:
        result = programme.results.filter(title=data.title).first()
        if result is None:
            result = Result(programme=programme, order=next_order(programme.results))
        values = {"type": data.type, "title": data.title, "aggregation_status": data.aggregation_status}
        if data.description:
            values |= {
                "description": data.description,
                **localized_values("description", data.description_translations),
            }
        save(result, "result", **values, **localized_values("title", data.title_translations))
        for indicator in data.indicators:
            _indicator(save, result, indicator)


def _indicator(save: Save, result: Result, data: IndicatorData) -> None:
    indicator = result.indicators.filter(title=data.title).first()
    if indicator is None:
        indicator = Indicator(result=result, order=next_order(result.indicators))
    values = {
        "title": data.title,
        "measure": data.measure,
        "ascending": data.ascending,
        "baseline_year": data.baseline_year,
        "baseline_value": data.baseline_value,
        "baseline_comment": data.baseline_comment,
        **localized_values("title", data.title_translations),
        **localized_values("baseline_comment", data.baseline_comment_translations),
    }
    if data.description:
        values |= {"description": data.description, **localized_values("description", data.description_translations)}
    save(indicator, "indicator", **values)
    for period in data.periods:
        _period(save, indicator, period)


def _period(save: Save, indicator: Indicator, data: PeriodData) -> None:
    period = indicator.periods.filter(start=data.start, end=data.end).first()
    if period is None:
        period = Period(indicator=indicator, start=data.start, end=data.end)
    values: dict[str, Any] = {}
    for side in ("target", "actual"):
        values |= {
            f"{side}_value": getattr(data, f"{side}_value"),
            f"{side}_comment": getattr(data, f"{side}_comment"),
            **localized_values(f"{side}_comment", getattr(data, f"{side}_comment_translations")),
        }
    save(period, "period", **values)
    for dimension in data.dimensions:
        row = period.dimensions.filter(of=dimension.of, name=dimension.name).first()
        save(row or Dimension(period=period, of=dimension.of, name=dimension.name), "breakdown", value=dimension.value)
