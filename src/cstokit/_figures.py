"""What every figure of the kit shares: offline config, its numbers as a table, HTML export."""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from ._geo import geo_assets_script, topojson_url
from ._sources import cite

# Okabe-Ito: told apart under the common colour-vision deficiencies. Colour is
# never the only cue: every status also has its own marker symbol and label.
PALETTE = {
    "member": "#0072B2",
    "signatory": "#56B4E9",
    "frozen": "#E69F00",
    "suspended": "#CC79A7",
    "former": "#F0E442",
    "withdrawing": "#009E73",
    "host": "#D55E00",
    "contributor": "#0072B2",
    "site": "#000000",
}
# Filled shapes with a black outline: an open symbol takes the fill's colour and
# vanishes on its own country.
SYMBOLS = {
    "member": "circle",
    "signatory": "triangle-up",
    "frozen": "diamond",
    "suspended": "square",
    "former": "x",
    "withdrawing": "triangle-down",
    "host": "star",
    "contributor": "circle",
}
KIT_MARK = "cstokit"
FONT = dict(family="Arial, Helvetica, sans-serif", size=14)


def plot_config() -> dict:
    """plotly.js config of every kit figure: borders from the kit's own server route."""
    return {"topojsonURL": topojson_url(), "displaylogo": False, "responsive": True}


class KitFigure(go.Figure):
    """A plotly Figure that draws offline and carries its numbers as a table.

    Shows like any plotly figure; ``fig.table()`` returns the numbers it draws,
    ``fig.sources()`` the references behind them.
    """

    _kit_table: pd.DataFrame | None = None
    _kit_caption: str = ""

    def table(self) -> pd.DataFrame:
        """The numbers this figure draws, one row per mark, with their ``source_id``."""
        return pd.DataFrame() if self._kit_table is None else self._kit_table.copy()

    def sources(self):
        """References for every source this figure draws on (see :func:`cstokit.cite`)."""
        return cite(self.table()) if "source_id" in self.table() else cite([])

    @property
    def caption(self) -> str:
        """A sentence or two a teacher can read out: what the figure shows and from where."""
        return self._kit_caption

    def show(self, *args, **kwargs):  # noqa: D102 - same as plotly's, with the kit's config
        kwargs.setdefault("config", plot_config())
        return super().show(*args, **kwargs)

    def _ipython_display_(self):
        pio.show(self, config=plot_config())

    def _repr_mimebundle_(self, include=None, exclude=None, validate=True, **kwargs):
        kwargs.setdefault("config", plot_config())
        return super()._repr_mimebundle_(include, exclude, validate, **kwargs)


def finish(fig: go.Figure, table: pd.DataFrame, caption: str = "") -> KitFigure:
    """Turn a built figure into a KitFigure with its table and caption attached."""
    # Already validated piece by piece: copying without validating again saves seconds on
    # animations; later edits by a student are validated as usual.
    kit = KitFigure(fig, _validate=False)
    kit._validate = True
    # The mark lets the kit's server extension recognise its figures in a saved notebook.
    kit.update_layout(meta={KIT_MARK: True})
    kit._kit_table = table.reset_index(drop=True)
    kit._kit_caption = caption
    return kit


GEO_TRACES = ("choropleth", "scattergeo")


def _has_geo(fig: go.Figure) -> bool:
    return any(trace.type in GEO_TRACES for trace in fig.data)


def to_standalone_html(
    fig: go.Figure, *, plotlyjs: str = "inline", geo: str = "inline", title: str | None = None
) -> str:
    """The HTML of a page that shows ``fig`` with no Python and no network.

    ``plotlyjs="inline"`` embeds plotly.js (about 4.8 MB); any other value is
    taken as the relative URL of a shared plotly.min.js (used by the export folder).
    ``geo="inline"`` embeds the map outline where the figure has a map; any other
    value is the relative URL of a shared file holding ``geo_assets_js()``.
    """
    include = True if plotlyjs == "inline" else plotlyjs
    page = pio.to_html(
        fig,
        include_plotlyjs=include,
        include_mathjax=False,
        full_html=True,
        config={"displaylogo": False, "responsive": True},
        auto_play=False,
        default_height="85vh",
    )
    title = title or (fig.layout.title.text or "cstokit figure")
    head = f"<title>{html.escape(_plain(title))}</title>"
    if _has_geo(fig):
        head += (
            geo_assets_script()
            if geo == "inline"
            else f'<script src="{html.escape(geo)}"></script>'
        )

    page = page.replace("<head>", "<head>" + head, 1)
    extra = ""
    if isinstance(fig, KitFigure):
        table = fig.table()
        drawn = {a.text for a in fig.layout.annotations}
        if fig.caption and fig.caption not in drawn:
            extra += f"<p class='caption'>{html.escape(fig.caption)}</p>"
        if not table.empty:
            extra += (
                "<details><summary>Numbers as a table</summary>"
                + table.to_html(index=False, na_rep="", border=0, escape=True)
                + "</details>"
            )
        refs = fig.sources()
        if refs:
            extra += "<h2>Sources</h2>" + refs._repr_html_()
    style = (
        "<style>body{font-family:Arial,Helvetica,sans-serif;margin:1em;}"
        "table{border-collapse:collapse;font-size:90%}td,th{padding:2px 6px;"
        "border-bottom:1px solid #ccc;text-align:left}</style>"
    )
    return page.replace("</body>", style + extra + "</body>", 1)


def _plain(text: str) -> str:
    import re

    return re.sub(r"<[^>]+>", "", text)


def save_html(fig: go.Figure, path: str | os.PathLike, *, plotlyjs: str = "inline") -> Path:
    """Save a figure as one HTML file that opens from a USB stick, offline, with no Python.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
        Any figure of the kit (maps keep their in-browser slider), or your own.
    path : str or path-like
        Where to write; ``.html`` is added if missing. An existing file is replaced.
    plotlyjs : str
        ``"inline"`` (default) embeds plotly.js so the file stands alone.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    target = Path(path)
    if target.suffix.lower() not in (".html", ".htm"):
        target = target.with_suffix(target.suffix + ".html")
    target.parent.mkdir(parents=True, exist_ok=True)
    text = to_standalone_html(fig, plotlyjs=plotlyjs)
    # Written beside the target and renamed: an interrupted save never leaves half a file.
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=target.parent, delete=False, suffix=".tmp"
    ) as handle:
        handle.write(text)
    os.replace(handle.name, target)
    return target
