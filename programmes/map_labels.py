"""Where the map's country names go: never over another name or a marker, never past the map's edge.

Each name starts where ``caribbean_map.json`` puts it. Where that spot is taken or cut by the edge,
the name moves to the nearest free spot around its country (its island's ring, or the point the
file labels) with a leader line back to it; where none is free, the country gets a number on the
map and its name in the list under it. The boxes are estimated from the name's length at the
largest size the stylesheet draws labels (``LABEL_FONT_SIZE``, on a phone), so they hold at any
width, and in each language: the names are placed as the page gives them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

LABEL_FONT_SIZE = 19.0  # viewBox units: .map__label's font-size in static/css/map.css (15 on wider screens)
CHAR_WIDTH = 0.62  # of the font size, bold sans-serif, with the white halo around the letters
MARKER_RADIUS = 10.0  # the ring round a small island (r="9" and its stroke)
POINT_RADIUS = 12.0  # a location's numbered point
EDGE = 2.0  # the least room between a name and the map's edge
DISTANCES = (16, 32, 52, 76, 104, 136, 172, 212)  # from the country's point, nearest first
ANGLES = range(0, 360, 30)  # degrees, 0 to the right, clockwise (y grows downwards)


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom
        )

    def contains(self, x: float, y: float) -> bool:
        return self.left <= x <= self.right and self.top <= y <= self.bottom

    def nearest(self, x: float, y: float) -> tuple[float, float]:
        return min(max(x, self.left), self.right), min(max(y, self.top), self.bottom)

    def crossed_by(self, start: tuple[float, float], end: tuple[float, float]) -> bool:
        """Whether the segment from ``start`` to ``end`` passes through the box (Liang-Barsky)."""
        (x1, y1), (x2, y2) = start, end
        low, high = 0.0, 1.0
        for p, q in (
            (x1 - x2, x1 - self.left),
            (x2 - x1, self.right - x1),
            (y1 - y2, y1 - self.top),
            (y2 - y1, self.bottom - y1),
        ):
            if p == 0:
                if q < 0:
                    return False
                continue
            t = q / p
            low, high = (max(low, t), high) if p < 0 else (low, min(high, t))
            if low > high:
                return False
        return True


@dataclass(frozen=True)
class Label:
    text: str
    x: float
    y: float  # the baseline
    anchor: str  # SVG text-anchor: start, middle or end
    leader: tuple[float, float, float, float] | None = None  # from the country's point to the name

    @property
    def box(self) -> Box:
        return text_box(self.text, self.x, self.y, self.anchor)


def text_box(text: str, x: float, y: float, anchor: str) -> Box:
    width = len(text) * LABEL_FONT_SIZE * CHAR_WIDTH
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - LABEL_FONT_SIZE * 0.8, left + width, y + LABEL_FONT_SIZE * 0.3)


def circle_box(x: float, y: float, radius: float) -> Box:
    return Box(x - radius, y - radius, x + radius, y + radius)


@dataclass(frozen=True)
class Request:
    """A name to place: the spot the map file gives it and the point of its country it names."""

    text: str
    x: float
    y: float
    anchor: str
    point: tuple[float, float]
    point_radius: float  # how far from the point a leader line starts (the island's ring, or 0)


class Placer:
    """Places names one after another, each clear of the names, leaders and obstacles before it."""

    def __init__(self, width: float, height: float, obstacles: list[Box]) -> None:
        self.bounds = Box(EDGE, EDGE, width - EDGE, height - EDGE)
        self.obstacles = obstacles
        self.placed: list[Label] = []

    def place(self, request: Request) -> Label | None:
        """The first free spot for the name: its own, then around its point, nearest first; None when none is free."""
        # Clear of every point but its own country's.
        obstacles = [obstacle for obstacle in self.obstacles if not obstacle.contains(*request.point)]
        for label in self._candidates(request):
            if self._is_free(label, obstacles):
                self.placed.append(label)
                return label
        return None

    def _candidates(self, request: Request):
        yield Label(request.text, request.x, request.y, request.anchor)
        px, py = request.point
        for distance in DISTANCES:
            for angle in ANGLES:
                dx, dy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
                anchor = "start" if dx > 0.3 else "end" if dx < -0.3 else "middle"
                x, y = px + distance * dx, py + distance * dy
                # Vertically centred on the spot when beside it; above or below it otherwise.
                baseline = y + LABEL_FONT_SIZE * (0.3 if anchor != "middle" else (1.0 if dy > 0 else 0.0))
                box = text_box(request.text, round(x, 1), round(baseline, 1), anchor)
                if box.overlaps(circle_box(px, py, request.point_radius + 2)):
                    continue  # over its own island: the file's spot serves for that
                end = box.nearest(px, py)
                length = math.dist((px, py), end)
                start = (
                    (
                        px + (end[0] - px) * request.point_radius / length,
                        py + (end[1] - py) * request.point_radius / length,
                    )
                    if length
                    else (px, py)
                )
                leader = tuple(round(n, 1) for n in (*start, *end)) if length > request.point_radius + 8 else None
                yield Label(request.text, round(x, 1), round(baseline, 1), anchor, leader)

    def _is_free(self, label: Label, obstacles: list[Box]) -> bool:
        box = label.box
        if not (self.bounds.left <= box.left and box.right <= self.bounds.right):
            return False
        if not (self.bounds.top <= box.top and box.bottom <= self.bounds.bottom):
            return False
        if any(box.overlaps(other.box) for other in self.placed):
            return False
        if any(box.overlaps(obstacle) for obstacle in obstacles):
            return False
        if any(other.leader and box.crossed_by(other.leader[:2], other.leader[2:]) for other in self.placed):
            return False
        if not label.leader:
            return True
        start, end = label.leader[:2], label.leader[2:]
        if any(other.box.crossed_by(start, end) for other in self.placed):
            return False
        # Nor over another island's ring, which would seem to be the one it names.
        return not any(obstacle.crossed_by(start, end) for obstacle in obstacles)
