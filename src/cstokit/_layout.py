"""Where a mark's text label goes so that no two labels overlap on a projector.

plotly.js draws a scatter label at one of nine positions around its mark and never moves
it out of another label's way. The kit picks the position here, in Python, from the
pixel frame the figure is drawn in: the smallest frame it is made for (a 1280×720
projector), since a wider frame only moves marks apart. A label that fits nowhere is left
out; its mark keeps its hover text and its row in ``.table()``.

The browser tests measure the drawn labels at 1280×720 and 1920×1080 and fail if any two
intersect, so this estimate is checked against what Chromium really draws.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

# Arial's mean advance width is about 0.55 em for mixed text; 0.6 leaves a margin.
CHAR_EM = 0.6
LINE_EM = 1.3
GAP = 3  # pixels between a mark's edge and its label
# A figure's width on a 1280-pixel projector, less the page's margins: the smallest frame
# the kit's figures are made for.
FRAME_WIDTH = 1240
# Tried in this order: above reads first; left and right before below, which a legend
# under the plot may need.
POSITIONS = (
    "top center",
    "top right",
    "top left",
    "middle right",
    "middle left",
    "bottom center",
    "bottom right",
    "bottom left",
)

Box = tuple[float, float, float, float]  # x0, y0, x1, y1, y growing downwards


def text_box(
    x: float, y: float, text: str, position: str, *, font_size: float, radius: float
) -> Box:
    """The box plotly.js gives ``text`` at ``position`` around a mark of ``radius`` at (x, y)."""
    lines = text.split("<br>")
    width = max(len(line) for line in lines) * CHAR_EM * font_size
    height = len(lines) * LINE_EM * font_size
    vertical, horizontal = position.split()
    if horizontal == "center":
        x0 = x - width / 2
    elif horizontal == "right":
        x0 = x + radius * 0.5
    else:
        x0 = x - radius * 0.5 - width
    if vertical == "top":
        y0 = y - radius - GAP - height
    elif vertical == "bottom":
        y0 = y + radius + GAP
    else:
        y0 = y - height / 2
        x0 += (radius + GAP) if horizontal == "right" else -(radius + GAP)
    return (x0, y0, x0 + width, y0 + height)


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    points: Sequence[tuple[float, float]],
    texts: Sequence[str],
    *,
    frame: tuple[float, float],
    font_size: float = 12,
    marker_size: float = 13,
    keep_out: Sequence[Box] = (),
) -> list[str]:
    """A plotly ``textposition`` for each label, or ``""`` where none fits.

    ``points`` are pixel positions inside a plot area of ``frame`` (width, height), y
    growing downwards. Labels are placed in the order given (put the important first):
    each takes the first position that stays inside the frame and overlaps neither a label
    placed before it, nor any mark, nor a ``keep_out`` box. Empty texts get ``""``.
    """
    radius = marker_size / 2
    width, height = frame
    taken: list[Box] = list(keep_out)
    taken += [(x - radius, y - radius, x + radius, y + radius) for x, y in points]
    chosen: list[str] = []
    for (x, y), text in zip(points, texts, strict=True):
        if not text or not all(map(math.isfinite, (x, y))):
            chosen.append("")
            continue
        own = (x - radius, y - radius, x + radius, y + radius)
        for position in POSITIONS:
            box = text_box(x, y, text, position, font_size=font_size, radius=radius)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= width and box[3] <= height
            if inside and not any(_overlap(box, other) for other in taken if other != own):
                taken.append(box)
                chosen.append(position)
                break
        else:
            chosen.append("")
    return chosen


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _mercator_lat(y: float) -> float:
    return math.degrees(2 * math.atan(math.exp(y)) - math.pi / 2)


def mercator_pixels(
    lons: Sequence[float],
    lats: Sequence[float],
    *,
    lon_range: tuple[float, float],
    lat_range: tuple[float, float],
    frame: tuple[float, float],
) -> list[tuple[float, float]]:
    """Pixel positions of points on a plotly mercator map showing ``lon_range`` × ``lat_range``.

    plotly.js scales the ranges' box to fit the frame and centres it, as done here.
    """
    y_of = _mercator_y
    x0, x1 = math.radians(lon_range[0]), math.radians(lon_range[1])
    y0, y1 = y_of(lat_range[0]), y_of(lat_range[1])
    scale = min(frame[0] / (x1 - x0), frame[1] / (y1 - y0))
    left = (frame[0] - scale * (x1 - x0)) / 2
    top = (frame[1] - scale * (y1 - y0)) / 2
    return [
        (left + scale * (math.radians(lon) - x0), top + scale * (y1 - y_of(lat)))
        for lon, lat in zip(lons, lats, strict=True)
    ]


def mercator_fill(
    lon_range: tuple[float, float], lat_range: tuple[float, float], ratio: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Grow a mercator view's ranges until width / height is ``ratio``, so the map fills its frame."""
    (lon0, lon1), (lat0, lat1) = lon_range, lat_range
    w = math.radians(lon1 - lon0)
    y0, y1 = _mercator_y(lat0), _mercator_y(lat1)
    h = y1 - y0
    if w < ratio * h:  # too tall: widen
        grow = math.degrees(ratio * h - w) / 2
        lon0, lon1 = lon0 - grow, lon1 + grow
    else:  # too wide: heighten, about the middle in projected units
        grow = (w / ratio - h) / 2
        lat0, lat1 = _mercator_lat(y0 - grow), _mercator_lat(y1 + grow)
    return (max(lon0, -180.0), min(lon1, 180.0)), (max(lat0, -80.0), min(lat1, 80.0))


def _natural_earth(lam: float, phi: float) -> tuple[float, float]:
    """d3-geo's geoNaturalEarth1 (the projection plotly.js draws "natural earth" with), radians."""
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (
        0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))
    )
    y = phi * (
        1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))
    )
    return x, y


def box_inside_globe(
    projection: str | None, lon_range: tuple[float, float], lat_range: tuple[float, float]
) -> bool:
    """Whether every point of a lon/lat box's drawn frame lies on the globe.

    plotly.js frames such a view by the projected box's bounds. In "mercator" the box is
    the frame. In "natural earth", centred on the box's middle longitude, the frame's
    corners reach past the box's side meridians (widest at the parallel nearest the
    equator): they stay on the globe while that width fits within the antimeridian at
    the box's top and bottom latitudes (with a margin of 2 %).
    """
    (lon0, lon1), (lat0, lat1) = lon_range, lat_range
    if not (-180 <= lon0 < lon1 <= 180 and -90 <= lat0 < lat1 <= 90):
        return False
    if projection == "mercator":
        return -85 < lat0 and lat1 < 85
    if projection != "natural earth":
        return False
    half = math.radians(lon1 - lon0) / 2
    phi0, phi1 = math.radians(lat0), math.radians(lat1)
    widest = 0.0 if phi0 <= 0 <= phi1 else min(phi0, phi1, key=abs)
    frame_half_width = _natural_earth(half, widest)[0]
    return all(frame_half_width <= 0.98 * _natural_earth(math.pi, phi)[0] for phi in (phi0, phi1))


def natural_earth_aspect(lon_range: tuple[float, float], lat_range: tuple[float, float]) -> float:
    """Width / height of a lon/lat box as plotly.js draws it in "natural earth".

    plotly.js centres the projection on the box's middle longitude and fits the projected
    box to the panel; its widest point is the parallel nearest the equator.
    """
    half = math.radians(lon_range[1] - lon_range[0]) / 2
    lat0, lat1 = (math.radians(v) for v in lat_range)
    widest = 0.0 if lat0 <= 0 <= lat1 else min(lat0, lat1, key=abs)
    width = 2 * _natural_earth(half, widest)[0]
    height = _natural_earth(0, lat1)[1] - _natural_earth(0, lat0)[1]
    return width / height


def _bisect(aspect_at, lo: float, hi: float, ratio: float) -> float:
    """The amount in [lo, hi] at which ``aspect_at`` (monotonic) reaches ``ratio``."""
    rising = aspect_at(hi) > aspect_at(lo)
    for _ in range(60):
        mid = (lo + hi) / 2
        if (aspect_at(mid) > ratio) == rising:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2


def natural_earth_fill(
    lon_range: tuple[float, float],
    lat_range: tuple[float, float],
    ratio: float,
    *,
    lat_limits: tuple[float, float] = (-75.0, 85.0),
) -> tuple[tuple[float, float], tuple[float, float]]:
    """Grow a "natural earth" view until its drawn width / height is ``ratio``.

    Panels given the same ``ratio`` come out the same size side by side. A view too tall
    widens in longitude; one too wide gains latitude, evenly while both sides have room up
    to ``lat_limits``, and narrows in longitude only when there is no latitude left to add.
    """
    (lon0, lon1), (lat0, lat1) = lon_range, lat_range

    def wider(g: float):
        return (lon0 - g, lon1 + g), (lat0, lat1)

    def taller(g: float):
        room_down, room_up = lat0 - lat_limits[0], lat_limits[1] - lat1
        down = min(g / 2, room_down)
        up = min(g - down, room_up)
        return (lon0, lon1), (lat0 - min(g - up, room_down), lat1 + up)

    def narrower(c: float):
        return (lon0 + c, lon1 - c), taller(room)[1]

    if natural_earth_aspect(lon_range, lat_range) < ratio:
        room = max(0.0, 360.0 - (lon1 - lon0)) / 2
        if natural_earth_aspect(*wider(room)) <= ratio:
            return wider(room)
        return wider(_bisect(lambda g: natural_earth_aspect(*wider(g)), 0.0, room, ratio))
    room = max(0.0, (lat_limits[1] - lat_limits[0]) - (lat1 - lat0))
    if natural_earth_aspect(*taller(room)) <= ratio:
        return taller(_bisect(lambda g: natural_earth_aspect(*taller(g)), 0.0, room, ratio))
    half = (lon1 - lon0) / 2
    return narrower(_bisect(lambda c: natural_earth_aspect(*narrower(c)), 0.0, half * 0.95, ratio))
