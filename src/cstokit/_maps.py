"""Maps of the kit: one builder (`_map_canvas`) and thin wrappers over it.

Every map draws countries by ISO-3 code against the kit's own outline file, so
a figure carries no geometry (a few KB) and never asks plotly's CDN for borders.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ._data import load, vocabulary
from ._dates import to_date
from ._errors import CstokitError, check_choice
from ._figure_api import figure_function
from ._figures import FONT, PALETTE, SYMBOLS, KitFigure, finish
from ._geo import extents, label_points
from ._layout import (
    FRAME_WIDTH,
    box_inside_globe,
    mercator_fill,
    mercator_pixels,
    natural_earth_fill,
    place_labels,
)
from ._members import (
    country_name,
    status_at,
    status_meanings,
    status_order,
    treaty_row,
)
from ._members import treaty_ids as all_treaty_ids
from ._sources import short_label, split_ids
from ._text import get_language, localized, t

# Map views: lon/lat ranges on the world scope (plotly's own regional scopes
# would ask for other outline files).
REGIONS = {
    "world": dict(projection_type="natural earth"),
    "eurasia": dict(projection_type="mercator", lonaxis_range=[10, 110], lataxis_range=[30, 66]),
    "europe": dict(projection_type="mercator", lonaxis_range=[-25, 45], lataxis_range=[34, 71]),
    "north_atlantic": dict(
        projection_type="natural earth", lonaxis_range=[-130, 50], lataxis_range=[20, 80]
    ),
    "americas": dict(
        projection_type="natural earth", lonaxis_range=[-130, -30], lataxis_range=[-56, 50]
    ),
    "asia_pacific": dict(
        projection_type="natural earth", lonaxis_range=[60, 180], lataxis_range=[-50, 45]
    ),
}
# Tall enough to read on a projector; plotly's notebook default (360 px) is too small.
MAP_HEIGHT = 600
MAP_MARGIN = dict(l=5, r=5, t=70, b=80)
SPACING = 0.01  # between side-by-side panels, a share of the width


def _ocean_as_background(view: dict) -> dict:
    """The view with its ocean painted as the map's background where that looks the same.

    plotly.js draws the ocean layer from the outline's 41,000-point ocean polygons (about a
    third of the base map's drawing time) and the land over it. When the map's frame lies
    inside the globe (any lon/lat box of a regional or fitted view), the ocean fills the
    whole frame, and a background of the ocean's colour shows the same picture: only
    coastline anti-aliasing differs, by a few levels of 255. A world view keeps its ocean
    layer, which outlines the globe.
    """
    lon, lat = view.get("lonaxis_range"), view.get("lataxis_range")
    projection = view.get("projection_type")
    if not view.get("showocean") or lon is None or lat is None:
        return view
    if not box_inside_globe(projection, tuple(lon), tuple(lat)):
        return view
    return dict(view, showocean=False, bgcolor=view["oceancolor"])


def _historic():
    table = load("historic_states").set_index("iso3")
    return {iso3: row["drawn_as"].split(";") for iso3, row in table.iterrows()}


def _geo_layout(region: str) -> dict:
    view = REGIONS[check_choice("region", region, REGIONS)]
    return dict(
        showland=True,
        landcolor="#E8E8E8",
        showcountries=True,
        countrycolor="#FFFFFF",
        countrywidth=0.5,
        showcoastlines=False,
        showframe=False,
        showocean=True,
        oceancolor="#F7FBFF",
        showlakes=False,
        showrivers=False,
        **view,
    )


def _status_layers(treaty_id: str, date: dt.date, brief: bool = False) -> pd.DataFrame:
    """One row per drawn country: iso3 as drawn, status and hover text.

    ``brief`` keeps hover to name, status and date (animation frames repeat it
    for every year; the full story is in the figure's table).
    """
    frame = status_at(treaty_id, date)
    historic = _historic()
    meanings = status_meanings()
    rows = []
    for rec in frame.itertuples(index=False):
        drawn = historic.get(rec.iso3, [rec.iso3])
        lines = [
            f"<b>{country_name(rec.iso3)}</b>",
            t(f"status.{rec.status}") + " " + t("hover.since", since=rec.since),
        ]
        if pd.notna(rec.until):
            lines.append(t("hover.until", date=rec.until))
        if not brief:
            lines.append(f"<i>{meanings[rec.status]}</i>")
            lines.append(t("hover.last_event", event=t(f"event.{rec.event}"), date=rec.event_date))
            if pd.notna(rec.other_dates):
                lines.append(t("hover.other_dates", dates=str(rec.other_dates)[:160]))
            # The notes are the kit's English summaries of their sources: in another language
            # they stay in the figure's table, one step away, not in the hover text.
            if pd.notna(rec.note) and get_language() == "en":
                lines.append(str(rec.note)[:160])
            if rec.iso3 in historic:
                lines.append(t("hover.drawn_as", name=country_name(rec.iso3)))
            lines.append(t("hover.source", source=short_label(rec.source_id)))
        for iso3 in drawn:
            rows.append(
                dict(
                    iso3=rec.iso3,
                    drawn_iso3=iso3,
                    status=rec.status,
                    since=rec.since,
                    hover="<br>".join(lines),
                    source_id=rec.source_id,
                )
            )
    return pd.DataFrame(
        rows, columns=["iso3", "drawn_iso3", "status", "since", "hover", "source_id"]
    )


def _status_traces(
    layers: pd.DataFrame, geo: str, show_legend: bool, marker_hover: bool = True
) -> list[dict]:
    """Two traces per status (fill and symbol), always in the same order, so frames line up.

    Plain dicts: an animation holds hundreds of them, and plotly's validation of
    trace objects would take most of its build time.
    """
    points = label_points().set_index("iso3")
    traces = []
    for status in status_order():
        part = layers[layers["status"] == status]
        label = t(f"status.{status}")
        traces.append(
            dict(
                type="choropleth",
                locations=part["drawn_iso3"].tolist(),
                locationmode="ISO-3",
                z=[1] * len(part),
                colorscale=[[0, PALETTE[status]], [1, PALETTE[status]]],
                showscale=False,
                marker=dict(line=dict(color="#333333", width=0.6)),
                text=part["hover"].tolist(),
                hovertemplate="%{text}<extra></extra>",
                name=label,
                legendgroup=status,
                showlegend=False,
                geo=geo,
            )
        )
        pts = points.reindex(part["drawn_iso3"])
        traces.append(
            dict(
                type="scattergeo",
                lon=pts["lon"].tolist(),
                lat=pts["lat"].tolist(),
                mode="markers",
                marker=dict(
                    symbol=SYMBOLS[status],
                    size=9,
                    color=PALETTE[status],
                    line=dict(color="#000000", width=1),
                ),
                name=label,
                legendgroup=status,
                showlegend=show_legend,
                geo=geo,
                # In an animation the hover text would be sent twice per frame: the
                # country's fill below the symbol answers the hover instead.
                **(
                    dict(text=part["hover"].tolist(), hovertemplate="%{text}<extra></extra>")
                    if marker_hover
                    else dict(hoverinfo="skip")
                ),
            )
        )
    return traces


def _title(treaty_id: str, date: dt.date, short: bool = False) -> str:
    treaty = treaty_row(treaty_id)
    full, short_name = localized(treaty, "name"), localized(treaty, "organisation")
    name = short_name if short or len(full) >= 40 else full
    if date < to_date(treaty["signed"]):
        return t("map.title_before", treaty=name, date=date, signed=treaty["signed"])
    if pd.notna(treaty["ended"]) and date >= to_date(treaty["ended"]):
        return t("map.title_after", treaty=name, date=date, ended=treaty["ended"])
    return t("map.short_title" if short else "map.title", treaty=name, date=date)


def _panel_title(treaty_id: str, day: dt.date) -> str:
    """An animation panel's title: the treaty, and whether it is not yet signed or has ended."""
    row = treaty_row(treaty_id)
    full = localized(row, "name")
    name = localized(row, "organisation") if len(full) > 40 else full
    if day < to_date(row["signed"]):
        return t("anim.panel_before", treaty=name, signed=row["signed"])
    if pd.notna(row["ended"]) and day >= to_date(row["ended"]):
        return t("anim.panel_after", treaty=name, ended=row["ended"])
    return str(name)


def _map_canvas(titles: list[str], views: list[dict]) -> go.Figure:
    """The one map builder: n world maps side by side, the kit's look, no traces yet."""
    n = len(titles)
    fig = make_subplots(
        rows=1,
        cols=n,
        specs=[[{"type": "geo"}] * n],
        subplot_titles=titles,
        horizontal_spacing=SPACING,
    )
    for i, view in enumerate(views):
        fig.layout["geo" if i == 0 else f"geo{i + 1}"].update(_ocean_as_background(view))
    fig.update_layout(
        font=FONT,
        height=MAP_HEIGHT,
        margin=MAP_MARGIN,
        legend=dict(orientation="h", y=-0.02, x=0.5, xanchor="center", yanchor="top"),
        hoverlabel=dict(font_size=14),
    )
    return fig


def _fitted_view(iso3s: set[str], panels: int) -> dict:
    """A view fitted to the states drawn, in the panel's proportions, so the map fills its frame.

    Every panel of an animation gets the same proportions, so side-by-side maps are the same size.
    """
    historic = _historic()
    drawn = {code for i in iso3s for code in historic.get(i, [i])}
    boxes = extents()
    boxes = boxes[boxes["iso3"].isin(drawn)]
    if boxes.empty:
        return _geo_layout("world")
    pad = 3.0
    lon_range, lat_range = natural_earth_fill(
        (max(boxes["lon0"].min() - pad, -180), min(boxes["lon1"].max() + pad, 180)),
        (max(boxes["lat0"].min() - pad, -75), min(boxes["lat1"].max() + pad, 85)),
        _panel_ratio(panels),
    )
    return dict(
        _geo_layout("world"),
        projection_type="natural earth",
        lonaxis_range=list(lon_range),
        lataxis_range=list(lat_range),
    )


def _panel_ratio(panels: int) -> float:
    """Width / height of one map panel on a 1280-wide page (the canvas's margins and spacing)."""
    width = (FRAME_WIDTH - 10) * (1 - SPACING * (panels - 1)) / panels
    return width / (MAP_HEIGHT - MAP_MARGIN["t"] - MAP_MARGIN["b"])


def _ever_tied(treaty_id: str, dates: list[dt.date]) -> set[str]:
    """Every state with a tie to the treaty on any of the dates (what its map must show)."""
    return {i for day in dates for i in status_at(treaty_id, day)["iso3"]}


def _status_figure(treaties: list[str], dates: list[dt.date], region: str | None) -> go.Figure:
    """Treaties side by side, one frame per date (a slider when there are several)."""
    if region is not None:
        views = [_geo_layout(region) for _ in treaties]
    else:
        views = [_fitted_view(_ever_tied(tid, dates), len(treaties)) for tid in treaties]
    short = len(treaties) > 1
    fig = _map_canvas([_title(tid, dates[0], short) for tid in treaties], views)
    geos = ["geo" if i == 0 else f"geo{i + 1}" for i in range(len(treaties))]

    def traces_for(day):
        out = []
        for i, tid in enumerate(treaties):
            layers = _status_layers(tid, day, brief=len(dates) > 1)
            out += _status_traces(
                layers, geos[i], show_legend=(i == 0), marker_hover=len(dates) == 1
            )
        return out

    fig.add_traces(traces_for(dates[0]))
    if len(dates) > 1:
        # Panel titles name the treaty (and say when it is not yet signed or has ended);
        # the year is on the slider, so unchanged years give identical frames.
        fig = _add_slider(
            fig,
            dates,
            traces_for,
            lambda day: dict(annotations=[dict(text=_panel_title(tid, day)) for tid in treaties]),
        )
        for note, tid in zip(fig.layout.annotations, treaties, strict=False):
            note.text = _panel_title(tid, dates[0])
    return fig


def _add_slider(fig: go.Figure, dates: list[dt.date], traces_for, layout_for) -> go.Figure:
    """Frames and a slider that run in the browser: no kernel needed to move through time."""
    frames, steps, seen = [], [], {}
    for day in dates:
        frame = dict(data=traces_for(day), layout=layout_for(day))
        # Years in which nothing changed share one frame: the slider keeps a step per year,
        # the page carries each distinct picture once (a fraction of the size).
        key = repr(frame)  # frames are plain dicts and lists, built the same way every year
        name = seen.setdefault(key, day.isoformat())
        if name == day.isoformat():
            frames.append(dict(name=name, **frame))
        steps.append(
            dict(
                method="animate",
                label=str(day.year),
                args=[
                    [name],
                    dict(
                        mode="immediate",
                        frame=dict(duration=0, redraw=True),
                        transition=dict(duration=0),
                    ),
                ],
            )
        )
    play = dict(
        frame=dict(duration=700, redraw=True), fromcurrent=True, transition=dict(duration=0)
    )
    fig.update_layout(
        sliders=[
            dict(
                active=0,
                steps=steps,
                x=0.08,
                len=0.9,
                y=0.02,
                yanchor="top",
                currentvalue=dict(prefix=t("anim.year"), font=dict(size=16)),
            )
        ],
        updatemenus=[
            dict(
                type="buttons",
                showactive=False,
                x=0.0,
                y=0.02,
                yanchor="top",
                xanchor="left",
                buttons=[
                    dict(label=t("anim.play"), method="animate", args=[None, play]),
                    dict(
                        label=t("anim.pause"),
                        method="animate",
                        args=[[None], dict(mode="immediate", frame=dict(duration=0))],
                    ),
                ],
            )
        ],
        margin=dict(b=110),
    )
    # The first frame's traces were validated when added; the others have the same shape.
    as_dict = fig.to_dict()
    as_dict["frames"] = frames
    return go.Figure(as_dict, _validate=False)


def _layers_table(treaties: list[str], dates: list[dt.date]) -> pd.DataFrame:
    meanings = status_meanings()
    rows = []
    for day in dates:
        for tid in treaties:
            frame = status_at(tid, day)
            frame.insert(0, "date", day.isoformat())
            frame.insert(0, "treaty_id", tid)
            # The vocabulary's meaning beside each status: the table explains its own legend.
            frame.insert(
                frame.columns.get_loc("status") + 1, "meaning", frame["status"].map(meanings)
            )
            rows.append(frame)
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()


@figure_function("treaty_id", "date", "region")
def member_map(treaty_id: str, date, *, region: str | None = None) -> KitFigure:
    """Map of a treaty's members on one date.

    Each status (see :func:`cstokit.statuses`: member, withdrawing, frozen, suspended,
    signatory, former) has its own colour, symbol and legend label; hover shows the
    country, its status, since when, the dates other sources give, and the source.
    Countries with no tie to the treaty stay grey.

    Parameters
    ----------
    {parameters}

    Returns
    -------
    KitFigure
        A plotly figure; ``.table()`` gives the statuses drawn, ``.sources()`` the
        references. A date outside the treaty's life gives an empty map whose
        title says so.
    """
    day = to_date(date)
    treaty_row(treaty_id)
    fig = _status_figure([treaty_id], [day], region)
    table = _layers_table([treaty_id], [day])
    caption = t("map.caption", n=table["source_id"].nunique() if not table.empty else 0)
    fig.add_annotation(
        text=caption,
        showarrow=False,
        xref="paper",
        yref="paper",
        x=0,
        y=-0.1,
        xanchor="left",
        yanchor="top",
        font=dict(size=11, color="#444444"),
    )
    parties = {v["status"] for v in vocabulary("status") if v["party"]}
    what = t("sub.map", n=int(table["status"].isin(parties).sum()) if len(table) else 0, date=day)
    return finish(fig, table, caption, what=what)


@figure_function("treaty_ids", "start, end", "step", "region")
def membership_animation(
    treaty_ids: list[str] | str, start: int, end: int, step: int = 1, *, region: str | None = None
) -> KitFigure:
    """Members of one or several treaties through the years, with a slider that works offline.

    The slider and Play button run in the browser (plotly frames): they work
    without a kernel, in Voila, in exported HTML and in a reopened notebook.

    Parameters
    ----------
    {parameters}

    Returns
    -------
    KitFigure
        ``.table()`` lists every (treaty, date, state, status) drawn.
    """
    chosen = [treaty_ids] if isinstance(treaty_ids, str) else list(treaty_ids)
    if not chosen:
        raise CstokitError(
            f"Give at least one treaty id; valid ids: {', '.join(all_treaty_ids())}."
        )
    for tid in chosen:
        treaty_row(tid)
    for name, value in (("start", start), ("end", end), ("step", step)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise CstokitError(
                f"{name} must be a whole number of years (e.g. 1949), not {value!r}."
            )
    if not 1900 <= start <= end <= 2100 or step < 1:
        raise CstokitError(
            f"Expected 1900 <= start <= end <= 2100 and step >= 1; got start={start}, "
            f"end={end}, step={step}."
        )
    years = list(range(start, end + 1, step))
    if years[-1] != end:
        years.append(end)
    dates = [dt.date(y, 12, 31) for y in years]
    fig = _status_figure(chosen, dates, region)
    fig.update_layout(title=dict(text=t("anim.title"), x=0.5))
    what = t("sub.anim", start=years[0], end=years[-1])
    return finish(fig, _layers_table(chosen, dates), t("anim.caption"), what=what)


SITE_SYMBOLS = {
    "airport": "triangle-up",
    "airbase": "triangle-up-open",
    "city": "circle",
    "town": "circle-open",
    "spaceport": "star",
    "power_station": "square",
    "industrial_facility": "square-open",
    "military_facility": "diamond",
}


def _map_frame() -> tuple[float, float]:
    """The pixel size of a one-panel map on a 1280-wide page (the smallest screen it is made for)."""
    return (FRAME_WIDTH - 10, MAP_HEIGHT - MAP_MARGIN["t"] - MAP_MARGIN["b"])


def _view_around(lons: list[float], lats: list[float], pad: float = 4.0) -> dict:
    """A mercator view of the points, grown to the frame's proportions so the map fills it."""
    lon_range, lat_range = mercator_fill(
        (min(lons) - pad, max(lons) + pad),
        (max(min(lats) - pad, -80), min(max(lats) + pad, 80)),
        ratio=_map_frame()[0] / _map_frame()[1],
    )
    return dict(
        _geo_layout("world"),
        projection_type="mercator",
        lonaxis_range=list(lon_range),
        lataxis_range=list(lat_range),
    )


def _departure(
    iso3: str, placed: pd.DataFrame, points: pd.DataFrame, shapes: pd.Series
) -> tuple[float, float]:
    """Where a contingent's line starts: an air base of the operation inside that country, if
    the data has one (Chkalovsky for Russia), else a point inside the country.
    """
    import shapely

    shape = shapes.get(iso3)
    for site in placed[placed["kind"].isin(["airbase", "airport"])].itertuples():
        if shape is not None and shape.contains(shapely.Point(float(site.lon), float(site.lat))):
            return float(site.lon), float(site.lat)
    return float(points.loc[iso3, "lon"]), float(points.loc[iso3, "lat"])


@figure_function("operation_id")
def deployment_map(operation_id: str) -> KitFigure:
    """Who sent troops where: host, contributing states, routes and key sites.

    The host country and every state with a contribution figure are filled and
    marked with their own symbols; a line runs from each contributor to the
    arrival point (the host's airport among the operation's sites, if any); sites
    with coordinates are marked, and each site's hover cites its sources.

    Parameters
    ----------
    {parameters}

    Returns
    -------
    KitFigure
        ``.table()`` lists every drawn country and site with its source.
    """
    from ._operations import operation_row

    op = operation_row(operation_id)
    host = op["host_iso3"]
    contributions = load("contributions")
    contributions = contributions[
        (contributions["operation_id"] == operation_id) & (contributions["iso3"] != "ALL")
    ]
    contributors = sorted(set(contributions["iso3"]) - {host})
    sites = load("sites")
    sites = sites[sites["operation_id"] == operation_id]
    placed = sites.dropna(subset=["lat", "lon"])
    points = label_points().set_index("iso3")

    arrival = placed[placed["kind"] == "airport"]
    if len(arrival):
        target = (float(arrival.iloc[0]["lon"]), float(arrival.iloc[0]["lat"]))
    else:
        target = (float(points.loc[host, "lon"]), float(points.loc[host, "lat"]))
    shapes = load("countries").set_index("iso3").geometry  # read once, not per contingent
    starts = {c: _departure(c, placed, points, shapes) for c in contributors}
    lons = [target[0]] + [p[0] for p in starts.values()] + placed["lon"].astype(float).tolist()
    lats = [target[1]] + [p[1] for p in starts.values()] + placed["lat"].astype(float).tolist()
    fig = _map_canvas([t("deploy.title", name=localized(op, "name"))], [_view_around(lons, lats)])

    def first_source(iso3):
        part = contributions[contributions["iso3"] == iso3]
        return part["source_id"].iloc[0] if len(part) else op["source_id"]

    rows = [dict(kind="host", iso3=host, name=country_name(host), source_id=op["source_id"])]
    rows += [
        dict(kind="contributor", iso3=c, name=country_name(c), source_id=first_source(c))
        for c in contributors
    ]
    for role in ("host", "contributor"):
        part = [r for r in rows if r["kind"] == role]
        hover = [
            f"<b>{r['name']}</b><br>{t('status.' + role)}<br>"
            + t("hover.source", source=short_label(r["source_id"]))
            for r in part
        ]
        fig.add_trace(
            go.Choropleth(
                locations=[r["iso3"] for r in part],
                locationmode="ISO-3",
                z=[1] * len(part),
                colorscale=[[0, PALETTE[role]], [1, PALETTE[role]]],
                showscale=False,
                marker_line_color="#333333",
                marker_line_width=0.6,
                text=hover,
                hovertemplate="%{text}<extra></extra>",
                showlegend=False,
                legendgroup=role,
                name=t("status." + role),
            )
        )
        fig.add_trace(
            go.Scattergeo(
                lon=[float(points.loc[r["iso3"], "lon"]) for r in part],
                lat=[float(points.loc[r["iso3"], "lat"]) for r in part],
                mode="markers",
                marker=dict(
                    symbol=SYMBOLS[role],
                    size=12,
                    color=PALETTE[role],
                    line=dict(color="#000000", width=1),
                ),
                text=hover,
                hovertemplate="%{text}<extra></extra>",
                name=t("status." + role),
                legendgroup=role,
            )
        )
    for c, start in starts.items():
        fig.add_trace(
            go.Scattergeo(
                lon=[start[0], target[0]],
                lat=[start[1], target[1]],
                mode="lines",
                line=dict(width=2, color=PALETTE["contributor"], dash="dash"),
                hoverinfo="skip",
                showlegend=False,
                name=t("deploy.route", name=country_name(c)),
            )
        )
    site_rows = []
    for s in placed.itertuples():
        ids = split_ids(s.source_id) + split_ids(s.role_source_id or "")
        refs = "<br>".join(t("hover.source", source=short_label(i)) for i in dict.fromkeys(ids))
        own = localized(s._asdict(), "note")
        note = f"<br>{own[:150]}" if own else ""
        name = localized(s._asdict(), "name")
        site_rows.append(
            dict(
                kind="site:" + s.kind,
                iso3="",
                name=name,
                lat=float(s.lat),
                lon=float(s.lon),
                source_id=";".join(dict.fromkeys(ids)),
                hover=f"<b>{name}</b> ({t('site.' + s.kind)}){note}<br>{refs}",
                symbol=SITE_SYMBOLS.get(s.kind, "circle"),
            )
        )
    if site_rows:
        view = fig.layout.geo
        names = [r["name"].split(" (")[0] for r in site_rows]
        pixels = mercator_pixels(
            [r["lon"] for r in site_rows] + [p[0] for p in starts.values()],
            [r["lat"] for r in site_rows] + [p[1] for p in starts.values()],
            lon_range=tuple(view.lonaxis.range),
            lat_range=tuple(view.lataxis.range),
            frame=_map_frame(),
        )
        # The contingents' start points are marks too: no label may cover them.
        positions = place_labels(
            pixels, names + [""] * len(starts), frame=_map_frame(), marker_size=12
        )[: len(names)]
        fig.add_trace(
            go.Scattergeo(
                lon=[r["lon"] for r in site_rows],
                lat=[r["lat"] for r in site_rows],
                mode="markers+text",
                text=[n if p else "" for n, p in zip(names, positions, strict=True)],
                textposition=[p or "top center" for p in positions],
                textfont=dict(size=12),
                marker=dict(
                    symbol=[r["symbol"] for r in site_rows], size=10, color=PALETTE["site"]
                ),
                customdata=[r["hover"] for r in site_rows],
                hovertemplate="%{customdata}<extra></extra>",
                name=t("deploy.sites"),
            )
        )
    table = pd.DataFrame(
        rows + [{k: v for k, v in r.items() if k not in ("hover", "symbol")} for r in site_rows]
    )
    unplaced = [localized(r, "name") for _, r in sites[sites["lat"].isna()].iterrows()]
    caption = t("deploy.caption", n=len(contributors), sites=len(site_rows)) + (
        t("deploy.unplaced", names="; ".join(unplaced)) if unplaced else ""
    )
    what = t(
        "sub.deploy", n=len(contributors), sites=len(site_rows), start=op["start"], end=op["end"]
    )
    return finish(fig, table, caption, what=what)
