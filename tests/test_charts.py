"""Bar chart geometry: bars in proportion to their values, round ticks, labels for every bar."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from lxml import etree

from iomcaribbean.charts import Series, bar_chart, compact_number, nice_ticks

SVG = "{http://www.w3.org/2000/svg}"


def years_chart(**kwargs):
    return bar_chart(
        ["2001", "2002", "2003"],
        [Series("Committed", [Decimal("100"), Decimal("0"), Decimal("250")]), Series("Disbursed", [50, None, 250])],
        id="years",
        title="Commitments and disbursements by year, in USD",
        **kwargs,
    )


def test_bars_are_in_proportion_to_their_values_from_a_common_baseline():
    chart = years_chart()
    bars = {(bar.category, bar.series_name): bar for bar in chart.bars}
    assert bars["2003", "Committed"].height == 2.5 * bars["2001", "Committed"].height
    assert bars["2001", "Committed"].height == 2 * bars["2001", "Disbursed"].height
    assert bars["2002", "Committed"].height == 0
    baseline = chart.axis[1]
    assert {bar.y + bar.height for bar in chart.bars} == {baseline}


def test_a_missing_value_draws_no_bar_but_zero_draws_an_empty_one_labelled_0():
    bars = {(bar.category, bar.series_name): bar for bar in years_chart().bars}
    assert ("2002", "Disbursed") not in bars
    assert bars["2002", "Committed"].label == "0"
    assert len(bars) == 5


def test_each_series_has_its_own_pattern_and_the_legend_names_them():
    chart = years_chart()
    assert {bar.series for bar in chart.bars if bar.series_name == "Committed"} == {0}
    assert {bar.series for bar in chart.bars if bar.series_name == "Disbursed"} == {1}
    assert [(item.name, item.series) for item in chart.legend] == [("Committed", 0), ("Disbursed", 1)]
    assert chart.patterns == [0, 1]


def test_a_single_series_needs_no_legend():
    chart = bar_chart(["A", "B"], [Series("Programmes", [3, 1])], id="one", title="One")
    assert chart.legend == []


def test_the_bars_of_a_group_sit_side_by_side_within_the_plot():
    chart = years_chart(width=600)
    for category in ("2001", "2003"):
        committed, disbursed = (bar for bar in chart.bars if bar.category == category)
        assert committed.x + committed.width == pytest.approx(disbursed.x, abs=0.2)
    assert min(bar.x for bar in chart.bars) >= chart.axis[0]
    assert max(bar.x + bar.width for bar in chart.bars) <= chart.axis[2]


def test_ticks_are_round_numbers_from_zero_past_the_largest_value():
    assert nice_ticks(250) == [0, 50, 100, 150, 200, 250]
    assert nice_ticks(37) == [0, 10, 20, 30, 40]
    assert nice_ticks(3, integer=True) == [0, 1, 2, 3]
    assert nice_ticks(0) == [0, 1]
    assert [tick.label for tick in years_chart().ticks] == ["0", "50", "100", "150", "200", "250"]


def test_values_are_labelled_compactly():
    assert [compact_number(v) for v in (0, 950, 12_500, 250_000, 1_200_000, 3_000_000_000)] == [
        "0",
        "950",
        "12.5k",
        "250k",
        "1.2M",
        "3bn",
    ]
    assert compact_number(Decimal("12.50")) == "12.5"
    with translation.override("fr"):  # the unit joined to its number by a no-break space, in the SVG too
        assert [compact_number(v) for v in (12_500, 1_200_000)] == ["12,5\u00a0k", "1,2\u00a0M"]


def test_horizontal_bars_put_each_name_on_its_own_line_above_its_bar():
    chart = bar_chart(
        ["Technical cooperation on migration management", "Counter-trafficking"],
        [Series("Programmes", [4, 2])],
        id="areas",
        title="Programmes by thematic area",
        horizontal=True,
        integer=True,
    )
    first, second = chart.bars
    assert first.width == 2 * second.width
    assert first.x == second.x
    labels = chart.category_labels
    assert [label.text for label in labels] == ["Technical cooperation on migration management", "Counter-trafficking"]
    assert labels[0].y < first.y < labels[1].y < second.y
    assert (first.label, second.label) == ("4", "2")
    assert first.label_x > first.x + first.width


def test_a_chart_refuses_what_it_cannot_draw():
    with pytest.raises(ValueError, match="at least one category"):
        bar_chart([], [Series("Nothing", [])], id="x", title="x")
    with pytest.raises(ValueError, match="has 1 values for 2 categories"):
        bar_chart(["a", "b"], [Series("Short", [1])], id="x", title="x")
    with pytest.raises(ValueError, match="never negative"):
        bar_chart(["a"], [Series("Debt", [-1])], id="x", title="x")


def test_the_template_draws_an_accessible_svg_with_escaped_text():
    chart = bar_chart(
        ["<script>alert(1)</script>", "B & C"],
        [Series("Programmes", [2, 1])],
        id="escaped",
        title="Programmes by <b>area</b>",
        description="Two bars.",
        horizontal=True,
    )
    html = render_to_string("includes/bar_chart.html", {"chart": chart})
    assert "<script>" not in html and "<b>" not in html
    svg = etree.fromstring(html.strip().encode())
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "escaped-title escaped-desc"
    assert svg.find(f"{SVG}title").text == "Programmes by <b>area</b>"
    assert svg.find(f"{SVG}title").get("id") == "escaped-title"
    assert svg.find(f"{SVG}desc").text == "Two bars."
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "<script>alert(1)</script>" in texts and "B & C" in texts
    bars = [rect for rect in svg.iter(f"{SVG}rect") if "chart__bar" in (rect.get("class") or "")]
    assert [bar.get("fill") for bar in bars] == ["url(#escaped-s0)", "url(#escaped-s0)"]
    assert svg.find(f".//{SVG}pattern").get("id") == "escaped-s0"
