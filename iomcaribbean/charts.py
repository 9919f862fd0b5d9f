"""Bar charts as SVG geometry, for server-rendered charts that need no JavaScript.

``bar_chart()`` turns categories and series of numbers into bars, ticks, labels and a legend
with coordinates in the chart's own units; ``templates/includes/bar_chart.html`` draws them.
Each series has a fill pattern of its own and every bar carries its value as a direct label,
so a chart can be read without colour, and printed in black and white. It imports no app: the
views decide what to count and how to word it, this module only lays it out.

A time axis stays readable at any range: the vertical layout draws the categories it is told are
gaps (``year_charts``: years with nothing recorded) as marked bands, and thins the category
labels to every 2nd, 5th or 10th year where they would otherwise overlap.

One module: the vertical and the horizontal layouts share the scale, the legend, the text
measures and the records they fill, and nothing else uses them.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

Number = int | float | Decimal

FONT_SIZE = 14
SMALL_FONT_SIZE = 12
CHAR_WIDTH = 0.6  # of the font size: a fair average for a sans-serif, to leave room for text
PATTERNS = 4  # solid, hatched, dotted, cross-hatched; a fifth series reuses the first
GAP_WIDTH = SMALL_FONT_SIZE + 8  # the narrowest a gap is drawn: room for its note, written upwards
LABEL_SPACE = 6  # the least room between two category labels
LABEL_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)  # every how many years a thinned axis names


def compact_number(value: Number) -> str:
    """A short label for a bar or tick: 950, 12.5k, 1.2M, 3bn. Tables beside the chart give exact figures.

    In the active language: its decimal mark and its word for thousands ('12,5 k' in French).
    """
    number = float(value)
    units = (
        (1e9, pgettext("chart label, billions", "%(number)sbn")),
        (1e6, pgettext("chart label, millions", "%(number)sM")),
        (1e3, pgettext("chart label, thousands", "%(number)sk")),
    )
    for limit, pattern in units:
        if abs(number) >= limit:
            return pattern % {"number": _trim(number / limit)}
    return _trim(number)


def _trim(number: float) -> str:
    """At most one decimal for large units, none when it would be .0."""
    rounded = round(number, 1)
    places = 0 if rounded == int(rounded) else 1
    return number_format(rounded, decimal_pos=places, use_l10n=True, force_grouping=True)


def nice_ticks(maximum: float, *, target: int = 5, integer: bool = False) -> list[float]:
    """Tick values from 0 to a round number at or above ``maximum``, about ``target`` steps apart."""
    if maximum <= 0:
        return [0, 1]
    raw = maximum / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if raw <= m * magnitude)
    if integer:
        step = max(1, math.ceil(step))
    count = math.ceil(maximum / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number | None]  # one per category; None draws no bar


@dataclass(frozen=True)
class Bar:
    category: str
    series: int  # index of its series: picks the fill pattern
    series_name: str
    value: Number
    x: float
    y: float
    width: float
    height: float
    label: str  # the value, as printed at the end of the bar ("" when there is no room)
    label_x: float
    label_y: float
    label_anchor: str


@dataclass(frozen=True)
class Tick:
    label: str
    x1: float  # the grid line
    y1: float
    x2: float
    y2: float
    label_x: float
    label_y: float
    label_anchor: str


@dataclass(frozen=True)
class Text:
    text: str
    x: float
    y: float
    anchor: str = "start"


@dataclass(frozen=True)
class Gap:
    """Categories with nothing recorded, drawn as one band with a break in the axis."""

    label: str  # the years and "none recorded"
    x: float
    y: float
    width: float
    height: float
    note: str  # the words written upwards in the band ("" when even the years do not fit)
    note_x: float
    note_y: float
    break_x: float  # the axis is broken under the band: a white gap, two slanted strokes
    break_y: float
    break_path: str


@dataclass(frozen=True)
class LegendItem:
    name: str
    series: int
    x: float  # the swatch, a square of ``size``
    y: float
    size: float
    text_x: float
    text_y: float


@dataclass(frozen=True)
class BarChart:
    id: str  # unique in the page: prefixes the ids of the title, description and patterns
    title: str
    description: str
    width: float
    height: float
    horizontal: bool
    series: list[str]
    bars: list[Bar] = field(default_factory=list)
    ticks: list[Tick] = field(default_factory=list)
    category_labels: list[Text] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    legend: list[LegendItem] = field(default_factory=list)
    axis: tuple[float, float, float, float] = (0, 0, 0, 0)  # the zero line: x1, y1, x2, y2
    font_size: int = FONT_SIZE
    small_font_size: int = SMALL_FONT_SIZE

    @property
    def patterns(self) -> list[int]:
        return sorted({bar.series for bar in self.bars} | {item.series for item in self.legend})


def text_width(text: str, size: float = FONT_SIZE) -> float:
    return len(text) * size * CHAR_WIDTH


def _r(value: float) -> float:
    return round(value, 1)


def bar_chart(
    categories: Sequence[str],
    series: Sequence[Series],
    *,
    id: str,
    title: str,
    description: str = "",
    horizontal: bool = False,
    width: float = 480,
    plot_height: float = 220,
    integer: bool = False,
    value_format: Callable[[Number], str] = compact_number,
    gaps: Collection[int] = (),
) -> BarChart:
    """Lay out a grouped bar chart: one group per category, one bar per series in each group.

    Vertical charts suit a time axis (years along the bottom); horizontal ones suit long
    category names, which sit above their bars rather than being cut short. ``integer``
    keeps the ticks on whole numbers, for counts. ``gaps`` (vertical charts) are the indexes of
    categories with nothing recorded, whose values are all None: each is drawn as a marked gap.
    """
    if not categories or not series:
        raise ValueError("A chart needs at least one category and one series.")
    for one in series:
        if len(one.values) != len(categories):
            raise ValueError(f"Series {one.name!r} has {len(one.values)} values for {len(categories)} categories.")
    values = [float(v) for one in series for v in one.values if v is not None]
    if any(v < 0 for v in values):
        raise ValueError("Bar charts here show amounts and counts, which are never negative.")
    if any(one.values[gap] is not None for gap in gaps for one in series):
        raise ValueError("A gap has nothing recorded: its values are None.")
    ticks = nice_ticks(max(values, default=0), integer=integer)
    options = dict(id=id, title=title, description=description, width=width, value_format=value_format)
    if horizontal:
        return _horizontal(list(categories), list(series), ticks, **options)
    return _vertical(list(categories), list(series), ticks, plot_height=plot_height, gaps=set(gaps), **options)


def _legend(series: list[Series], top: float, left: float) -> tuple[list[LegendItem], float]:
    """Swatches in one row above the plot, only when there are series to tell apart."""
    if len(series) < 2:
        return [], 0
    size, gap, x, items = 14.0, 20.0, left, []
    for index, one in enumerate(series):
        items.append(
            LegendItem(
                name=one.name,
                series=index % PATTERNS,
                x=_r(x),
                y=_r(top),
                size=size,
                text_x=_r(x + size + 6),
                text_y=_r(top + size - 2),
            )
        )
        x += size + 6 + text_width(one.name) + gap
    return items, size + 14


def _slots(count: int, gaps: set[int], plot_width: float) -> list[tuple[float, float]]:
    """Where each category's slot starts and how wide it is: all alike, but a gap never narrower
    than ``GAP_WIDTH`` (the years around it share what is left)."""
    gap_width = group = plot_width / count
    if gaps and group < GAP_WIDTH:
        gap_width = GAP_WIDTH
        group = (plot_width - GAP_WIDTH * len(gaps)) / (count - len(gaps))
    slots, x = [], 0.0
    for index in range(count):
        width = gap_width if index in gaps else group
        slots.append((x, width))
        x += width
    return slots


def thinned(
    labels: list[Text], categories: list[str], *, chart_width: float, landmarks: Collection[int] = ()
) -> list[Text]:
    """The category labels that fit side by side, left to right: all of them, or every 2nd, 5th,
    10th... year (round years: 2000, 2005, 2010), the fewest steps that keep ``LABEL_SPACE``
    between neighbours. The ``landmarks`` (indexes: the first year, the year after a gap) are named
    first, where they fit; the others where they leave room.

    Each label is first kept within the chart's width. Labels that are not years are thinned by
    their position instead.
    """
    labels = [_within(label, chart_width) for label in labels]

    def on_step(index: int, step: int) -> bool:
        category = categories[index]
        return (int(category) if category.isdigit() else index) % step == 0

    def fits(label: Text, kept: list[Text]) -> bool:
        return all(_room_between(*sorted((label, other), key=lambda t: t.x)) >= LABEL_SPACE for other in kept)

    for step in LABEL_STEPS:
        regular = [label for index, label in enumerate(labels) if on_step(index, step)]
        if all(_room_between(a, b) >= LABEL_SPACE for a, b in itertools.pairwise(regular)):
            break
    kept: list[Text] = []
    for label in [labels[index] for index in sorted(landmarks)] + regular:
        if label not in kept and fits(label, kept):
            kept.append(label)
    return sorted(kept, key=lambda label: label.x)


def _within(label: Text, chart_width: float) -> Text:
    half = text_width(label.text) / 2
    return Text(label.text, _r(min(max(label.x, half), chart_width - half)), label.y, label.anchor)


def _room_between(left: Text, right: Text) -> float:
    """Space between two centred labels on one line."""
    return (right.x - text_width(right.text) / 2) - (left.x + text_width(left.text) / 2)


def _vertical(categories, series, ticks, *, id, title, description, width, plot_height, value_format, gaps) -> BarChart:
    top_of_scale = ticks[-1] or 1
    legend, legend_height = _legend(series, top=4, left=0)
    left = max(text_width(value_format(t), SMALL_FONT_SIZE) for t in ticks) + 10
    right = 8
    top = legend_height + SMALL_FONT_SIZE + 8  # room for the value above the tallest bar
    bottom = top + plot_height
    plot_width = width - left - right
    slots = _slots(len(categories), gaps, plot_width)
    group = max(slot_width for index, (_, slot_width) in enumerate(slots) if index not in gaps)
    bar_width = min(group * 0.8 / len(series), 56)
    group_start = (group - bar_width * len(series)) / 2
    label_fits = all(
        text_width(value_format(v), SMALL_FONT_SIZE) <= bar_width + 6 for one in series for v in one.values if v
    )

    bars = []
    for c, category in enumerate(categories):
        for s, one in enumerate(series):
            value = one.values[c]
            if value is None:
                continue
            height = plot_height * float(value) / top_of_scale
            x = left + slots[c][0] + group_start + s * bar_width
            bars.append(
                Bar(
                    category=category,
                    series=s % PATTERNS,
                    series_name=one.name,
                    value=value,
                    x=_r(x),
                    y=_r(bottom - height),
                    width=_r(bar_width),
                    height=_r(height),
                    label=value_format(value) if label_fits else "",
                    label_x=_r(x + bar_width / 2),
                    label_y=_r(bottom - height - 4),
                    label_anchor="middle",
                )
            )
    tick_marks = [
        Tick(
            label=value_format(t),
            x1=_r(left),
            y1=_r(bottom - plot_height * t / top_of_scale),
            x2=_r(width - right),
            y2=_r(bottom - plot_height * t / top_of_scale),
            label_x=_r(left - 6),
            label_y=_r(bottom - plot_height * t / top_of_scale + SMALL_FONT_SIZE / 3),
            label_anchor="end",
        )
        for t in ticks
    ]
    # A gap names its years in its band, not on the axis.
    named = [(c, start, slot_width) for c, (start, slot_width) in enumerate(slots) if c not in gaps]
    labels = thinned(
        [
            Text(categories[c], _r(left + start + slot_width / 2), _r(bottom + FONT_SIZE + 6), "middle")
            for c, start, slot_width in named
        ],
        [categories[c] for c, _, _ in named],
        chart_width=width,
        landmarks={0} | {index for index, (c, _, _) in enumerate(named) if c - 1 in gaps},
    )
    return BarChart(
        id=id,
        title=title,
        description=description,
        width=width,
        height=_r(bottom + FONT_SIZE + 12),
        horizontal=False,
        series=[one.name for one in series],
        bars=bars,
        ticks=tick_marks,
        category_labels=labels,
        gaps=[_gap(categories[c], left + slots[c][0], slots[c][1], top, plot_height) for c in sorted(gaps)],
        legend=legend,
        axis=(_r(left), _r(bottom), _r(width - right), _r(bottom)),
    )


def _gap(years: str, x: float, width: float, top: float, plot_height: float) -> Gap:
    """A gap's band, its note written upwards from the axis: the years and "none recorded", or the
    years alone where the band is too short for both."""
    label = _("%(years)s: none recorded") % {"years": years}
    middle, axis = x + width / 2, top + plot_height
    note = next((text for text in (label, years) if text_width(text, SMALL_FONT_SIZE) <= plot_height - 12), "")
    return Gap(
        label=label,
        x=_r(x),
        y=_r(top),
        width=_r(width),
        height=_r(plot_height),
        note=note,
        note_x=_r(x + width / 2 + SMALL_FONT_SIZE / 3),
        note_y=_r(top + plot_height - 6),
        break_x=_r(middle - 3),
        break_y=_r(axis - 2.5),
        break_path=" ".join(
            f"M{_r(x1)} {_r(axis + 5)} L{_r(x1 + 4)} {_r(axis - 5)}" for x1 in (middle - 5, middle + 1)
        ),
    )


def _horizontal(categories, series, ticks, *, id, title, description, width, value_format) -> BarChart:
    # No plot height: the chart grows with its categories.
    top_of_scale = ticks[-1] or 1
    legend, legend_height = _legend(series, top=4, left=0)
    bar_height = 18.0
    label_height = FONT_SIZE + 6  # the category's name sits on its own line above its bars
    row = label_height + bar_height * len(series) + 12
    left = 2.0
    right = max(text_width(value_format(v), FONT_SIZE) for one in series for v in one.values if v is not None) + 10
    plot_width = width - left - right
    top = legend_height + 4

    bars, labels = [], []
    for c, category in enumerate(categories):
        row_top = top + c * row
        labels.append(Text(text=category, x=_r(left + 6), y=_r(row_top + FONT_SIZE)))
        for s, one in enumerate(series):
            value = one.values[c]
            if value is None:
                continue
            length = plot_width * float(value) / top_of_scale
            y = row_top + label_height + s * bar_height
            bars.append(
                Bar(
                    category=category,
                    series=s % PATTERNS,
                    series_name=one.name,
                    value=value,
                    x=_r(left),
                    y=_r(y),
                    width=_r(length),
                    height=bar_height - 2,
                    label=value_format(value),
                    label_x=_r(left + length + 6),
                    label_y=_r(y + bar_height / 2 + FONT_SIZE / 3),
                    label_anchor="start",
                )
            )
    bottom = top + len(categories) * row
    tick_marks = [
        Tick(
            label=value_format(t),
            x1=_r(left + plot_width * t / top_of_scale),
            y1=_r(top),
            x2=_r(left + plot_width * t / top_of_scale),
            y2=_r(bottom),
            label_x=_r(left + plot_width * t / top_of_scale),
            label_y=_r(bottom + SMALL_FONT_SIZE + 4),
            label_anchor="middle" if t else "start",
        )
        for t in ticks
    ]
    return BarChart(
        id=id,
        title=title,
        description=description,
        width=width,
        height=_r(bottom + SMALL_FONT_SIZE + 8),
        horizontal=True,
        series=[one.name for one in series],
        bars=bars,
        ticks=tick_marks,
        category_labels=labels,
        legend=legend,
        axis=(_r(left), _r(top), _r(left), _r(bottom)),
    )
