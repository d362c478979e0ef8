"""The figures: what they draw, what they say, how they fail, and that they draw offline."""

from __future__ import annotations

import json

import pytest
from browser import COUNT_MAP_SHAPES, browser_page
from conftest import chromium_or_skip

import cstokit
from cstokit import NoDataError, UnknownIdError
from cstokit._figures import SYMBOLS

OP = "csto_kaz_2022"


def _traces(fig, kind):
    return [t for t in fig.data if t.type == kind]


def test_member_map_draws_each_status_by_colour_and_symbol():
    fig = cstokit.member_map("cst", "2022-01-06")
    drawn = {t.name: list(t.locations) for t in _traces(fig, "choropleth") if len(t.locations)}
    assert sorted(drawn["Member"]) == ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]
    assert drawn["Former member"] == ["AZE", "GEO"]
    assert drawn["Suspended"] == ["UZB"]
    # Status is never told by colour alone: each has its own symbol and legend label.
    assert (
        len(set(SYMBOLS[s] for s in ("member", "frozen", "suspended", "signatory", "former"))) == 5
    )
    hover = " ".join(t for tr in _traces(fig, "choropleth") for t in tr.text)
    assert "since 1994-04-20" in hover and "Source:" in hover


def test_member_map_carries_no_geometry_and_asks_no_cdn():
    fig = cstokit.member_map("nato", "2024-12-31", region="world")
    payload = fig.to_json()
    assert len(payload) < 300_000
    assert "geojson" not in json.loads(payload)["data"][0]
    import plotly.io as pio

    default, pio.renderers.default = pio.renderers.default, "plotly_mimetype"  # as in Jupyter
    try:
        mime = fig._repr_mimebundle_()["application/vnd.plotly.v1+json"]
    finally:
        pio.renderers.default = default
    assert mime["config"]["topojsonURL"] == "/cstokit/geo/"


def test_member_map_table_matches_members_at():
    table = cstokit.member_map("nato", "1990-06-01").table()
    members = cstokit.members_at("nato", "1990-06-01")
    assert set(table[table["status"] == "member"]["iso3"]) == set(members["iso3"])
    assert len(cstokit.member_map("nato", "1990-06-01").sources()) >= 1


@pytest.mark.parametrize(
    ("treaty", "date", "words"),
    [
        ("nato", "1940-01-01", "not signed until 1949-04-04"),
        ("warsaw_pact", "1995-01-01", "ended 1991-07-01"),
    ],
)
def test_a_date_outside_a_treaty_gives_an_empty_map_that_says_so(treaty, date, words):
    fig = cstokit.member_map(treaty, date)
    members = [
        t for t in _traces(fig, "choropleth") if t.name in ("Member", "Participation frozen")
    ]
    assert not any(len(t.locations) for t in members)
    assert words in fig.layout.title.text


def test_unknown_treaty_or_operation_lists_the_valid_ids():
    with pytest.raises(UnknownIdError, match="Did you mean 'nato'"):
        cstokit.member_map("natoo", "2000-01-01")
    with pytest.raises(UnknownIdError, match="csto_kaz_2022"):
        cstokit.deployment_map("csto_kaz")
    with pytest.raises(UnknownIdError, match="region"):
        cstokit.member_map("nato", "2000-01-01", region="mars")


def test_animation_has_a_step_per_year_and_a_frame_per_distinct_picture():
    fig = cstokit.membership_animation(["nato", "warsaw_pact"], 1949, 1991, 2)
    steps = fig.layout.sliders[0].steps
    years = [s.label for s in steps]
    assert years[0] == "1949" and years[-1] == "1991" and len(years) == 22
    # Years in which nothing changed share a frame; every step points at an existing frame,
    # and a step's frame is the picture of its own year.
    names = [f.name for f in fig.frames]
    assert len(set(names)) == len(names) < len(years)
    targets = [s.args[0][0] for s in steps]
    assert set(targets) == set(names)
    assert all(target[:4] <= year for target, year in zip(targets, years, strict=True))
    for step in steps:
        shown = next(f for f in fig.frames if f.name == step.args[0][0])
        parties = cstokit.members_at("nato", f"{step.label}-12-31")
        drawn = {
            code for trace in shown.data if trace.type == "choropleth" for code in trace.locations
        }
        assert set(parties["iso3"]) <= drawn
    # every frame has the same traces, so the browser can swap them
    assert {len(f.data) for f in fig.frames} == {len(fig.data)}
    assert set(fig.table()["treaty_id"]) == {"nato", "warsaw_pact"}


@pytest.mark.parametrize("bad", [(1949, 1940, 1), (1949, 1960, 0), ("1949", 1960, 1)])
def test_animation_bad_years_are_explained(bad):
    with pytest.raises(cstokit.CstokitError, match="start|whole number"):
        cstokit.membership_animation("nato", *bad)


def test_deployment_map_shows_host_contributors_routes_and_sites():
    fig = cstokit.deployment_map(OP)
    table = fig.table()
    assert set(table[table["kind"] == "contributor"]["iso3"]) == {"ARM", "BLR", "KGZ", "RUS", "TJK"}
    assert list(table[table["kind"] == "host"]["iso3"]) == ["KAZ"]
    routes = [t for t in _traces(fig, "scattergeo") if t.mode == "lines"]
    assert len(routes) == 5
    sites = table[table["kind"].str.startswith("site:")]
    assert "Almaty International Airport" in set(sites["name"])
    assert sites["source_id"].str.len().gt(0).all()
    assert "without coordinates" in fig.caption


def test_contributions_chart_shows_every_sources_figure_and_the_gaps():
    fig = cstokit.contributions_chart(OP)
    table = fig.table()
    figures = table.dropna(subset=["personnel"])
    marks = sum(len(t.x) for t in _traces(fig, "scatter"))
    assert marks == len(figures)  # one mark per source's figure, none merged
    assert "Tajikistan: 100" in fig.caption and "a gap of 100" in fig.caption
    # colour says what a figure counts; a filled mark is an official source's figure
    assert set(figures["counts"]) <= {"planned", "deployed", "reported", "estimate"}
    assert {t.name for t in _traces(fig, "scatter")} >= {"planned", "deployed", "reported"}
    filled = sum(not s.endswith("-open") for t in _traces(fig, "scatter") for s in t.marker.symbol)
    assert filled == (figures["source_kind"] == "official").sum()
    if filled == 0:
        assert "None of these figures comes from an official publication" in fig.caption


def test_an_operation_without_figures_gets_a_clear_message(data_copy):
    from cstokit._data import sha256_of

    ops = data_copy / "operations.csv"
    ops.write_text(
        ops.read_text()
        + "test_op,nato,LVA,Test operation,2020,,nato-2012-02-18-60-years-greece-turkey,\n"
    )
    package = json.loads((data_copy / "datapackage.json").read_text())
    for resource in package["resources"]:
        if resource["name"] == "operations":
            resource["hash"] = "sha256:" + sha256_of(ops)
    (data_copy / "datapackage.json").write_text(json.dumps(package))
    with pytest.raises(NoDataError, match="no contribution figures for 'test_op'"):
        cstokit.contributions_chart("test_op")


def test_timeline_keeps_differing_dates_as_separate_lines():
    fig = cstokit.timeline(OP)
    table = fig.table()
    assert table["date"].is_monotonic_increasing
    assert len(fig.layout.yaxis.ticktext) == len(table)


def test_invocations_chart_covers_the_clauses_of_the_course():
    table = cstokit.invocations_chart().table()
    assert {"nato", "cst", "rio", "anzus", "teu"} <= set(table["treaty_id"])
    assert table["requested"].notna().all()
    records = cstokit.invocations_chart(records=True).table()
    assert records["date"].notna().all()


def test_figures_speak_french_from_one_string_table():
    try:
        cstokit.set_language("fr")
        fig = cstokit.member_map("cst", "2022-01-06")
        assert "membres au 6 janvier 2022" in fig.layout.title.text
        assert "États parties" in fig.layout.title.subtitle.text
        assert "Membre" in {t.name for t in fig.data}
    finally:
        cstokit.set_language("en")
    with pytest.raises(UnknownIdError):
        cstokit.set_language("de")


def test_save_html_writes_one_file_with_no_external_url(tmp_path):
    from cstokit._export import external_loads
    from cstokit._figures import plotly_js

    path = cstokit.save_html(cstokit.member_map("cst", "2022-01-06"), tmp_path / "map")
    assert path.name == "map.html"
    text = path.read_text(encoding="utf-8")
    assert external_loads(text) == []
    # plotly.js names its CDN as the default outline address; nothing else on the page may,
    # and the kit's outline is there before the map is drawn, so that default is never used.
    bundle = plotly_js(full=False)  # every kit figure fits plotly.js's geo bundle
    assert text.count(bundle) == 1
    assert text.count("cdn.plot.ly") == bundle.count("cdn.plot.ly")
    assert text.index("window.PlotlyGeoAssets") < text.index("Plotly.newPlot(")


def test_saved_page_escapes_everything_but_plotlys_markup(tmp_path):
    import pandas as pd
    import plotly.graph_objects as go

    from cstokit._figures import finish

    fig = finish(
        go.Figure(go.Bar(x=["a"], y=[1]), layout_title_text="Tom &amp; <b>Jerry</b>"),
        pd.DataFrame({"note": ["<b>bold</b>"], "source_id": [None]}),
        caption="A < B & <script>alert(1)</script>",
    )
    text = cstokit.save_html(fig, tmp_path / "page.html").read_text(encoding="utf-8")
    assert "<title>Tom &amp; Jerry</title>" in text
    assert "A &lt; B &amp; &lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<td>&lt;b&gt;bold&lt;/b&gt;</td>" in text
    assert "<script>alert" not in text and "<b>bold" not in text


def test_save_html_into_a_folder_names_the_file_after_the_title(tmp_path):
    import plotly.graph_objects as go

    chart = cstokit.contributions_chart(OP)
    path = cstokit.save_html(chart, tmp_path)
    assert path.parent == tmp_path and path.is_file()
    assert path.name.startswith("csto-collective-peacekeeping-forces-in-kazakhstan-personnel")
    assert path.suffix == ".html" and len(path.stem) <= 80
    # No title: figure.html; a path ending in "/" is a folder, made when missing.
    untitled = cstokit.save_html(go.Figure(go.Bar(y=[1])), f"{tmp_path / 'new'}/")
    assert untitled == tmp_path / "new" / "figure.html" and untitled.is_file()


def test_save_html_makes_the_missing_folders_of_a_path(tmp_path):
    path = cstokit.save_html(cstokit.timeline(OP), tmp_path / "week 3" / "maps" / "timeline")
    assert path == tmp_path / "week 3" / "maps" / "timeline.html" and path.is_file()


@pytest.mark.browser
def test_saved_html_draws_offline_from_file_url(tmp_path):
    chromium = chromium_or_skip()
    path = cstokit.save_html(
        cstokit.membership_animation("nato", 1949, 2024, 25), tmp_path / "a.html"
    )
    with browser_page(chromium) as (page, log):
        page.goto(path.as_uri())
        page.wait_for_function("document.querySelectorAll('.choroplethlocation').length > 5")
        before = page.evaluate(COUNT_MAP_SHAPES)
        page.evaluate(
            "Plotly.animate(document.querySelector('.js-plotly-plot'), ['2024-12-31'],"
            " {mode: 'immediate', frame: {duration: 0, redraw: true}, transition: {duration: 0}})"
        )
        page.wait_for_timeout(1000)
        after = page.evaluate(COUNT_MAP_SHAPES)
        assert not page.errors, page.errors
    assert before["globeFilling"] == after["globeFilling"] == 0
    assert after["countries"] > before["countries"]
    assert log.outside == []


def test_maps_are_fitted_to_the_states_they_show_and_side_by_side_panels_match():
    from cstokit._geo import extents

    fig = cstokit.member_map("rio", "2005-01-01")
    lon, lat = fig.layout.geo.lonaxis.range, fig.layout.geo.lataxis.range
    boxes = extents().set_index("iso3")
    for iso3 in cstokit.members_at("rio", "2005-01-01", include="all")["iso3"]:
        box = boxes.loc[iso3]
        assert lon[0] <= box["lon0"] and box["lon1"] <= lon[1], iso3
        assert lat[0] <= box["lat0"] and box["lat1"] <= lat[1], iso3
    anim = cstokit.membership_animation(["nato", "warsaw_pact"], 1949, 1991, 6)
    from cstokit._layout import natural_earth_aspect

    # The same drawn proportions (as plotly.js projects them), so the same size side by side;
    # the browser test measures the drawn panels too (test_projector.py).
    ratios = [
        natural_earth_aspect(g.lonaxis.range, g.lataxis.range)
        for g in (anim.layout.geo, anim.layout.geo2)
    ]
    assert ratios[0] == pytest.approx(ratios[1], rel=1e-3)
    # An explicit region still wins.
    assert cstokit.member_map("nato", "2024-01-01", region="europe").layout.geo.lonaxis.range == (
        -25,
        45,
    )


def test_a_figure_in_a_notebook_shows_its_caption_and_one_line_of_sources(monkeypatch):
    shown = []
    monkeypatch.setattr("plotly.io.show", lambda *a, **k: shown.append("figure"))
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj.data))
    fig = cstokit.contributions_chart("csto_kaz_2022")
    fig._ipython_display_()
    assert shown[0] == "figure"
    notes = shown[1]
    assert fig.caption.split(":")[0] in notes
    # One line (how many sources, of which kinds); the full list one click away.
    summary = fig.sources().summary
    assert f"<summary>{summary}</summary>" in notes and notes.count("<li>") == len(fig.sources())


def test_a_regional_map_paints_its_ocean_as_background_and_a_world_map_keeps_the_layer():
    """The ocean layer is a third of a map's drawing time; where the frame lies on the globe
    a background of the same colour draws the same picture (measured for issue 11)."""
    import cstokit
    from cstokit._layout import box_inside_globe

    regional = cstokit.member_map("cst", "2022-01-06").layout.geo
    assert regional.showocean is False and regional.bgcolor == regional.oceancolor
    world = cstokit.member_map("teu", "2024-01-01", region="world").layout.geo
    assert world.showocean is not False
    assert box_inside_globe("mercator", (40, 90), (30, 60))
    assert not box_inside_globe("natural earth", (-180, 180), (-60, 85))
    assert not box_inside_globe("orthographic", (0, 10), (0, 10))


def test_exported_figure_pages_defer_plotly_and_draw_after_it():
    import cstokit
    from cstokit._figures import to_standalone_html

    page = to_standalone_html(
        cstokit.member_map("cst", "2022-01-06"), plotlyjs="assets/p.js", geo="assets/o.js"
    )
    assert '<script charset="utf-8" src="assets/p.js" defer></script>' in page
    assert "document.addEventListener('DOMContentLoaded'" in page
