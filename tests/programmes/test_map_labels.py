"""The map's names never collide and are never cut at its edge, however many countries it names."""

from __future__ import annotations

import itertools

import pytest

from programmes.map_labels import Box
from programmes.maps import load_map, map_context, projection
from programmes.models import Country


@pytest.mark.parametrize("suffix", ["", " (une traduction plus longue)"], ids=["names", "longer-names"])
def test_with_every_country_named_no_two_labels_meet_and_none_leaves_the_map(suffix):
    countries = [
        Country(code=code, name=shape["name"] + suffix, is_caribbean=True, slug=code.lower())
        for code, shape in load_map()["countries"].items()
    ]
    drawn = map_context(countries)
    labels = [label for shape in drawn["shapes"] for label in shape["labels"]]
    assert len(labels) >= len(countries)  # every country has its name or its number on the map
    for one, other in itertools.combinations(labels, 2):
        assert not one.box.overlaps(other.box), (one.text, other.text)
    size = projection()
    assert all(label.box.left >= 0 and label.box.right <= size["width"] for label in labels)
    assert all(label.box.top >= 0 and label.box.bottom <= size["height"] for label in labels)
    # A name set away from its island points back to it; a number's country is listed under the map.
    assert any(label.leader for label in labels)
    numbered = {shape["name"] for shape in drawn["numbered"]}
    assert numbered == {shape["name"] for shape in drawn["shapes"] if shape.get("number")}
    assert 0 < drawn["focus"] < 1


def test_a_leader_line_that_crosses_a_box_is_seen():
    box = Box(10, 10, 20, 20)
    assert box.crossed_by((0, 15), (30, 15))
    assert not box.crossed_by((0, 0), (30, 5))
    assert box.contains(15, 15) and not box.contains(25, 15)
