"""What every figure of the kit shares: offline config, its numbers as a table, HTML export."""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from ._geo import geo_assets_js, topojson_url
from ._sources import cite_compact, sources_summary

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
        """References for every source this figure draws on: one compact line (how many, of
        which kinds), the full list one click away (see :func:`cstokit.cite`).
        """
        table = self.table()
        return cite_compact(table["source_id"].dropna() if "source_id" in table else [])

    @property
    def caption(self) -> str:
        """A sentence or two a teacher can read out: what the figure shows and from where."""
        return self._kit_caption

    def show(self, *args, **kwargs):  # noqa: D102 - same as plotly's, with the kit's config
        kwargs.setdefault("config", plot_config())
        return super().show(*args, **kwargs)

    def _ipython_display_(self):
        if _has_geo(self) and not _route_ok():
            # Without the kit's route plotly.js finds no borders and draws a blank map:
            # say so, with the fix, above the figure.
            from IPython.display import HTML, display

            from ._geo import ROUTE_FIX
            from ._html import render_macro

            display(HTML(render_macro("macros.html.j2", "route_notice", fix=ROUTE_FIX)))
        pio.show(self, config=plot_config())
        self._show_notes()

    def _show_notes(self) -> None:
        """The caption and the compact sources line under the figure, the list one click away."""
        from IPython.display import HTML, display

        from ._html import render_macro

        refs = self.sources()
        if not refs and not self.caption:
            return
        drawn = {a.text for a in self.layout.annotations}
        caption = self.caption if self.caption not in drawn else ""
        display(
            HTML(
                render_macro(
                    "macros.html.j2",
                    "figure_notes",
                    caption=caption,
                    lines=list(refs),
                    summary=refs.summary,
                )
            )
        )

    def _repr_mimebundle_(self, include=None, exclude=None, validate=True, **kwargs):
        kwargs.setdefault("config", plot_config())
        return super()._repr_mimebundle_(include, exclude, validate, **kwargs)


PLOTLY_MIME = "application/vnd.plotly.v1+json"


def plotly_mime_bundle(fig: go.Figure) -> dict:
    """The figure as plotly's mime type, with the kit's config, for ``display(..., raw=True)``.

    The same bundle ``fig.show()`` sends to JupyterLab and Voila's plotly renderer, built
    without plotly's renderer machinery: that imports nbformat and with it jsonschema's
    format grammars, about 4 s of a teacher-mode kernel's start.
    """
    return {PLOTLY_MIME: {**json.loads(fig.to_json()), "config": plot_config()}}


def finish(fig: go.Figure, table: pd.DataFrame, caption: str = "", *, what: str = "") -> KitFigure:
    """Turn a built figure into a KitFigure with its table, caption and subtitle attached.

    The subtitle says ``what`` the figure shows and when, then how many sources it rests
    on and of which kinds ("14 key events, 2022-01-01 to 2022-01-19 · 12 sources: …").
    """
    # Already validated piece by piece: copying without validating again saves seconds on
    # animations; later edits by a student are validated as usual.
    kit = KitFigure(fig, _validate=False)
    kit._validate = True
    _add_subtitle(kit, what, table["source_id"].dropna() if "source_id" in table else [])
    # The mark lets the kit's server extension recognise its figures in a saved notebook.
    kit.update_layout(meta={KIT_MARK: True})
    kit._kit_table = table.reset_index(drop=True)
    kit._kit_caption = caption
    return kit


GEO_TRACES = ("choropleth", "scattergeo")
# plotly.js's geo bundle (src/cstokit/vendor/, same version as plotly's own plotly.min.js)
# holds these trace types only, and a third of the code to parse: pages whose figures use
# nothing else load it and draw their first map sooner (make bench: first_map_drawn_s).
GEO_BUNDLE_TRACES = {"scatter", "scattergeo", "choropleth"}
GEO_BUNDLE = Path(__file__).parent / "vendor" / "plotly-geo.min.js"


def trace_types(fig: go.Figure | dict) -> set[str]:
    """Every trace type a figure (or its JSON) draws, its animation frames included."""
    data = fig.to_plotly_json() if isinstance(fig, go.Figure) else fig
    traces = list(data.get("data") or [])
    for frame in data.get("frames") or []:
        traces += list(frame.get("data") or [])
    return {trace.get("type") or "scatter" for trace in traces}


def needs_full_plotly(figures) -> bool:
    """Whether any of ``figures`` uses a trace type the geo bundle lacks."""
    return any(not trace_types(f) <= GEO_BUNDLE_TRACES for f in figures)


def plotly_js(full: bool) -> str:
    """plotly.js's source: the full bundle, or the geo bundle of the same version."""
    import plotly.offline

    return plotly.offline.get_plotlyjs() if full else GEO_BUNDLE.read_text(encoding="utf-8")


SUBTITLE_FONT = dict(size=13, color="#444444")
SUBTITLE_ROOM = 20  # pixels added to the top margin for the subtitle


def _add_subtitle(fig: go.Figure, what: str, source_ids) -> None:
    """Title and subtitle on top of every figure; a one-panel map's panel title becomes the title."""
    if not fig.layout.title.text:
        panel_titles = [a for a in fig.layout.annotations if a.yanchor == "bottom" and a.text]
        if len(panel_titles) != 1:
            return
        fig.layout.annotations = [a for a in fig.layout.annotations if a is not panel_titles[0]]
        fig.update_layout(title=dict(text=panel_titles[0].text, x=0.5, xanchor="center"))
    subtitle = " · ".join(part for part in (what, sources_summary(source_ids)) if part)
    fig.update_layout(
        title=dict(
            subtitle=dict(text=subtitle, font=SUBTITLE_FONT),
            y=0.99,
            yref="container",
            yanchor="top",
        ),
        margin_t=(fig.layout.margin.t or 60) + SUBTITLE_ROOM,
    )
    if fig.layout.height:  # the plot area keeps its size: the subtitle's room is added
        fig.update_layout(height=fig.layout.height + SUBTITLE_ROOM)


def _route_ok() -> bool:
    from ._geo import route_enabled

    return route_enabled()


def _has_geo(fig: go.Figure) -> bool:
    return any(trace.type in GEO_TRACES for trace in fig.data)


def to_standalone_html(
    fig: go.Figure,
    *,
    plotlyjs: str = "inline",
    geo: str = "inline",
    title: str | None = None,
    index: str | None = None,
) -> str:
    """The HTML of a page that shows ``fig`` with no Python and no network.

    The page is the kit's template ``figure.html.j2``: plotly's own markup for the figure
    (``plotly.io.to_html`` with ``full_html=False``), plotly.js, the map outline, the
    title, and for a kit figure its caption, its numbers as a table and its sources.

    ``plotlyjs="inline"`` embeds plotly.js: its geo bundle (1.4 MB) when the figure uses
    only scatter, map and choropleth traces, as every kit figure does, else the full 4.8 MB
    bundle. Any other value is taken as the relative URL of a shared plotly.js (used by
    the export folder).
    ``geo="inline"`` embeds the map outline where the figure has a map; any other
    value is the relative URL of a shared file holding ``geo_assets_js()``.
    ``index``, when given, is the relative URL of the page to link back to (the export's
    index.html).
    """
    from ._html import render
    from ._text import get_language

    markup = pio.to_html(
        fig,
        include_plotlyjs=False,
        include_mathjax=False,
        full_html=False,
        config={"displaylogo": False, "responsive": True},
        auto_play=False,
        default_height="85vh",
    )
    columns: list[str] = []
    rows: list[list] = []
    caption, sources, sources_line = "", [], None
    if isinstance(fig, KitFigure):
        table = fig.table()
        columns = [str(c) for c in table.columns]
        rows = table.astype(object).where(table.notna(), "").values.tolist()
        drawn = {a.text for a in fig.layout.annotations}
        caption = fig.caption if fig.caption not in drawn else ""
        refs = fig.sources()
        sources, sources_line = list(refs), refs.summary
    if plotlyjs != "inline":
        markup = _after_deferred(markup)
    has_geo = _has_geo(fig)
    return render(
        "figure.html.j2",
        language=get_language(),
        title=_plain(title or _figure_title(fig) or "cstokit figure"),
        index=index,
        figure=markup,
        plotlyjs=plotly_js(needs_full_plotly([fig])) if plotlyjs == "inline" else "",
        plotlyjs_src=None if plotlyjs == "inline" else plotlyjs,
        geo_js=geo_assets_js() if has_geo and geo == "inline" else "",
        geo_src=geo if has_geo and geo != "inline" else None,
        caption=caption,
        columns=columns,
        rows=rows,
        sources=sources,
        sources_line=sources_line,
    )


_SCRIPT = re.compile(r"(<script\b[^>]*>)(.*?)(</script>)", re.S)


def _after_deferred(markup: str) -> str:
    """Run plotly's drawing script at DOMContentLoaded, after the page's deferred plotly.js.

    A shared plotly.js loaded with ``defer`` is compiled while the browser reads the rest
    of the page (for an animation, a megabyte of frames) instead of before it.
    """
    return _SCRIPT.sub(
        lambda m: (
            m.group(1)
            + "document.addEventListener('DOMContentLoaded',function(){"
            + m.group(2)
            + "});"
            + m.group(3)
        ),
        markup,
    )


def _plain(text: str) -> str:
    """Plotly's rich text (``<b>``, ``<br>``, ``&amp;``) as plain text, for a page title."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def _figure_title(fig: go.Figure) -> str:
    """The figure's title, or, for maps titled by an annotation over each panel, the first one."""
    if fig.layout.title.text:
        return _plain(fig.layout.title.text)
    for note in fig.layout.annotations:
        if note.text and note.yanchor == "bottom":
            return _plain(note.text)
    return ""


def _file_name(fig: go.Figure) -> str:
    """A file name for ``fig`` made from its title (letters, digits and dashes), or "figure"."""
    name = ""
    for word in re.findall(r"\w+", _figure_title(fig).lower()):
        if len(name) + len(word) >= 80:  # whole words only, and short enough for any disk
            break
        name = f"{name}-{word}" if name else word
    return name or "figure"


def save_html(fig: go.Figure, path: str | os.PathLike, *, plotlyjs: str = "inline") -> Path:
    """Save a figure as one HTML file that opens from a USB stick, offline, with no Python.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
        Any figure of the kit (maps keep their in-browser slider), or your own.
    path : str or path-like
        Where to write; ``.html`` is added if missing. An existing file is replaced. A
        folder that does not exist yet is created. When ``path`` is a folder (one that
        exists, or a path ending in ``/``), the file is written inside it and named
        after the figure's title (``contributions.html`` for a title "Contributions"),
        or ``figure.html`` when the figure has no title.
    plotlyjs : str
        ``"inline"`` (default) embeds plotly.js so the file stands alone.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    target = Path(path)
    if target.is_dir() or str(path).endswith(("/", os.sep)):
        target = target / f"{_file_name(fig)}.html"
    elif target.suffix.lower() not in (".html", ".htm"):
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
