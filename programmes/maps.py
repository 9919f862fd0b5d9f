"""The map of the Caribbean: the countries where the programme works, highlighted and linked, and
the points of programmes' locations.

The geometry is ``caribbean_map.json``, generated from Natural Earth by
``scripts/build_caribbean_map.py`` (``make map``); it is read once per process. A point is placed
by the script's projection (equirectangular, x scaled by the cosine of the box's middle latitude),
from the box the file records; the admin's preview (``static/js/location-preview.js``) places the
points staff type by the same formula, from the same numbers.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.db.models import QuerySet

from programmes.map_labels import MARKER_RADIUS, POINT_RADIUS, Label, Placer, Request, circle_box
from programmes.models import Country, Location
from programmes.selectors import countries_with_programme_counts

MAP_FILE = Path(__file__).with_name("caribbean_map.json")


@functools.cache
def load_map() -> dict[str, Any]:
    """The generated geometry: viewBox, source and each country's path, labels and markers."""
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


def projection() -> dict[str, float]:
    """The box the map draws (degrees) and the map's size (viewBox units), for placing points."""
    geometry = load_map()
    west, south, east, north = geometry["box"]
    _, _, width, height = (float(n) for n in geometry["viewBox"].split())
    return {"west": west, "south": south, "east": east, "north": north, "width": width, "height": height}


def map_point(latitude: float, longitude: float) -> tuple[float, float] | None:
    """Where a point lies on the map, in viewBox units; None when it falls outside the map's box."""
    box = projection()
    if not (box["west"] <= longitude <= box["east"] and box["south"] <= latitude <= box["north"]):
        return None
    cos = math.cos(math.radians((box["south"] + box["north"]) / 2))
    scale = box["width"] / ((box["east"] - box["west"]) * cos)
    return round((longitude - box["west"]) * cos * scale, 1), round((box["north"] - latitude) * scale, 1)


def location_points(locations: Iterable[Location]) -> dict[str, list]:
    """The locations a map shows as points (each with ``x``, ``y`` and its ``number``, which the
    location keeps as ``map_number`` for the list beside the map), and those whose point falls outside it."""
    points, off_map = [], []
    for location in locations:
        if not location.has_point:
            continue
        place = map_point(float(location.latitude), float(location.longitude))
        if place is None:
            off_map.append(location)
        else:
            location.map_number = len(points) + 1
            points.append({"location": location, "x": place[0], "y": place[1], "number": location.map_number})
    return {"points": points, "off_map": off_map}


def countries_with_programmes() -> QuerySet[Country]:
    """Caribbean countries with at least one published programme, each with ``programme_count``.

    One query; the counts are the ones the country list shows. Countries outside the region are
    not highlighted, nor those a programme only names (``countries_with_programme_counts``): the
    map shows where the programme works.
    """
    return countries_with_programme_counts(Country.objects.filter(is_caribbean=True)).order_by("name")


def is_on_map(country: Country) -> bool:
    return country.is_caribbean and country.code in load_map()["countries"]


def map_context(
    countries: Iterable[Country], current: Country | None = None, locations: Iterable[Location] = ()
) -> dict[str, Any]:
    """What ``includes/caribbean_map.html`` draws.

    ``countries`` are the ones to highlight, each with ``programme_count``; ``current`` is the
    country whose page this is, drawn more strongly. Highlighted shapes are drawn after the
    others, and the current one last, so that their outlines are not covered by a neighbour's;
    within each group by name, which is also the order the keyboard visits the links. The
    ``locations`` with a point are drawn over the countries (``location_points``).
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
    points = location_points(locations)
    named = [shape for shape in shapes if shape["is_highlighted"] or shape["is_current"]]
    numbered = place_labels(named, points["points"])
    return {
        "view_box": geometry["viewBox"],
        "source": geometry["source"],
        "shapes": shapes,
        "countries": listed,
        "not_drawn": [c for c in listed if c.code not in geometry["countries"]],
        "current": current,
        "numbered": numbered,
        "focus": focus(named),
        **points,
    }


def place_labels(shapes: list[dict[str, Any]], points: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each named shape its ``labels`` (``map_labels.Label``), clear of each other, the
    islands' rings and the locations' points; returns the shapes that got a number instead of a
    name, each with its ``number``, for the list under the map.

    The placement depends only on the shapes' names (in the page's language), which is current,
    and the points; it is worked out once per process for each such set (``_placed``), as most
    pages draw the same map.
    """
    named = tuple((shape["code"], shape["name"], shape["is_current"]) for shape in shapes)
    labels, numbers = _placed(named, tuple((point["x"], point["y"]) for point in points))
    for shape in shapes:
        shape["labels"] = list(labels[shape["code"]])
        if shape["code"] in numbers:
            shape["number"] = numbers[shape["code"]]
    return sorted((shape for shape in shapes if "number" in shape), key=lambda shape: shape["number"])


@functools.lru_cache(maxsize=512)
def _placed(
    named: tuple[tuple[str, str, bool], ...], points: tuple[tuple[float, float], ...]
) -> tuple[dict[str, tuple[Label, ...]], dict[str, int]]:
    """Each named shape's labels and the numbers given instead of a name, by country code.

    The country of the page is placed first, then the large countries (whose names sit on their
    land), then the small islands north to south, so that a chain of islands reads down the map.
    """
    geometry = load_map()["countries"]
    shapes = [
        {"code": code, "name": name, "is_current": is_current, "markers": geometry[code].get("markers", [])}
        for code, name, is_current in named
    ]
    spots = {code: geometry[code].get("labels", []) for code, _, _ in named}
    projection_ = projection()
    obstacles = [circle_box(x, y, MARKER_RADIUS) for shape in shapes for x, y in shape["markers"]]
    # A large country's point (where its name's leader starts): no other name may cover it.
    obstacles += [
        circle_box(x, y - 6, 3) for shape in shapes if not shape["markers"] for x, y, _ in spots[shape["code"]]
    ]
    obstacles += [circle_box(x, y, POINT_RADIUS) for x, y in points]
    placer = Placer(projection_["width"], projection_["height"], obstacles)
    requests = []
    for shape in shapes:
        for index, (x, y, anchor) in enumerate(spots[shape["code"]]):
            # A small island's name starts beside its ring; a large country's sits on its land.
            ring = shape["markers"][index] if index < len(shape["markers"]) else None
            point, radius = (tuple(ring), MARKER_RADIUS) if ring else ((x, y - 6), 0.0)
            requests.append((shape, Request(shape["name"], x, y, anchor, point, radius)))
    requests.sort(key=lambda pair: (not pair[0]["is_current"], bool(pair[0]["markers"]), pair[1].y))
    labels: dict[str, list[Label]] = {shape["code"]: [] for shape in shapes}
    numbers: dict[str, int] = {}
    for shape, request in requests:
        label = placer.place(request)
        if label is None:
            numbers.setdefault(shape["code"], len(numbers) + 1)
            number = dataclasses.replace(request, text=str(numbers[shape["code"]]))
            # Short enough to find room nearly anywhere; on its island's point if nowhere else.
            label = placer.place(number) or Label(number.text, *request.point, "middle")
        labels[shape["code"]].append(label)
    return {code: tuple(placed) for code, placed in labels.items()}, numbers


def focus(shapes: list[dict[str, Any]]) -> float:
    """Where a phone's narrow view of the map opens, as a share of its width: the middle of the
    named countries' points (the middle of the map when none is named)."""
    xs = [x for shape in shapes for x, _ in shape["markers"]] + [
        label.x for shape in shapes for label in shape["labels"]
    ]
    width = projection()["width"]
    return round((min(xs) + max(xs)) / 2 / width, 3) if xs else 0.5
