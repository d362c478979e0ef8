"""Charts of the kit: one builder (`_dot_chart`) and thin wrappers over it.

Every mark is one row of data with its source; marks that come from the same
kind of source share a symbol and colour, so official and reported figures are
told apart without relying on colour.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from ._data import load
from ._dates import to_date
from ._errors import NoDataError
from ._figure_api import figure_function
from ._figures import FONT, KitFigure, finish
from ._members import country_name, treaty_row
from ._operations import contributions_table, operation_row
from ._sources import short_label, with_source_columns
from ._text import get_language, t

KIND_STYLE = {  # colour (Okabe-Ito) and symbol per kind of source
    "official": ("#0072B2", "circle"),
    "state-media": ("#D55E00", "square"),
    "independent-media": ("#009E73", "diamond"),
    "academic": ("#CC79A7", "triangle-up"),
    "reference": ("#E69F00", "cross"),
    "other": ("#555555", "star"),
}
OUTCOME_STYLE = {
    "assistance-given": ("#0072B2", "circle"),
    "measures-adopted": ("#009E73", "diamond"),
    "consultation-held": ("#56B4E9", "square"),
    "declined-other-response": ("#E69F00", "triangle-up"),
    "refused": ("#D55E00", "x"),
    "no-action": ("#555555", "cross"),
    "disputed": ("#CC79A7", "star"),
    "": ("#999999", "circle-open"),
}
APPROXIMATE = {"about", "at-least", "up-to", "reported"}


def _dot_chart(
    marks: pd.DataFrame,
    *,
    x: str,
    y_labels: list[str],
    y: str,
    style_by: str,
    styles: dict,
    legend_label,
    open_when=None,
    title: str,
    x_title: str = "",
    height_per_row: int = 34,
) -> go.Figure:
    """The one chart builder: a dot per row, y categories spread so no mark hides another.

    ``marks`` needs the columns ``x``, ``y`` (a label from ``y_labels``), ``style_by``
    and ``hover``. Marks sharing a row are spread vertically in a band.
    """
    positions = {label: len(y_labels) - 1 - i for i, label in enumerate(y_labels)}
    marks = marks.copy()
    marks["_n"] = marks.groupby(y).cumcount()
    marks["_count"] = marks.groupby(y)[y].transform("size")
    spread = 0.6
    marks["_y"] = [
        positions[label] + (0 if c == 1 else spread * (n / (c - 1) - 0.5))
        for label, n, c in zip(marks[y], marks["_n"], marks["_count"], strict=True)
    ]
    fig = go.Figure()
    for key, (colour, symbol) in styles.items():
        part = marks[marks[style_by] == key]
        if part.empty:
            continue
        is_open = part.apply(open_when, axis=1) if open_when else pd.Series(False, index=part.index)
        symbols = [
            f"{symbol}-open" if o and not symbol.endswith("open") else symbol for o in is_open
        ]
        fig.add_trace(
            go.Scatter(
                x=part[x],
                y=part["_y"],
                mode="markers",
                name=legend_label(key),
                marker=dict(
                    symbol=symbols, size=13, color=colour, line=dict(width=2, color=colour)
                ),
                text=part["hover"],
                hovertemplate="%{text}<extra></extra>",
            )
        )
    fig.update_layout(
        title=dict(text=title, x=0.01),
        font=FONT,
        hoverlabel=dict(font_size=14),
        height=max(320, 140 + height_per_row * len(y_labels)),
        yaxis=dict(
            tickvals=list(positions.values()),
            ticktext=list(positions.keys()),
            range=[-0.7, len(y_labels) - 0.3],
            gridcolor="#EEEEEE",
            zeroline=False,
        ),
        xaxis=dict(title=x_title, gridcolor="#EEEEEE", zeroline=False),
        legend=dict(orientation="h", y=-0.18, x=0),
        margin=dict(l=10, r=10, t=60, b=90),
        plot_bgcolor="white",
    )
    return fig


def _fmt(n) -> str:
    return f"{int(n):,}"


def contributions_caption(table: pd.DataFrame) -> str:
    """Sentences that say which sources disagree about each country's figure, and by how much."""
    lines = []
    for label, part in table.dropna(subset=["personnel"]).groupby("country", sort=False):
        values = part["personnel"].astype(int)
        if part["source_id"].nunique() == 1 and values.nunique() == 1:
            lines.append(t("contrib.single", country=label, value=_fmt(values.iloc[0])))
        elif values.nunique() == 1:
            lines.append(
                t(
                    "contrib.agree",
                    country=label,
                    n=part["source_id"].nunique(),
                    value=_fmt(values.iloc[0]),
                )
            )
        else:
            low, high = part.loc[values.idxmin()], part.loc[values.idxmax()]
            lines.append(
                t(
                    "contrib.range",
                    country=label,
                    low=_fmt(low["personnel"]),
                    low_src=low["publisher"],
                    high=_fmt(high["personnel"]),
                    high_src=high["publisher"],
                    gap=_fmt(high["personnel"] - low["personnel"]),
                )
            )
    return " ".join(lines)


@figure_function("operation_id")
def contributions_chart(operation_id: str) -> KitFigure:
    """Personnel per contributing country, one mark per source's figure.

    Official, state-media and independent-media figures have their own symbol and
    colour; an open mark is a figure the source gives as approximate, a ceiling,
    a floor or "reported". The caption says where the sources disagree and by how much.

    Parameters
    ----------
    {parameters}

    Returns
    -------
    KitFigure
        ``.table()`` holds every figure with its qualifier, date and source.

    Raises
    ------
    NoDataError
        For an operation the kit has no figures for.
    """
    table = contributions_table(operation_id)
    marks = table.dropna(subset=["personnel"]).copy()
    order = [t("contrib.total")] + sorted(set(marks["country"]) - {t("contrib.total")})
    order = [label for label in order if label in set(marks["country"])]
    marks["hover"] = [
        f"<b>{r.country}</b>: {_fmt(r.personnel)} ({t('qualifier.' + r.qualifier)})"
        + (f"<br>{r.equipment}" if pd.notna(r.equipment) else "")
        + (f"<br>as of {r.as_of}" if pd.notna(r.as_of) else "")
        + f"<br>{t('hover.source', source=short_label(r.source_id, kind=True))}"
        for r in marks.itertuples()
    ]
    name = operation_row(operation_id)["name_en"]
    fig = _dot_chart(
        marks,
        x="personnel",
        y="country",
        y_labels=order,
        style_by="source_kind",
        styles=KIND_STYLE,
        legend_label=lambda k: t("kind." + k),
        open_when=lambda r: r["qualifier"] in APPROXIMATE,
        title=t("contrib.title", name=name),
        x_title=t("contrib.xaxis"),
    )
    caption = contributions_caption(table)
    return finish(fig, table, caption)


@figure_function("operation_id")
def timeline(operation_id: str) -> KitFigure:
    """The events of an operation in date order, each with its source.

    Where sources give different dates for the same step, each version is its
    own line, so the disagreement stays visible.

    Parameters
    ----------
    {parameters}

    Returns
    -------
    KitFigure
        ``.table()`` holds date, text (en, fr) and source of every event.
    """
    row = operation_row(operation_id)
    events = load("events")
    events = events[events["operation_id"] == operation_id]
    if events.empty:
        raise NoDataError(f"The kit holds no timeline for {operation_id!r}.")
    events = with_source_columns(events)
    events["_d"] = events["date"].map(to_date)
    events = events.sort_values(["_d", "event_id"]).drop(columns="_d").reset_index(drop=True)
    text_col = "text_fr" if get_language() == "fr" else "text_en"
    labels = [
        f"{d} · {txt if len(txt) <= 70 else txt[:67] + '…'}"
        for d, txt in zip(events["date"], events[text_col], strict=True)
    ]
    # Identical labels would share a row; number them so each event keeps its own line.
    labels = [f"{lab} ({i + 1})" if labels.count(lab) > 1 else lab for i, lab in enumerate(labels)]
    marks = events.assign(label=labels, x=events["date"].map(lambda d: to_date(d).isoformat()))
    marks["hover"] = [
        f"<b>{r.date}</b><br>{getattr(r, text_col)}<br>"
        + t("hover.source", source=short_label(r.source_id, kind=True))
        for r in marks.itertuples()
    ]
    fig = _dot_chart(
        marks,
        x="x",
        y="label",
        y_labels=labels,
        style_by="source_kind",
        styles=KIND_STYLE,
        legend_label=lambda k: t("kind." + k),
        title=t("timeline.title", name=row["name_en"]),
        height_per_row=26,
    )
    fig.update_yaxes(automargin=True)
    return finish(fig, events)


@figure_function()
def invocations_chart() -> KitFigure:
    """When each collective-defence or consultation clause was invoked, and what followed.

    One row per treaty and article, one mark per invocation as a source records it
    (different sources' versions of the same invocation are separate marks).

    Parameters
    ----------
    {parameters}

    Returns
    -------
    KitFigure
        ``.table()`` holds every invocation with its outcome and source.
    """
    table = with_source_columns(load("invocations"))
    names = {tid: treaty_row(tid)["organisation"] for tid in table["treaty_id"].unique()}
    table["clause"] = [
        f"{names[tid]} ({tid}) Art. {art}" if pd.notna(art) else f"{names[tid]} ({tid})"
        for tid, art in zip(table["treaty_id"], table["article"], strict=True)
    ]
    table["outcome_kind"] = table["outcome_kind"].fillna("")
    undated = int(table["date"].isna().sum())
    table = table.dropna(subset=["date"]).reset_index(drop=True)
    table["x"] = table["date"].map(lambda d: to_date(d).isoformat())
    table["hover"] = [
        f"<b>{r.clause}</b>, {r.date}<br>invoked by: "
        + ", ".join(
            country_name(c) if c != "ALL" else "all parties" for c in str(r.invoked_by).split(";")
        )
        + (f"<br>{r.outcome}" if pd.notna(r.outcome) else "")
        + f"<br>{t('hover.source', source=short_label(r.source_id, kind=True))}"
        for r in table.itertuples()
    ]
    order = sorted(table["clause"].unique())
    fig = _dot_chart(
        table,
        x="x",
        y="clause",
        y_labels=order,
        style_by="outcome_kind",
        styles=OUTCOME_STYLE,
        legend_label=lambda k: t("outcome." + k) if k else "outcome not reported",
        title=t("invocations.title"),
    )
    fig.update_xaxes(type="date")
    fig.update_yaxes(automargin=True)
    caption = (
        f"{len(table)} dated records of invocations from {table['source_id'].nunique()} sources; "
        "where sources differ, each version is its own mark."
        + (
            f" {undated} records whose source gives no date are in load('invocations') only."
            if undated
            else ""
        )
    )
    return finish(fig, table.drop(columns=["hover", "x"]), caption)
