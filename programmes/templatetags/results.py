"""How the public pages show a results framework: an indicator's figures in the active language,
its periods' names, and its chart (``templates/programmes/includes/results.html``).

The programme page and the donor dashboard show results alike through that partial and this library.
"""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from iomcaribbean.charts import BarChart, Series, bar_chart
from programmes.models import DatePrecision, Indicator, Period, format_partial_date
from programmes.templatetags.programmes_extras import figure

register = template.Library()


@register.filter
def indicator_value(value: Decimal | None, indicator: Indicator) -> str:
    """A target, actual or baseline as the active language writes it: '1,200', '45%' ('45 %' in French)."""
    if value is None:
        return ""
    if indicator.measure == Indicator.Measure.PERCENTAGE:
        return pgettext("a percentage", "%(number)s%%") % {"number": figure(value)}
    return figure(value)


@register.filter
def period_label(period: Period) -> str:
    """'2020' for a calendar year, else its first and last months: 'October 2001 - August 2002' (with an en dash)."""
    start, end = period.start, period.end
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        years = [f"{start:%Y}", f"{end:%Y}"]
        return years[0] if start.year == end.year else " – ".join(years)
    if start.replace(day=1) == end.replace(day=1):
        return format_partial_date(start, DatePrecision.MONTH)
    return " – ".join(format_partial_date(day, DatePrecision.MONTH) for day in (start, end))


def _figures(indicator: Indicator) -> list[Decimal]:
    periods = indicator.periods.all()
    values = [indicator.baseline_value] + [v for p in periods for v in (p.target_value, p.actual_value)]
    return [value for value in values if value is not None]


@register.simple_tag
def indicator_chart(indicator: Indicator, prefix: str = "indicator") -> BarChart | None:
    """``{% indicator_chart indicator as chart %}``: the baseline, then each period's target and actual,
    as bars; None for a qualitative indicator or one with nothing (or a negative figure) to draw."""
    figures = _figures(indicator)
    if indicator.is_qualitative or not figures or min(figures) < 0:
        return None
    periods = list(indicator.periods.all())
    categories = [period_label(period) for period in periods]
    targets: list[Decimal | None] = [period.target_value for period in periods]
    actuals: list[Decimal | None] = [period.actual_value for period in periods]
    if indicator.baseline_value is not None:
        baseline = _("Baseline")
        categories.insert(0, f"{baseline} {indicator.baseline_year}" if indicator.baseline_year else baseline)
        targets.insert(0, None)
        actuals.insert(0, indicator.baseline_value)
    return bar_chart(
        categories,
        [Series(_("Target"), targets), Series(_("Actual"), actuals)],
        id=f"{prefix}-{indicator.pk}",
        title=indicator.title,
        description=_("Targets and actuals by period, after the baseline; the table gives the exact figures."),
        horizontal=True,
        value_format=lambda value: indicator_value(Decimal(str(value)), indicator),
    )
