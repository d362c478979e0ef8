"""Charts of the kit: one builder (`_dot_chart`) and thin wrappers over it.

Every mark is one row of data with its source; marks that come from the same
kind of source share a symbol and colour, so official and reported figures are
told apart without relying on colour.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from ._data import enum_values, load
from ._dates import to_date
from ._errors import NoDataError
from ._figure_api import figure_function
from ._figures import FONT, KitFigure, finish
from ._layout import FRAME_WIDTH, place_labels
from ._members import treaty_row
from ._operations import contributions_table, operation_row
from ._sources import short_label, source_kind, split_ids, with_source_columns
from ._text import get_language, localized, show_date, show_number, t

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
# What a troop figure counts (contributions.counts): colour and symbol, Okabe-Ito.
COUNT_STYLE = {
    "planned": ("#E69F00", "triangle-up"),
    "deployed": ("#0072B2", "circle"),
    "reported": ("#CC79A7", "diamond"),
    "estimate": ("#555555", "square"),
}


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
    margin: dict | None = None,
) -> go.Figure:
    """The one chart builder: a dot per row, y categories spread so no mark hides another.

    ``marks`` needs the columns ``x``, ``y`` (a label from ``y_labels``), ``style_by``
    and ``hover``. Marks sharing a row are spread vertically in a band.
    """
    margin = dict(l=10, r=10, t=60, b=90) | (margin or {})
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
        # Each row gets its height in the plot area, whatever the margins around it.
        height=max(320, margin["t"] + margin["b"] + round(height_per_row * (len(y_labels) + 0.4))),
        yaxis=dict(
            tickvals=list(positions.values()),
            ticktext=list(positions.keys()),
            range=[-0.7, len(y_labels) - 0.3],
            gridcolor="#EEEEEE",
            zeroline=False,
        ),
        xaxis=dict(title=x_title, gridcolor="#EEEEEE", zeroline=False),
        legend=dict(orientation="h", y=-0.18, x=0),
        margin=margin,
        plot_bgcolor="white",
    )
    return fig


def contributions_caption(table: pd.DataFrame) -> str:
    """Sentences that say which sources disagree about each country's figure, and by how much."""
    lines = []
    for label, part in table.dropna(subset=["personnel"]).groupby("country", sort=False):
        values = part["personnel"].astype(int)
        if part["source_id"].nunique() == 1 and values.nunique() == 1:
            lines.append(t("contrib.single", country=label, value=show_number(values.iloc[0])))
        elif values.nunique() == 1:
            lines.append(
                t(
                    "contrib.agree",
                    country=label,
                    n=part["source_id"].nunique(),
                    value=show_number(values.iloc[0]),
                )
            )
        else:
            low, high = part.loc[values.idxmin()], part.loc[values.idxmax()]
            lines.append(
                t(
                    "contrib.range",
                    country=label,
                    low=show_number(low["personnel"]),
                    low_src=low["publisher"],
                    high=show_number(high["personnel"]),
                    high_src=high["publisher"],
                    gap=show_number(high["personnel"] - low["personnel"]),
                )
            )
    return " ".join(lines)


@figure_function("operation_id")
def contributions_chart(operation_id: str) -> KitFigure:
    """Personnel per contributing country, one mark per source's figure.

    The colour and symbol say what the figure counts (planned, deployed, reported,
    estimate); a filled mark is an official source's figure, an open one anyone else's.
    The caption says where the sources disagree and by how much.

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
        f"<b>{r.country}</b>{t('exercise.colon')}{show_number(r.personnel)} ({t('qualifier.' + r.qualifier)}) · "
        + t("counts." + r.counts)
        # The equipment is the source's own words, quoted as such in every language.
        + (f"<br>“{r.equipment}”" if pd.notna(r.equipment) else "")
        + (f"<br>{t('contrib.as_of', date=r.as_of)}" if pd.notna(r.as_of) else "")
        + f"<br>{t('hover.source', source=short_label(r.source_id, kind=True))}"
        for r in marks.itertuples()
    ]
    name = localized(operation_row(operation_id), "name")
    fig = _dot_chart(
        marks,
        x="personnel",
        y="country",
        y_labels=order,
        style_by="counts",
        styles=COUNT_STYLE,
        legend_label=lambda k: t("counts." + k),
        # Filled: an official source's figure; open: everyone else's. Colour: what it counts.
        open_when=lambda r: r["source_kind"] != "official",
        title=t("contrib.title", name=name),
        x_title=t("contrib.xaxis"),
    )
    caption = t("contrib.marks") + " " + contributions_caption(table)
    if not (marks["source_kind"] == "official").any():
        caption = t("contrib.no_official") + " " + caption
    published = marks["source_date"].dropna().astype(str)
    what = t(
        "sub.contrib",
        n=len(marks),
        countries=marks["iso3"].nunique() - int((marks["iso3"] == "ALL").any()),
        first=published.min() if len(published) else "?",
        last=published.max() if len(published) else "?",
    )
    return finish(fig, table, caption, what=what)


# Phase bands: light fills that keep the marks readable; the phase order is the vocabulary's.
PHASE_FILL = {
    "unrest": "#F2F2F2",
    "request": "#FCE9D6",
    "decision": "#FBE3EE",
    "deployment": "#DDEEF8",
    "handover": "#E2F2EA",
    "withdrawal": "#FDF6D3",
}


def _wrap(text: str, width: int = 58) -> str:
    """Break a sentence into lines of about ``width`` characters, for a tick label."""
    import textwrap

    return "<br>".join(textwrap.wrap(text, width)) or text


def _events(operation_id: str) -> pd.DataFrame:
    events = load("events")
    events = events[events["operation_id"] == operation_id]
    if events.empty:
        raise NoDataError(
            t(
                "error.no_timeline",
                given=repr(operation_id),
                valid=", ".join(sorted(load("events")["operation_id"].unique())),
            )
        )
    events = with_source_columns(events)
    events["_d"] = events["date"].map(to_date)
    return events.sort_values(["_d", "event_id"]).drop(columns="_d").reset_index(drop=True)


@figure_function("operation_id", "records")
def timeline(operation_id: str, *, records: bool = False) -> KitFigure:
    """The story of an operation: its phases as bands, its key events in full sentences.

    Each event belongs to a phase (unrest, request, decision, deployment, handover,
    withdrawal); the dozen key events a class must see are drawn in full, with their best
    source. ``records=True`` draws every event the kit holds instead, one line each, where
    sources that date the same step differently stay separate lines.

    Parameters
    ----------
    {parameters}

    Returns
    -------
    KitFigure
        ``.table()`` holds date, phase, key, text (en, fr) and source of every event drawn.
    """
    row = operation_row(operation_id)
    events = _events(operation_id)
    if records:
        return _timeline_records(row, events)
    text_col = "text_fr" if get_language() == "fr" else "text_en"
    key = events[events["key"].fillna(False)].reset_index(drop=True)
    labels = [
        f"<b>{to_date(d).strftime('%d.%m')}</b> {_wrap(txt, 95)}"
        for d, txt in zip(key["date"], key[text_col], strict=True)
    ]
    marks = key.assign(
        label=labels,
        x=key["date"].map(lambda d: to_date(d).isoformat()),
        hover=[
            f"<b>{show_date(r.date)}</b> · {t('phase.' + r.phase)}<br>"
            f"{_wrap(getattr(r, text_col), 70)}<br>"
            + t("hover.source", source=short_label(r.best_source_id, kind=True))
            for r in key.itertuples()
        ],
        source_kind=key["best_source_id"].map(source_kind),
    )
    # Two-line sentences at 14 px need 2 × 1.3 × 14 px and a gap between rows.
    fig = _event_dots(marks, labels, row, height_per_row=44, margin=dict(t=70, b=110))
    # One band per phase, from its first to its last event (all events, not only key ones).
    # Phase names go in the legend: narrow neighbouring bands leave no room to write on them.
    days = events.assign(_d=events["date"].map(to_date))
    for phase in enum_values("events", "phase"):
        part = days[days["phase"] == phase]
        if part.empty:
            continue
        start, end = part["_d"].min(), part["_d"].max()
        fig.add_vrect(
            x0=(pd.Timestamp(start) - pd.Timedelta(hours=12)).isoformat(),
            x1=(pd.Timestamp(end) + pd.Timedelta(hours=12)).isoformat(),
            fillcolor=PHASE_FILL[phase],
            line_width=0,
            layer="below",
        )
        fig.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=t("phase." + phase),
                marker=dict(
                    symbol="square",
                    size=16,
                    color=PHASE_FILL[phase],
                    line=dict(width=1, color="#999999"),
                ),
                hoverinfo="skip",
            )
        )
    # Month names would come from plotly.js, which the kit ships with English only.
    fig.update_xaxes(type="date", tickformat="%d %b" if get_language() == "en" else "%d/%m")
    fig.update_yaxes(automargin=True)
    # Sources and phases on one horizontal legend under the plot.
    fig.update_layout(legend=dict(orientation="h", y=-0.08))
    caption = t(
        "timeline.caption", n_key=len(key), total=len(events), phases=days["phase"].nunique()
    )
    what = t(
        "sub.timeline",
        n_key=len(key),
        total=len(events),
        first=days["_d"].min(),
        last=days["_d"].max(),
    )
    return finish(fig, key.drop(columns=["label"], errors="ignore"), caption, what=what)


def _event_dots(
    marks: pd.DataFrame,
    labels: list[str],
    row: pd.Series,
    *,
    height_per_row: int,
    margin: dict | None = None,
):
    """The timeline's dots, one row per event, styled by the kind of its source."""
    return _dot_chart(
        marks,
        x="x",
        y="label",
        y_labels=labels,
        style_by="source_kind",
        styles=KIND_STYLE,
        legend_label=lambda k: t("kind." + k),
        title=t("timeline.title", name=localized(row, "name")),
        height_per_row=height_per_row,
        margin=margin,
    )


def _timeline_records(row: pd.Series, events: pd.DataFrame) -> KitFigure:
    """Every event of the operation, one line each (the evidence behind the story)."""
    text_col = "text_fr" if get_language() == "fr" else "text_en"
    labels = [
        f"{show_date(d)} · {txt if len(txt) <= 70 else txt[:67] + '…'}"
        for d, txt in zip(events["date"], events[text_col], strict=True)
    ]
    # Identical labels would share a row; number them so each event keeps its own line.
    labels = [f"{lab} ({i + 1})" if labels.count(lab) > 1 else lab for i, lab in enumerate(labels)]
    marks = events.assign(label=labels, x=events["date"].map(lambda d: to_date(d).isoformat()))
    marks["hover"] = [
        f"<b>{show_date(r.date)}</b><br>{getattr(r, text_col)}<br>"
        + t("hover.source", source=short_label(r.source_id, kind=True))
        for r in marks.itertuples()
    ]
    fig = _event_dots(marks, labels, row, height_per_row=26)
    fig.update_yaxes(automargin=True)
    days = events["date"].map(to_date)
    what = t("sub.records", n=len(events), first=days.min(), last=days.max())
    return finish(fig, events, t("timeline.records_caption"), what=what)


# A case's outcome: colour and symbol (Okabe-Ito), from the cases vocabulary.
CASE_OUTCOME_STYLE = {
    "assistance-given": ("#0072B2", "circle"),
    "measures-adopted": ("#009E73", "diamond"),
    "consultations-held": ("#56B4E9", "square"),
    "declined": ("#D55E00", "x"),
    "no-decision": ("#555555", "cross"),
    "disputed": ("#CC79A7", "star"),
}


@figure_function("records")
def invocations_chart(*, records: bool = False) -> KitFigure:
    """When a collective-defence or consultation clause was invoked, and what followed: one mark per case.

    A case is one request (NATO's Article 5 in 2001, the CST's Article 4 for Kazakhstan in
    2022…), however many sources report it; colour says the outcome, the row the treaty
    and article, and the hover text the summary, the dates and the best evidence.
    ``records=True`` draws the evidence instead: one mark per source's record.

    Parameters
    ----------
    {parameters}

    Returns
    -------
    KitFigure
        ``.table()`` holds the cases (or, with ``records=True``, every record).
    """
    if records:
        return _invocation_records()
    from ._cases import cases, clause_label

    table = cases()
    table["clause"] = [
        clause_label(a, b) for a, b in zip(table["treaty_id"], table["articles"], strict=True)
    ]
    table["x"] = table["requested"].map(lambda d: to_date(d).isoformat())
    table["hover"] = [
        f"<b>{r.clause}</b> · {r.requesters}<br>{_wrap(localized(r._asdict(), 'summary'), 70)}<br>"
        + t("cases.dates", requested=r.requested, decided=r.decided if pd.notna(r.decided) else "—")
        + (f" ({t('cases.days', n=r.days_to_decision)})" if pd.notna(r.days_to_decision) else "")
        + (
            f"<br>{_wrap(t('cases.disagreement', text=localized(r._asdict(), 'disagreement')), 70)}"
            if pd.notna(r.disagreement)
            else ""
        )
        + "<br>"
        + t(
            "cases.evidence",
            n=len(split_ids(r.records)),
            source=short_label(r.source_id, kind=True),
        )
        for r in table.itertuples()
    ]
    # Label a case by its requester and year; _label_marks drops those that find no room.
    labels = []
    for r in table.itertuples():
        asked = split_ids(r.requested_by) if pd.notna(r.requested_by) else []
        if len(asked) > 1:
            who = t("cases.n_states", n=len(asked))
        elif not asked or asked == ["ALL"]:
            who = localized(treaty_row(r.treaty_id), "organisation")
        else:
            who = asked[0]
        labels.append(f"{who} {to_date(r.requested).year}")
    table["label"] = labels
    order = sorted(table["clause"].unique())
    fig = _dot_chart(
        table,
        x="x",
        y="clause",
        y_labels=order,
        style_by="outcome",
        styles=CASE_OUTCOME_STYLE,
        legend_label=lambda k: t("outcome." + k),
        title=t("invocations.title"),
    )
    x_range = (
        f"{to_date(table['requested'].min()).year - 3}-01-01",
        f"{dt.date.today().year + 1}-12-31",
    )
    fig.update_xaxes(type="date", range=list(x_range))
    fig.update_yaxes(automargin=True)
    _label_marks(fig, table, x_range, left=max(map(len, order)) * 0.5 * FONT["size"] + 20)
    caption = t(
        "cases.caption",
        cases=len(table),
        records=sum(len(split_ids(r)) for r in table["records"]),
    )
    years = table["requested"].map(lambda d: to_date(d).year)
    what = t("sub.cases", n=len(table), first=years.min(), last=years.max())
    return finish(fig, table.drop(columns=["hover", "x", "label"]), caption, what=what)


def _label_marks(fig: go.Figure, table: pd.DataFrame, x_range: tuple[str, str], *, left: float):
    """Write each case's label where it overlaps no other label or mark on a 1280-wide screen.

    ``left`` is the estimated width of the row labels (plotly sizes that margin itself).
    """
    layout = fig.layout
    frame = (
        FRAME_WIDTH - left - layout.margin.r,
        layout.height - layout.margin.t - layout.margin.b,
    )
    t0, t1 = (pd.Timestamp(x).value for x in x_range)
    y0, y1 = layout.yaxis.range
    traces, points = [], {}
    for trace in fig.data:
        part = table[table["outcome"].map(lambda k: t("outcome." + k)) == trace.name]
        traces.append((trace, part))
        for x, y, i in zip(trace.x, trace.y, part.index, strict=True):
            px = (pd.Timestamp(x).value - t0) / (t1 - t0) * frame[0]
            points[i] = (px, (y1 - y) / (y1 - y0) * frame[1])
    # Placed in the cases' own order (the table puts the landmark cases first).
    order = list(table.index)
    placed = place_labels([points[i] for i in order], list(table["label"]), frame=frame)
    chosen = dict(zip(order, placed, strict=True))
    for trace, part in traces:
        chosen_here = [chosen[i] for i in part.index]
        trace.update(
            text=list(part["hover"]),
            mode="markers+text",
            texttemplate=[
                lab if pos else "" for lab, pos in zip(part["label"], chosen_here, strict=True)
            ],
            textposition=[pos or "top center" for pos in chosen_here],
            textfont=dict(size=12),
        )


def _invocation_records() -> KitFigure:
    """Every record of an invocation, one mark each: the evidence behind the cases."""
    from ._cases import requesters

    table = with_source_columns(load("invocations"))
    names = {tid: localized(treaty_row(tid), "organisation") for tid in table["treaty_id"].unique()}
    table["clause"] = [
        f"{names[tid]} ({tid}) Art. {art}" if pd.notna(art) else f"{names[tid]} ({tid})"
        for tid, art in zip(table["treaty_id"], table["article"], strict=True)
    ]
    table["outcome_kind"] = table["outcome_kind"].fillna("")
    undated = int(table["date"].isna().sum())
    table = table.dropna(subset=["date"]).reset_index(drop=True)
    table["x"] = table["date"].map(lambda d: to_date(d).isoformat())
    table["hover"] = [
        f"<b>{r.clause}</b>, {show_date(r.date)}<br>"
        + t("records.invoked_by", who=requesters(r.invoked_by))
        # A record's outcome is its source's account, in English: the case has the kit's own.
        + (f"<br>{r.outcome}" if pd.notna(r.outcome) and get_language() == "en" else "")
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
        legend_label=lambda k: t("outcome." + k) if k else t("records.no_outcome"),
        title=t("invocations.title"),
    )
    fig.update_xaxes(type="date")
    fig.update_yaxes(automargin=True)
    caption = t("records.caption", n=len(table), sources=table["source_id"].nunique()) + (
        t("records.undated", n=undated) if undated else ""
    )
    days = table["date"].map(to_date)
    what = t("sub.records", n=len(table), first=days.min(), last=days.max())
    return finish(fig, table.drop(columns=["hover", "x"]), caption, what=what)
