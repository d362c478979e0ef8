"""Country shapes for maps that never leave the machine.

plotly's geo traces draw borders from a world TopoJSON that plotly.js fetches
from its CDN by default. The kit builds its own outline file from
data/countries.parquet (data/world_outline.json, plotly's layout) and hands it
to plotly.js instead: through a Jupyter server route in JupyterLab and Voila
(`topojson_url()`), and inlined once per page in exported HTML (`geo_assets_script()`).
"""

from __future__ import annotations

import functools
import json
import os

import pandas as pd

from ._data import data_key, load, verify

# plotly.js asks for `<topojsonURL><scope>_<resolution>m.json`; the kit always
# draws the world scope (regions are zoomed with lon/lat ranges), at 110m.
TOPOJSON_NAMES = ("world_110m", "world_50m")
ROUTE = "cstokit/geo/"


def outline_bytes() -> bytes:
    """The verified bytes of data/world_outline.json."""
    return verify("world_outline").read_bytes()


def topojson_url() -> str:
    """Where plotly.js should fetch the outline file in a Jupyter server (JupyterLab, Voila).

    The path is absolute on the server that serves the notebook, so the figure
    keeps working when the notebook is saved and reopened. Under JupyterHub the
    server's prefix is honoured; ``CSTOKIT_BASE_URL`` overrides it elsewhere.
    """
    base = os.environ.get("CSTOKIT_BASE_URL") or os.environ.get("JUPYTERHUB_SERVICE_PREFIX") or "/"
    if not base.endswith("/"):
        base += "/"
    return base + ROUTE


ROUTE_FIX = (
    "run `cstokit enable-jupyter` in a terminal of this environment (it writes the Jupyter "
    "server setting a plain install also ships), then restart JupyterLab or Voila"
)


def route_enabled() -> bool:
    """Whether the Jupyter servers of this environment load the kit's outline route.

    Read from the same config files the server reads, so a kernel can tell a student
    before a map draws with no borders.
    """
    from jupyter_core.paths import jupyter_config_path
    from jupyter_server.extension.config import ExtensionConfigManager

    manager = ExtensionConfigManager(read_config_path=jupyter_config_path())
    return bool(manager.enabled("cstokit"))


def geo_assets_js() -> str:
    """JavaScript that gives plotly.js the outline file before any map is drawn.

    plotly.js looks in ``window.PlotlyGeoAssets.topojson[name]`` before it fetches,
    so a page that runs this first draws every map with no request at all. An
    export folder writes it once as a .js file that its pages load by <script src>
    (which works from file://, where fetch does not).
    """
    topo = outline_bytes().decode("utf-8")
    assigns = "".join(f"A.topojson[{json.dumps(n)}]=T;" for n in TOPOJSON_NAMES)
    return (
        "(function(){var T=" + topo + ";"
        "var A=window.PlotlyGeoAssets=window.PlotlyGeoAssets||{};A.topojson=A.topojson||{};"
        + assigns
        + "})();"
    )


def geo_assets_script() -> str:
    """:func:`geo_assets_js` inlined in a <script> element."""
    return "<script>" + geo_assets_js() + "</script>"


def label_points() -> pd.DataFrame:
    """One point inside each country (iso3, lon, lat), for status symbols on maps."""
    return _label_points_cached(data_key("countries"))


@functools.lru_cache(maxsize=2)
def _label_points_cached(_key: tuple) -> pd.DataFrame:
    countries = load("countries")
    # The largest part's representative point: France's symbol sits in Europe, not Guiana.
    points = countries.geometry.map(
        lambda g: max(getattr(g, "geoms", [g]), key=lambda p: p.area).representative_point()
    )
    return pd.DataFrame(
        {
            "iso3": countries["iso3"].to_numpy(),
            "lon": points.x.round(3).to_numpy(),
            "lat": points.y.round(3).to_numpy(),
        }
    )


def extents() -> pd.DataFrame:
    """Each country's main landmass as a box (iso3, lon0, lat0, lon1, lat1), for fitting map views."""
    return _extents_cached(data_key("countries"))


@functools.lru_cache(maxsize=2)
def _extents_cached(_key: tuple) -> pd.DataFrame:
    countries = load("countries")
    # The largest part only: France's box is Europe's, not one reaching to Guiana.
    boxes = countries.geometry.map(
        lambda g: max(getattr(g, "geoms", [g]), key=lambda p: p.area).bounds
    )
    return pd.DataFrame(
        {
            "iso3": countries["iso3"].to_numpy(),
            "lon0": [b[0] for b in boxes],
            "lat0": [b[1] for b in boxes],
            "lon1": [b[2] for b in boxes],
            "lat1": [b[3] for b in boxes],
        }
    )
