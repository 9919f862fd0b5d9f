"""Charts along years stay readable at any range: empty years are one marked gap, never a zero
bar or row each, and the year labels along the axis never overlap."""

from __future__ import annotations

import itertools

import pytest
from django.template.loader import render_to_string
from lxml import etree

from iomcaribbean.charts import LABEL_SPACE, text_width
from iomcaribbean.year_charts import YearGap, year_chart, years_and_gaps

SVG = "{http://www.w3.org/2000/svg}"


def chart(amounts, **options):
    return year_chart(amounts, ["Committed", "Disbursed"], id="years", title="By year", description="Bars.", **options)


def test_each_run_of_missing_years_is_one_gap():
    assert years_and_gaps([2007, 2000, 2001, 2005]) == [
        2000,
        2001,
        YearGap(2002, 2004),
        2005,
        YearGap(2006, 2006),
        2007,
    ]
    assert [YearGap(2002, 2004).years, YearGap(2006, 2006).years] == ["2002–2004", "2006"]
    assert years_and_gaps([]) == []


def test_years_with_nothing_are_a_marked_gap_that_the_description_names():
    drawn = chart({1999: (5, 1), 2000: (0, 0), 2001: (0, 2), 2009: (4, 4)})
    assert {bar.category for bar in drawn.bars} == {"1999", "2001", "2009"}
    assert [(gap.label, gap.note) for gap in drawn.gaps] == [
        ("2000: none recorded", "2000: none recorded"),
        ("2002–2008: none recorded", "2002–2008: none recorded"),
    ]
    assert drawn.description == "Bars. Nothing is recorded in 2000, 2002–2008: gaps mark them."
    # A gap band stands on the axis, between the bars of the years around it.
    axis = drawn.axis[1]
    gap = drawn.gaps[1]
    before, after = (bar for bar in drawn.bars if bar.category in ("2001", "2009") and bar.series_name == "Committed")
    assert before.x < gap.x < gap.x + gap.width < after.x
    assert gap.y + gap.height == axis

    svg = etree.fromstring(render_to_string("includes/bar_chart.html", {"chart": drawn}).strip().encode())
    bands = [rect for rect in svg.iter(f"{SVG}rect") if rect.get("class") == "chart__gap"]
    assert [band.find(f"{SVG}title").text for band in bands] == ["2000: none recorded", "2002–2008: none recorded"]
    assert len([path for path in svg.iter(f"{SVG}path") if path.get("class") == "chart__axis-break"]) == 2


def label_boxes(drawn) -> list[tuple[float, float]]:
    return [
        (label.x - text_width(label.text) / 2, label.x + text_width(label.text) / 2) for label in drawn.category_labels
    ]


@pytest.mark.parametrize("years", [8, 25, 60])
def test_year_labels_never_overlap_and_stay_in_the_chart_at_any_range(years):
    # A gap every seventh year, from 1973.
    amounts = {1970 + index: (index, 1) for index in range(years) if index % 7 != 3}
    drawn = chart(amounts)
    boxes = label_boxes(drawn)
    assert all(right + LABEL_SPACE <= left for (_, right), (left, _) in itertools.pairwise(boxes))
    assert boxes[0][0] >= 0 and boxes[-1][1] <= drawn.width
    named = [label.text for label in drawn.category_labels]
    if years == 8:
        assert named == [str(year) for year in sorted(amounts)]  # room for every year
    else:
        assert len(named) < len(amounts)
    # The first year and a year after a gap are named first, where they fit (60 years leave no room
    # for 1974 beside 1970).
    assert named[0] == "1970"
    assert ("1974" in named) == (years < 60)
