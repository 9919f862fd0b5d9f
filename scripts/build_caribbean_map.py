"""Build programmes/caribbean_map.json, the map the overview and country pages draw.

The geometry is Natural Earth's Admin 0 countries at 1:50m (public domain), as the npm package
world-atlas ships it in TopoJSON. Regenerate with `make map`, which runs `npm ci` in scripts/ and
then this script; it needs only the standard library.

The script decodes the TopoJSON arcs, projects them (equirectangular, scaled by the cosine of the
middle latitude so that shapes are not stretched), simplifies each arc once (so neighbours keep a
shared border), assembles each country's rings, clips them to the Caribbean box and writes SVG
path data keyed by ISO 3166-1 alpha-2 code, in viewBox units.

One file on purpose: `make map` runs it as a stand-alone script, outside Django and with the
standard library only, and its steps read in the order they run, top to bottom.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ATLAS = HERE / "node_modules" / "world-atlas"
DEFAULT_INPUT = ATLAS / "countries-50m.json"
DEFAULT_OUTPUT = HERE.parent / "programmes" / "caribbean_map.json"

# West, south, east and north edges in degrees: Belize and Yucatán to Barbados, the Bahamas to
# Trinidad and the Dutch islands off Venezuela.
BOX = (-92.0, 9.0, -58.0, 28.0)
WIDTH = 1000  # viewBox units; the height follows from the box
TOLERANCE = 0.5  # Douglas-Peucker tolerance in viewBox units (half a pixel at full width)
MIN_RING_AREA = 0.3  # rings smaller than this (in square units) are dropped, unless a country has no other
SMALL_AREA = 150.0  # countries with less land than this (square units) get a marker on each island group
CLUSTER_DISTANCE = 30.0  # island groups: rings within this distance of each other share one marker

Point = tuple[float, float]

# ISO 3166-1 numeric (Natural Earth's ids in world-atlas) to alpha-2, for every country in the box.
NUMERIC_TO_ALPHA2 = {
    "028": "AG",
    "044": "BS",
    "052": "BB",
    "084": "BZ",
    "092": "VG",
    "136": "KY",
    "170": "CO",
    "188": "CR",
    "192": "CU",
    "212": "DM",
    "214": "DO",
    "222": "SV",
    "250": "FR",  # Guadeloupe and Martinique are part of France's shape in Natural Earth
    "308": "GD",
    "320": "GT",
    "332": "HT",
    "340": "HN",
    "388": "JM",
    "484": "MX",
    "500": "MS",
    "533": "AW",  # Aruba left the Netherlands Antilles in 1986, so it is not part of AN
    "558": "NI",
    "591": "PA",
    "630": "PR",
    "652": "BL",
    "659": "KN",
    "660": "AI",
    "662": "LC",
    "663": "MF",
    "670": "VC",
    "780": "TT",
    "796": "TC",
    "840": "US",  # Florida, clipped
    "850": "VI",
    "862": "VE",
}

# The Netherlands Antilles (AN in our data and in IATI) were dissolved in 2010 and Natural Earth has
# no shape for them, so AN is composed of its former members: Curaçao, Sint Maarten, and Bonaire,
# Sint Eustatius and Saba, which Natural Earth draws as the Caribbean part of the Netherlands (the
# box clips away the European part).
NETHERLANDS_ANTILLES = {"531": "Curaçao", "534": "Sint Maarten", "528": "Bonaire, Sint Eustatius and Saba"}

# Names as the portal spells them (Natural Earth abbreviates some); others keep Natural Earth's.
NAMES = {
    "AG": "Antigua and Barbuda",
    "AN": "Netherlands Antilles",
    "BL": "Saint Barthélemy",
    "BS": "Bahamas",
    "DO": "Dominican Republic",
    "FR": "France (Guadeloupe and Martinique)",
    "KN": "Saint Kitts and Nevis",
    "KY": "Cayman Islands",
    "MF": "Saint Martin",
    "TC": "Turks and Caicos Islands",
    "US": "United States",
    "VC": "Saint Vincent and the Grenadines",
    "VG": "British Virgin Islands",
    "VI": "United States Virgin Islands",
}

# Where to write a highlighted country's name: (longitude, latitude, text-anchor), chosen by eye
# so that the names of the portal's countries sit over the sea and do not collide. A country not
# listed gets its name at the centre of its largest ring, or beside each marker.
LABELS: dict[str, list[tuple[float, float, str]]] = {
    "BS": [(-75.2, 25.4, "start")],
    "BB": [(-59.85, 13.75, "middle")],
    "BZ": [(-87.7, 16.6, "start")],
    "DO": [(-69.3, 17.15, "middle")],
    "HT": [(-73.4, 17.5, "middle")],
    "JM": [(-77.3, 17.45, "middle")],
    "TT": [(-61.6, 9.55, "middle")],
    "TC": [(-71.1, 22.2, "start")],
    "AN": [(-68.6, 12.75, "middle"), (-63.1, 18.8, "middle")],
}


# TopoJSON ---------------------------------------------------------------------------------


def decode_arcs(topology: dict) -> list[list[Point]]:
    """The arcs as (longitude, latitude) points, undoing delta encoding and quantisation if used."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (kx, ky), (dx, dy) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for qx, qy in arc:
            x, y = x + qx, y + qy
            points.append((x * kx + dx, y * ky + dy))
        arcs.append(points)
    return arcs


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    """A Polygon or MultiPolygon's polygons, each a list of rings of arc indexes."""
    if geometry.get("type") == "Polygon":
        return [geometry["arcs"]]
    if geometry.get("type") == "MultiPolygon":
        return geometry["arcs"]
    return []


def ring_points(ring: Sequence[int], arcs: Sequence[Sequence[Point]]) -> list[Point]:
    """Join a ring's arcs; a negative index ~i is arc i reversed. Each arc starts where the last ended."""
    points: list[Point] = []
    for index in ring:
        arc = list(arcs[index]) if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


# Projection, simplification, clipping ------------------------------------------------------


class Projection:
    """Equirectangular, with x scaled by cos(middle latitude), fitted to ``width`` across the box."""

    def __init__(self, box: tuple[float, float, float, float], width: float) -> None:
        self.west, self.south, self.east, self.north = box
        self.cos = math.cos(math.radians((self.south + self.north) / 2))
        self.scale = width / ((self.east - self.west) * self.cos)
        self.width = width
        self.height = (self.north - self.south) * self.scale

    def __call__(self, lon: float, lat: float) -> Point:
        return ((lon - self.west) * self.cos * self.scale, (self.north - lat) * self.scale)


def _distance_to_segment(p: Point, a: Point, b: Point) -> float:
    (px, py), (ax, ay), (bx, by) = p, a, b
    dx, dy = bx - ax, by - ay
    if dx == dy == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, keeping both ends (so arcs still meet); a closed arc is split at its far point."""
    if len(points) < 3:
        return list(points)
    if points[0] == points[-1]:
        far = max(range(len(points)), key=lambda i: math.dist(points[0], points[i]))
        if far in (0, len(points) - 1):
            return list(points)
        return simplify(points[: far + 1], tolerance)[:-1] + simplify(points[far:], tolerance)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, 0
        for i in range(first + 1, last):
            d = _distance_to_segment(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def clip(ring: Sequence[Point], width: float, height: float) -> list[Point]:
    """Sutherland-Hodgman against the rectangle (0, 0)-(width, height); the ring is open or closed."""
    edges = [
        (lambda p: p[0] >= 0, lambda a, b: _cross_x(a, b, 0)),
        (lambda p: p[0] <= width, lambda a, b: _cross_x(a, b, width)),
        (lambda p: p[1] >= 0, lambda a, b: _cross_y(a, b, 0)),
        (lambda p: p[1] <= height, lambda a, b: _cross_y(a, b, height)),
    ]
    output = list(ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring)
    for inside, cross in edges:
        points, output = output, []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    output.append(cross(previous, current))
                output.append(current)
            elif inside(previous):
                output.append(cross(previous, current))
    return output


def _cross_x(a: Point, b: Point, x: float) -> Point:
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def _cross_y(a: Point, b: Point, y: float) -> Point:
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def area(ring: Sequence[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, [*ring[1:], ring[0]], strict=True))) / 2


def bounds(points: Iterable[Point]) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def centre(points: Iterable[Point]) -> Point:
    x0, y0, x1, y1 = bounds(points)
    return ((x0 + x1) / 2, (y0 + y1) / 2)


# SVG --------------------------------------------------------------------------------------


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def path_data(rings: Iterable[Sequence[Point]]) -> str:
    """Compact SVG path data: an absolute move, then relative lines between rounded points."""
    parts = []
    for ring in rings:
        rounded = [(round(x * 10), round(y * 10)) for x, y in ring]
        commands = [f"M{_number(rounded[0][0] / 10)} {_number(rounded[0][1] / 10)}l"]
        steps = []
        for (x0, y0), (x1, y1) in itertools.pairwise(rounded):
            if (x0, y0) != (x1, y1):
                steps.append(f"{_number((x1 - x0) / 10)} {_number((y1 - y0) / 10)}")
        commands.append(" ".join(steps).replace(" -", "-"))
        parts.append("".join(commands) + "z")
    return "".join(parts)


def clusters(rings: Sequence[Sequence[Point]], distance: float) -> list[list[Sequence[Point]]]:
    """Group rings whose bounding boxes lie within ``distance`` of each other (island groups)."""
    groups: list[list[Sequence[Point]]] = []
    for ring in rings:
        x0, y0, x1, y1 = bounds(ring)
        near = []
        for group in groups:
            gx0, gy0, gx1, gy1 = bounds(p for r in group for p in r)
            if x0 - gx1 <= distance and gx0 - x1 <= distance and y0 - gy1 <= distance and gy0 - y1 <= distance:
                near.append(group)
        merged = [ring]
        for group in near:
            groups.remove(group)
            merged.extend(group)
        groups.append(merged)
    return groups


# The whole map ----------------------------------------------------------------------------


def build(topology: dict, source: str, box: tuple[float, float, float, float] = BOX, width: float = WIDTH) -> dict:
    """The map as the portal stores it: the box it draws (west, south, east, north, in degrees, from
    which ``programmes.maps`` places points), a viewBox and each country's path, labels and markers."""
    project = Projection(box, width)
    west, south, east, north = box
    arcs = decode_arcs(topology)
    # Each arc projected and simplified once, when a country in the box first needs it.
    projected = _LazyArcs(lambda index: simplify([project(*p) for p in arcs[index]], TOLERANCE))

    rings_by_code: dict[str, list[list[Point]]] = {}
    names: dict[str, str] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = str(geometry.get("id", ""))
        code = "AN" if numeric in NETHERLANDS_ANTILLES else NUMERIC_TO_ALPHA2.get(numeric)
        if code is None:
            continue
        for polygon in polygons_of(geometry):
            # Only the outer ring: no country in the box has a hole (a lake) in this data.
            outer = polygon[0]
            lon_lat = ring_points(outer, arcs)
            lon0, lat0, lon1, lat1 = bounds(lon_lat)
            if lon1 < west or lon0 > east or lat1 < south or lat0 > north:
                continue
            ring = clip(ring_points(outer, projected), project.width, project.height)
            if len(ring) >= 3:
                rings_by_code.setdefault(code, []).append(ring)
                names.setdefault(code, geometry.get("properties", {}).get("name", code))

    countries = {}
    for code in sorted(rings_by_code):
        rings = sorted(rings_by_code[code], key=area, reverse=True)
        rings = [rings[0]] + [r for r in rings[1:] if area(r) >= MIN_RING_AREA]
        entry: dict = {"name": NAMES.get(code, names[code]), "d": path_data(rings)}
        if sum(area(r) for r in rings) < SMALL_AREA:
            entry["markers"] = [
                _rounded(centre(p for r in group for p in r)) for group in clusters(rings, CLUSTER_DISTANCE)
            ]
        if code in LABELS:
            entry["labels"] = [[*_rounded(project(lon, lat)), anchor] for lon, lat, anchor in LABELS[code]]
        elif "markers" in entry:
            entry["labels"] = [[*_rounded((x + 12, y + 5)), "start"] for x, y in entry["markers"]]
        else:
            entry["labels"] = [[*_rounded(centre(rings[0])), "middle"]]
        countries[code] = entry
    return {
        "box": list(box),
        "source": source,
        "viewBox": f"0 0 {_number(project.width)} {_number(project.height)}",
        "countries": countries,
    }


class _LazyArcs(dict):
    """Arcs computed on first use, indexable like the list ``ring_points`` joins."""

    def __init__(self, compute: Callable[[int], list[Point]]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, index: int) -> list[Point]:
        self[index] = self.compute(index)
        return self[index]


def _rounded(point: Point) -> list[float]:
    return [round(point[0], 1), round(point[1], 1)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="world-atlas countries TopoJSON")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    if not args.input.exists():
        print(f"{args.input} is missing: run `npm ci` in {HERE} (or `make map`).", file=sys.stderr)
        return 1
    package = args.input.parent / "package.json"
    version = json.loads(package.read_text())["version"] if package.exists() else "unknown version"
    source = f"Natural Earth 1:50m Admin 0 countries via world-atlas {version}, public domain"
    data = build(json.loads(args.input.read_text()), source)
    args.output.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n")
    print(f"Wrote {args.output} ({args.output.stat().st_size:,} bytes, {len(data['countries'])} countries).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
