"""A programme's results framework in IATI 2.03: ``result/indicator/baseline/period/target/actual``,
with their ``dimension``s and ``comment``s, written and read.

``result_gaps()`` says why a result stays out of the file (the writer, the quality checks and the
public's reasons share it); ``write_results()`` writes the others, at the end of the activity, after
related-activity (the schema's order); ``parse_results()`` reads them back into plain records
(``iati.records.ResultData``...) for ``iati.results_import``. The two mirror each other, so an
export imported again gives the same records (an indicator's unit label, which IATI 2.03 has no
place for, stays in the portal). Texts go out once per language they have, as every narrative does.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from lxml import etree

from iati.activity import texts
from iati.elements import child_attr, narrative, parse_amount, parse_date, translations
from iati.records import DimensionData, IndicatorData, PeriodData, ResultData
from programmes.models import Indicator, Period, Programme, Result

if TYPE_CHECKING:
    from iati.writer import _Writer

QUALITATIVE = Indicator.Measure.QUALITATIVE
HUNDRED = Decimal(100)
BOOLEAN = {"1": True, "true": True, "0": False, "false": False}


# What goes out ----------------------------------------------------------------------------------


def result_gaps(result: Result) -> list[str]:
    """Why ``result`` stays out of the IATI file (empty when it goes in): the field IATI requires and it lacks."""
    gaps = []
    if not result.type:
        gaps.append("type")
    if not result.indicators.all():
        gaps.append("indicators")
    return gaps


def written_results(programme: Programme) -> list[Result]:
    return [result for result in programme.results.all() if not result_gaps(result)]


def baseline_is_written(indicator: Indicator) -> bool:
    """IATI requires a baseline's year, and its value for a measured indicator."""
    if indicator.baseline_year is None:
        return False
    if indicator.measure == QUALITATIVE:
        return bool(indicator.baseline_comment.strip())
    return indicator.baseline_value is not None


def side_is_written(indicator: Indicator, value: Decimal | None, comment: str) -> bool:
    """A target or actual goes out with its value, or, for a qualitative indicator, its words."""
    return bool(comment.strip()) if indicator.measure == QUALITATIVE else value is not None


def unwritten_parts(indicator: Indicator) -> list[str]:
    """What staff entered for ``indicator`` that the file cannot carry, in the quality panel's words."""
    parts = []
    has_baseline = indicator.baseline_value is not None or indicator.baseline_comment.strip()
    if has_baseline and not baseline_is_written(indicator):
        parts.append("its baseline (IATI needs the baseline's year, and its value for a measured indicator)")
    for period in indicator.periods.all():
        for side in ("target", "actual"):
            value, comment = getattr(period, f"{side}_value"), getattr(period, f"{side}_comment")
            entered = value is not None or comment.strip() or any(d.of == side for d in period.dimensions.all())
            if entered and not side_is_written(indicator, value, comment):
                parts.append(f"the {side} of {period} (a measured indicator's {side} needs its value)")
    return parts


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _side(out: _Writer, indicator: Indicator, period: Period, side: str) -> None:
    value, comment = getattr(period, f"{side}_value"), getattr(period, f"{side}_comment")
    if not side_is_written(indicator, value, comment):
        return
    out.start(side, value=None if indicator.measure == QUALITATIVE else _number(value))
    for dimension in period.dimensions.all():
        if dimension.of == side:
            out.leaf("dimension", name=dimension.name, value=dimension.value)
    if comment.strip():
        out.text_element("comment", texts(period, f"{side}_comment"))
    out.end(side)


def write_results(out: _Writer, programme: Programme) -> None:
    """The programme's results, each with its indicators, baselines and periods."""
    for result in written_results(programme):
        aggregation = None if result.aggregation_status is None else str(int(result.aggregation_status))
        out.start("result", type=result.type, **{"aggregation-status": aggregation})
        out.text_element("title", texts(result, "title"))
        if description := texts(result, "description"):
            out.text_element("description", description)
        for indicator in result.indicators.all():
            out.start("indicator", measure=indicator.measure, ascending=str(int(indicator.ascending)))
            out.text_element("title", texts(indicator, "title"))
            if description := texts(indicator, "description"):
                out.text_element("description", description)
            if baseline_is_written(indicator):
                value = None if indicator.measure == QUALITATIVE else _number(indicator.baseline_value)
                out.start("baseline", year=str(indicator.baseline_year), value=value)
                if comment := texts(indicator, "baseline_comment"):
                    out.text_element("comment", comment)
                out.end("baseline")
            for period in indicator.periods.all():
                out.start("period")
                out.leaf("period-start", **{"iso-date": period.start.isoformat()})
                out.leaf("period-end", **{"iso-date": period.end.isoformat()})
                _side(out, indicator, period, "target")
                _side(out, indicator, period, "actual")
                out.end("period")
            out.end("indicator")
        out.end("result")


# What comes in ----------------------------------------------------------------------------------


def _boolean(value: str | None, what: str, reasons: list[str]) -> bool | None:
    if value in (None, ""):
        return None
    if value.strip() not in BOOLEAN:
        reasons.append(f"{what} is '{value}', not true or false")
        return None
    return BOOLEAN[value.strip()]


def _value(element: etree._Element, measure: str, what: str, reasons: list[str]) -> Decimal | None:
    raw = element.get("value")
    if measure == QUALITATIVE or raw in (None, ""):
        return None
    value = parse_amount(raw, what, reasons, positive=False)
    if value is not None and measure == Indicator.Measure.PERCENTAGE and not 0 <= value <= HUNDRED:
        reasons.append(f"{what} is a percentage of {value}, not between 0 and 100")
    return value


def _comment(element: etree._Element, lang: str) -> tuple[str, dict[str, str]]:
    comment = element.find("comment")
    return narrative(comment, lang, keep_lines=True), translations(comment, lang, keep_lines=True)


def _period(element: etree._Element, measure: str, lang: str, what: str, reasons: list[str]) -> PeriodData | None:
    start = parse_date(child_attr(element, "period-start", "iso-date"), f"{what}'s period-start", reasons)
    end = parse_date(child_attr(element, "period-end", "iso-date"), f"{what}'s period-end", reasons)
    if start is None or end is None:
        return None
    if end < start:
        reasons.append(f"{what} ends ({end}) before it starts ({start})")
    period = PeriodData(start, end)
    for side in ("target", "actual"):
        found = element.find(side)
        if found is None:
            continue
        setattr(period, f"{side}_value", _value(found, measure, f"{what}'s {side}", reasons))
        comment, comment_translations = _comment(found, lang)
        setattr(period, f"{side}_comment", comment)
        setattr(period, f"{side}_comment_translations", comment_translations)
        period.dimensions += [
            DimensionData(side, (d.get("name") or "").strip()[:100], (d.get("value") or "").strip()[:100])
            for d in found.findall("dimension")
        ]
    return period


def _indicator(element: etree._Element, lang: str, what: str, reasons: list[str]) -> IndicatorData:
    measure = element.get("measure", "")
    if measure not in Indicator.Measure.values:
        reasons.append(f"{what} has the measure '{measure}'; the portal records 1 (unit), 2 (percentage) and 5")
    title = narrative(element.find("title"), lang)
    if not title or len(title) > 500:
        reasons.append(f"{what} has no title, or one longer than 500 characters")
    indicator = IndicatorData(
        title=title,
        title_translations=translations(element.find("title"), lang, max_length=500),
        description=narrative(element.find("description"), lang, keep_lines=True),
        description_translations=translations(element.find("description"), lang, keep_lines=True),
        measure=measure,
        ascending=_boolean(element.get("ascending"), f"{what}'s ascending", reasons) is not False,
    )
    if (baseline := element.find("baseline")) is not None:
        year = baseline.get("year", "")
        if not (year.isdigit() and len(year) == 4):
            reasons.append(f"{what}'s baseline year '{year}' is not four digits")
        else:
            indicator.baseline_year = int(year)
        indicator.baseline_value = _value(baseline, measure, f"{what}'s baseline", reasons)
        indicator.baseline_comment, indicator.baseline_comment_translations = _comment(baseline, lang)
    for number, period in enumerate(element.findall("period"), start=1):
        if (data := _period(period, measure, lang, f"{what}, period {number}", reasons)) is not None:
            indicator.periods.append(data)
    return indicator


def parse_results(activity: etree._Element, lang: str, reasons: list[str]) -> list[ResultData]:
    """The activity's results, checked; what keeps the activity out goes to ``reasons``."""
    results = []
    for element in activity.findall("result"):
        what = f"the result at line {element.sourceline}"
        type_ = element.get("type", "")
        if type_ not in Result.Type.values:
            reasons.append(f"{what} has the type '{type_}'; the portal records 1 (output), 2 (outcome) and 3 (impact)")
        title = narrative(element.find("title"), lang)
        if not title:
            reasons.append(f"{what} has no title")
        elif len(title) > 500:
            reasons.append(f"{what} has a title longer than 500 characters")
        results.append(
            ResultData(
                type=type_,
                title=title,
                title_translations=translations(element.find("title"), lang, max_length=500),
                description=narrative(element.find("description"), lang, keep_lines=True),
                description_translations=translations(element.find("description"), lang, keep_lines=True),
                aggregation_status=_boolean(element.get("aggregation-status"), f"{what}'s aggregation-status", reasons),
                indicators=[
                    _indicator(indicator, lang, f"{what}, indicator {number}", reasons)
                    for number, indicator in enumerate(element.findall("indicator"), start=1)
                ],
            )
        )
    return results
