"""The teacher dashboard: a map, a year slider, the treaty's article, contributions, sources.

notebooks/teacher/dashboard.ipynb calls :func:`dashboard`; `cstokit present` serves that
notebook with Voila. Every panel catches its own errors and shows a short message
instead of a traceback: the audience never sees code.
"""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd

from ._dates import to_date
from ._errors import CstokitError, NoDataError
from ._html import render_macro

log = logging.getLogger("cstokit.dashboard")

LANGUAGE_NAMES = {
    "en": "English",
    "fr": "Français",
    "ru": "Русский",
    "de": "Deutsch",
    "es": "Español",
    "pt": "Português",
    "kk": "Қазақ тілі",
}
YEARS_AROUND = 3  # the slider runs from a few years before signature to a few after the end
MAP_HEIGHT = 560


def _panel(macro: str, /, **arguments: object) -> str:
    """One panel's HTML: a macro of templates/dashboard.html.j2."""
    return render_macro("dashboard.html.j2", macro, **arguments)


def _notice(message: str, summary: str | None = None) -> str:
    return _panel("notice", message=message, summary=summary)


def _friendly(exc: Exception) -> str:
    """What the audience may read about a failure: the kit's own message, never a traceback."""
    if isinstance(exc, CstokitError):
        return str(exc).split("\n")[0][:400]
    return f"the kit could not do this ({type(exc).__name__})."


class Dashboard:
    """The widgets of the dashboard and what happens when one changes."""

    def __init__(self, treaty: str = "cst", year: int = 2022, operation: str | None = None):
        import ipywidgets as w
        import plotly.io as pio

        from ._data import load
        from ._members import treaty_ids
        from ._operations import operation_ids

        # Figures go to the page as plotly's mime type (drawn by the plotly extension
        # Voila loads, with the kit's offline config); plotly's "notebook" renderer would
        # also send all of plotly.js through the kernel on the first figure.
        pio.renderers.default = "plotly_mimetype"
        self.w = w
        self.treaties = load("treaties").set_index("treaty_id")
        self.today = dt.date.today()
        self.map_fig = None
        self.chart_fig = None
        self.article_text = None
        self.article_note = ""
        self._quiet = False
        self._provision = None

        options = []
        for tid in treaty_ids():
            row = self.treaties.loc[tid]
            name = row["name_en"] if len(row["name_en"]) <= 58 else row["name_en"][:56] + "…"
            options.append((f"{row['organisation']} · {name}", tid))
        if treaty not in dict((v, k) for k, v in options):
            treaty = options[0][1]
        ops = load("operations").set_index("operation_id")
        with_figures = set(load("contributions")["operation_id"])
        self.operations = ops
        op_options = [(ops.loc[o, "name_en"], o) for o in operation_ids() if o in with_figures]
        self.op_of_treaty = {}
        for label_op in op_options:
            self.op_of_treaty.setdefault(ops.loc[label_op[1], "treaty_id"], label_op[1])

        label_style = {"description_width": "initial"}
        self.treaty = w.Dropdown(
            options=options,
            value=treaty,
            description="Treaty",
            style=label_style,
            layout=w.Layout(width="560px"),
        )
        low, high = self._year_range(treaty)
        self.year = self._year_slider(low, high, year)
        self.language = w.ToggleButtons(options=[], style={"button_width": "auto"})
        self.operation = w.Dropdown(
            options=op_options,
            value=operation
            if operation in dict((v, k) for k, v in op_options)
            else self.op_of_treaty.get(treaty, op_options[0][1] if op_options else None),
            description="Operation",
            style=label_style,
            layout=w.Layout(width="720px"),
        )
        self.show_sources = w.ToggleButton(
            value=False,
            description="Show sources",
            tooltip="Show the references of the map, the article and the chart",
            layout=w.Layout(width="200px"),
        )

        self.map_out = w.Output(layout=w.Layout(min_height=f"{MAP_HEIGHT}px"))
        self.map_caption = w.HTML()
        self.article_html = w.HTML()
        self.chart_out = w.Output()
        self.chart_caption = w.HTML()
        self.sources_html = w.HTML(layout=w.Layout(display="none"))

        controls = w.VBox(
            [w.HBox([self.treaty, self.show_sources]), self.year],
            layout=w.Layout(width="100%"),
        )
        controls.add_class("cstokit-controls")
        self.controls = controls
        self.root = w.VBox(
            [
                w.HTML(_panel("style")),
                controls,
                self.sources_html,
                self.map_out,
                self.map_caption,
                w.HTML(_panel("heading", text="The collective-defence article")),
                self.language,
                self.article_html,
                w.HTML(_panel("heading", text="Who sent how many troops: every source's figure")),
                self.operation,
                self.chart_out,
                self.chart_caption,
                w.HTML(_panel("keys")),
            ],
            layout=w.Layout(width="100%"),
        )
        self.root.add_class("cstokit-dash")

        self.treaty.observe(self._on_treaty, names="value")
        self.language.observe(self._on_language, names="value")
        self.operation.observe(self._on_operation, names="value")
        self.show_sources.observe(self._on_show_sources, names="value")

        self._render_map()
        self._load_article()
        self._render_chart()
        self._render_sources()

    # -- what the controls do -------------------------------------------------------------

    def _year_range(self, treaty_id: str) -> tuple[int, int]:
        row = self.treaties.loc[treaty_id]
        first = int(str(row["signed"])[:4]) - YEARS_AROUND
        last = self.today.year
        if pd.notna(row["ended"]):
            last = min(last, int(str(row["ended"])[:4]) + YEARS_AROUND)
        return first, last

    def _year_slider(self, low: int, high: int, value: int):
        slider = self.w.IntSlider(
            value=min(max(value, low), high),
            min=low,
            max=high,
            step=1,
            description="Year",
            continuous_update=False,
            readout=True,
            style={"description_width": "initial"},
            layout=self.w.Layout(width="auto", flex="1 1 auto"),
        )
        slider.observe(self._on_year, names="value")
        return slider

    def _on_treaty(self, change) -> None:
        treaty_id = change["new"]
        low, high = self._year_range(treaty_id)
        # A new slider for the new treaty's years: the browser's slider keeps its first range
        # for the Home and End keys when only min and max change.
        old = self.year
        self.year = self._year_slider(low, high, old.value)
        self.controls.children = [self.controls.children[0], self.year]
        old.close()
        op = self.op_of_treaty.get(treaty_id)
        self._render_map()
        self._load_article()
        if op is not None and op != self.operation.value:
            self.operation.value = op  # re-renders the chart and the sources
        else:
            self._render_sources()

    def _on_year(self, _change) -> None:
        self._render_map()
        # The wording in force changes with the date (the CST's Art. 4 was rewritten in 2010).
        self._load_article()
        self._render_sources()

    def _on_language(self, _change) -> None:
        if self._quiet:
            return
        self._render_article()
        self._render_sources()

    def _on_operation(self, _change) -> None:
        self._render_chart()
        self._render_sources()

    def _on_show_sources(self, change) -> None:
        self.sources_html.layout.display = "block" if change["new"] else "none"
        self.show_sources.description = "Hide sources" if change["new"] else "Show sources"

    # -- panels ---------------------------------------------------------------------------

    def map_date(self) -> dt.date:
        """31 December of the chosen year, or today in the current year."""
        return min(dt.date(self.year.value, 12, 31), self.today)

    def _show(self, build, out, caption_widget, what: str):
        """Draw ``build()``'s (figure, caption) into a panel, or say in a sentence why not."""
        try:
            fig, caption = build()
        except Exception as exc:  # noqa: BLE001 - the audience sees a sentence, the log the rest
            log.exception("%s failed", what)
            out.clear_output()
            caption_widget.value = _notice(f"This {what} cannot be drawn: {_friendly(exc)}")
            return None
        with out:
            out.clear_output(wait=True)
            # The figure alone: the panel has its own caption and sources line.
            fig.show()
        caption_widget.value = _panel("caption", text=caption)
        return fig

    def _render_map(self) -> None:
        from ._maps import member_map

        def build():
            fig = member_map(self.treaty.value, self.map_date())
            caption = fig.caption
            fig.layout.annotations = [a for a in fig.layout.annotations if a.text != caption]
            fig.update_annotations(font_size=24)
            fig.update_layout(
                height=MAP_HEIGHT,
                font_size=18,
                legend=dict(font_size=20, y=-0.01),
                hoverlabel_font_size=18,
                margin=dict(l=5, r=5, t=60, b=40),
            )
            fig.update_traces(marker_size=13, selector=dict(type="scattergeo"))
            return fig, caption

        self.map_fig = self._show(build, self.map_out, self.map_caption, "map")

    def _defence_article(self, treaty_id: str):
        from ._treaties import provision

        return provision(treaty_id, "defense")

    def _load_article(self) -> None:
        from ._treaties import languages_on

        treaty_id = self.treaty.value
        try:
            provision = self._defence_article(treaty_id)
            languages: list[str] = []
            if provision is not None:
                signed = to_date(self.treaties.loc[treaty_id, "signed"])
                try:
                    # The languages of the wording in force on the map's date, authentic first.
                    languages = languages_on(
                        treaty_id, str(provision["article"]), max(self.map_date(), signed)
                    )
                except CstokitError:
                    languages = []
            self._provision = provision
            options = [(LANGUAGE_NAMES.get(x, x), x) for x in languages]
            self._quiet = True
            try:
                keep = self.language.value
                self.language.options = options
                if options:
                    self.language.value = keep if keep in languages else options[0][1]
            finally:
                self._quiet = False
            self.language.layout.display = "flex" if len(options) > 1 else "none"
        except Exception as exc:  # noqa: BLE001
            log.exception("article failed")
            self._provision = None
            self.language.options = []
            self.article_text = None
            self.article_html.value = _notice(f"The article cannot be shown: {_friendly(exc)}")
            return
        self._render_article()

    def _render_article(self) -> None:
        from ._treaties import article, official_publisher

        treaty_id = self.treaty.value
        provision = getattr(self, "_provision", None)
        name = self.treaties.loc[treaty_id, "name_en"]
        self.article_text = None
        try:
            if provision is None:
                self.article_html.value = _notice(
                    f"The kit records no collective-defence article for the {name} "
                    "(data/provisions.csv). Choose another treaty, or read the treaty text at "
                    f"{official_publisher(treaty_id)}."
                )
                return
            number = str(provision["article"])
            # The provision's one-line summary helps where the kit holds no text to quote.
            summary = provision["note"] if pd.notna(provision["note"]) else None
            if not self.language.options:
                self.article_html.value = _notice(
                    f"The kit holds no text of Article {number} of the {name}. The official "
                    f"text is published by {official_publisher(treaty_id)}.",
                    summary,
                )
                return
            signed = to_date(self.treaties.loc[treaty_id, "signed"])
            try:
                text = article(
                    treaty_id, number, self.language.value, at=max(self.map_date(), signed)
                )
            except NoDataError as exc:
                self.article_html.value = _notice(str(exc), summary)
                return
            self.article_text = text
            self.article_html.value = _panel(
                "article",
                text=text,
                treaty_name=name,
                language_name=LANGUAGE_NAMES.get(text.language, text.language),
            )
        except Exception as exc:  # noqa: BLE001
            log.exception("article failed")
            self.article_html.value = _notice(f"The article cannot be shown: {_friendly(exc)}")

    def _render_chart(self) -> None:
        from ._charts import contributions_chart

        if self.operation.value is None:
            self.chart_caption.value = _notice("The kit holds no contribution figures.")
            return

        def build():
            fig = contributions_chart(self.operation.value)
            fig.update_layout(
                font_size=18,
                title_font_size=22,
                legend_font_size=18,
                hoverlabel_font_size=18,
                height=max(360, (fig.layout.height or 360) + 80),
            )
            fig.update_traces(marker_size=16)
            return fig, fig.caption

        self.chart_fig = self._show(build, self.chart_out, self.chart_caption, "chart")

    def _render_sources(self) -> None:
        from ._sources import cite

        try:
            parts = []
            if self.map_fig is not None:
                organisation = self.treaties.loc[self.treaty.value, "organisation"]
                parts.append(
                    (f"Map ({organisation}, {self.map_date().isoformat()})", self.map_fig.sources())
                )
            if self.article_text is not None:
                parts.append(("Article text", cite(self.article_text.source_id)))
            if self.chart_fig is not None:
                parts.append((f"Contributions ({self.operation.value})", self.chart_fig.sources()))
            self.sources_html.value = _panel("sources", parts=parts)
        except Exception as exc:  # noqa: BLE001
            log.exception("sources failed")
            self.sources_html.value = _notice(f"The sources cannot be listed: {_friendly(exc)}")


def dashboard(treaty: str = "cst", year: int = 2022, operation: str | None = "csto_kaz_2022"):
    """Build the dashboard and return its root widget (display it, or let Voila show it)."""
    try:
        return Dashboard(treaty=treaty, year=year, operation=operation).root
    except Exception as exc:  # noqa: BLE001
        import ipywidgets as w

        log.exception("dashboard failed")
        return w.HTML(
            _panel(
                "failed",
                message=f"The dashboard could not start: {_friendly(exc)} "
                "Run `.venv/bin/cstokit doctor` on this computer for a fix.",
            )
        )
