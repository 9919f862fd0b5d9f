"""The map of the Caribbean: the countries where the programme works, highlighted and linked.

The geometry is ``caribbean_map.json``, generated from Natural Earth by
``scripts/build_caribbean_map.py`` (``make map``); it is read once per process.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.db.models import QuerySet

from programmes.models import Country
from programmes.selectors import countries_with_programme_counts

MAP_FILE = Path(__file__).with_name("caribbean_map.json")


@functools.cache
def load_map() -> dict[str, Any]:
    """The generated geometry: viewBox, source and each country's path, labels and markers."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def countries_with_programmes() -> QuerySet[Country]:
    """Caribbean countries with at least one published programme, each with ``programme_count``.

    One query; the counts are the ones the country list shows. Countries outside the region are
    not highlighted, nor those a programme only names (``countries_with_programme_counts``): the
    map shows where the programme works.
    """
    return countries_with_programme_counts(Country.objects.filter(is_caribbean=True)).order_by("name")


def is_on_map(country: Country) -> bool:
    return country.is_caribbean and country.code in load_map()["countries"]


def map_context(countries: Iterable[Country], current: Country | None = None) -> dict[str, Any]:
    """What ``includes/caribbean_map.html`` draws.

    ``countries`` are the ones to highlight, each with ``programme_count``; ``current`` is the
    country whose page this is, drawn more strongly. Highlighted shapes are drawn after the
    others, and the current one last, so that their outlines are not covered by a neighbour's;
    within each group by name, which is also the order the keyboard visits the links.
    """
    geometry = load_map()
    # Countries outside the region may come with the ones a page already counted.
    highlighted = {country.code: country for country in countries if country.is_caribbean}
    shapes = []
    for code, shape in geometry["countries"].items():
        country = highlighted.get(code)
        is_current = current is not None and current.code == code
        if is_current and country is None:
            country = current
        shapes.append(
            {
                "code": code,
                "name": country.name if country else shape["name"],
                "d": shape["d"],
                "country": country,
                "count": getattr(country, "programme_count", 0),
                "is_highlighted": code in highlighted,
                "is_current": is_current,
                "markers": shape.get("markers", []),
                "labels": shape.get("labels", []),
            }
        )
    shapes.sort(key=lambda s: (s["is_current"], s["is_highlighted"], s["name"]))
    listed = sorted(highlighted.values(), key=lambda c: c.name)
    return {
        "view_box": geometry["viewBox"],
        "source": geometry["source"],
        "shapes": shapes,
        "countries": listed,
        "not_drawn": [c for c in listed if c.code not in geometry["countries"]],
        "current": current,
    }
