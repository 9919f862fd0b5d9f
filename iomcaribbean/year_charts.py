"""Charts and tables along years: the years with something recorded, and each run of years
without between them as one gap, so that a range of thirty years reads as well as one of three.

``years_and_gaps`` is the one answer for a chart and the table beside it; ``year_chart`` lays the
chart out with ``charts.bar_chart``, which draws the gaps as marked bands.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from iomcaribbean.charts import BarChart, Number, Series, bar_chart


@dataclass(frozen=True)
class YearGap:
    """Years with nothing recorded between two years with something."""

    first: int
    last: int

    @property
    def years(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


def years_and_gaps(years: Iterable[int]) -> list[int | YearGap]:
    """``years`` oldest first, each run of years missing between two of them as one ``YearGap``.

    A chart and the table beside it show the same: a gap of seven years is one band and one row,
    not seven empty bars or seven rows of zeros.
    """
    found: list[int | YearGap] = []
    for year in sorted(set(years)):
        if found and year > found[-1] + 1:
            found.append(YearGap(found[-1] + 1, year - 1))
        found.append(year)
    return found


def year_chart(
    amounts: Mapping[int, Sequence[Number]], names: Sequence[str], *, description: str, **options
) -> BarChart:
    """A vertical chart of ``amounts`` ({year: one value per series named in ``names``}).

    Years whose values are all zero are left out, and each run of years without a bar is one
    marked gap (``years_and_gaps``), which the description names.
    """
    drawn = {year: values for year, values in amounts.items() if any(values)}
    slots = years_and_gaps(drawn)
    gaps = [index for index, slot in enumerate(slots) if isinstance(slot, YearGap)]
    if gaps:
        missing = ", ".join(slots[index].years for index in gaps)
        description = " ".join(
            [description, _("Nothing is recorded in %(years)s: gaps mark them.") % {"years": missing}]
        )
    return bar_chart(
        [slot.years if isinstance(slot, YearGap) else str(slot) for slot in slots],
        [
            Series(name, [None if isinstance(slot, YearGap) else drawn[slot][index] for slot in slots])
            for index, name in enumerate(names)
        ],
        description=description,
        gaps=gaps,
        **options,
    )
