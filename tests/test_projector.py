"""Figures read on a projector: measured in the page Chromium really draws.

Every figure of the course is saved as the page a class opens and drawn at a school
projector's 1280×720 and at 1920×1080. From the drawn SVG the tests check that no two
pieces of text overlap, that no label is cut off by its plot or its page, that legends
stay off the maps and plots, that side-by-side maps are the same size, and that every
figure has a title, a subtitle and a caption.
"""

from __future__ import annotations

import re

import pytest
from browser import browser_page
from conftest import chromium_or_skip

import cstokit

pytestmark = pytest.mark.browser

SIZES = [(1280, 720), (1920, 1080)]
FIGURES = {
    "member_map": lambda: cstokit.member_map("cst", "2022-01-06"),
    "membership_animation": lambda: cstokit.membership_animation(
        ["nato", "warsaw_pact"], 1949, 1991
    ),
    "deployment_map": lambda: cstokit.deployment_map("csto_kaz_2022"),
    "contributions_chart": lambda: cstokit.contributions_chart("csto_kaz_2022"),
    "timeline": lambda: cstokit.timeline("csto_kaz_2022"),
    "invocations_chart": lambda: cstokit.invocations_chart(),
}
# The French edition's labels run longer: the same checks, on every figure in French.
FIGURES.update(
    {f"{name}_fr": (lambda make=make: _in_french(make)) for name, make in list(FIGURES.items())}
)


def _in_french(make):
    cstokit.set_language("fr")
    try:
        return make()
    finally:
        cstokit.set_language("en")


# Every drawn piece of text in the figure, with the box Chromium gives it, what kind of
# text it is, and the frame it must stay inside (its subplot for a mark's label, the
# figure for the rest).
MEASURE = """
() => {
  const plot = document.querySelector('.js-plotly-plot');
  const box = el => { const r = el.getBoundingClientRect();
    return {x0: r.left, y0: r.top, x1: r.right, y1: r.bottom}; };
  const kind = el => {
    if (el.closest('.textpoint')) return 'label';
    if (el.closest('.legend')) return 'legend';
    if (el.closest('.xtick, .ytick')) return 'tick';
    if (el.closest('.slider-container, .updatemenu-container')) return 'control';
    if (el.closest('.g-gtitle')) return 'title';
    if (el.closest('.annotation')) return 'annotation';
    if (el.closest('.g-xtitle, .g-ytitle')) return 'axis-title';
    return 'other';
  };
  const texts = [];
  for (const el of plot.querySelectorAll('text')) {
    const style = getComputedStyle(el);
    if (!el.textContent.trim() || style.display === 'none' || style.visibility === 'hidden'
        || style.opacity === '0') continue;
    const b = box(el);
    if (b.x1 - b.x0 < 1 || b.y1 - b.y0 < 1) continue;
    let frame = box(plot);
    const geo = el.closest('.geo');
    const subplot = geo ? geo.querySelector('.bg rect') : null;
    if (kind(el) === 'label' && subplot) frame = box(subplot);
    if (kind(el) === 'label' && !geo) {
      const bg = plot.querySelector('.bglayer rect.bg, .draglayer .nsewdrag');
      if (bg) frame = box(bg);
    }
    texts.push({text: el.textContent.trim(), kind: kind(el), box: b, frame: frame,
                cls: el.getAttribute('class') || ''});
  }
  const legends = [...plot.querySelectorAll('.legend .bg')].map(box);
  const areas = [...plot.querySelectorAll('.geo .bg rect, .bglayer rect.bg, .draglayer .nsewdrag')]
    .map(box);
  const maps = [...plot.querySelectorAll('.geo .bg rect')].map(box);
  return {texts, legends, areas, maps, page: {width: window.innerWidth},
          figure: box(plot), scroll: document.documentElement.scrollWidth};
}
"""
SLACK = 1.0  # pixels: glyph boxes of neighbours may touch


def _overlap(a, b) -> bool:
    return (
        a["x0"] + SLACK < b["x1"]
        and b["x0"] + SLACK < a["x1"]
        and a["y0"] + SLACK < b["y1"]
        and b["y0"] + SLACK < a["y1"]
    )


def _inside(a, frame) -> bool:
    return (
        a["x0"] >= frame["x0"] - SLACK
        and a["y0"] >= frame["y0"] - SLACK
        and a["x1"] <= frame["x1"] + SLACK
        and a["y1"] <= frame["y1"] + SLACK
    )


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("projector")
    return {
        name: cstokit.save_html(make(), folder / f"{name}.html") for name, make in FIGURES.items()
    }


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def drawn(request, pages):
    """Every figure drawn at one screen size: name -> what MEASURE read off the page."""
    chromium = chromium_or_skip()
    out = {}
    with browser_page(chromium, viewport=request.param) as (page, log):
        for name, path in pages.items():
            page.goto(path.as_uri())
            page.wait_for_function(
                "document.querySelector('.js-plotly-plot .main-svg') !== null", timeout=60_000
            )
            page.wait_for_timeout(300)  # plotly lays text out in a second pass
            out[name] = page.evaluate(MEASURE)
            out[name]["errors"] = list(page.errors)
        out["_outside"] = list(log.outside)
    out["_size"] = request.param
    return out


@pytest.mark.parametrize("name", FIGURES)
def test_no_two_pieces_of_text_overlap(drawn, name):
    texts = drawn[name]["texts"]
    clashes = [
        (a["text"], a["kind"], b["text"], b["kind"])
        for i, a in enumerate(texts)
        for b in texts[i + 1 :]
        # A legend's or control's text sits on its own background; two of them never overlap.
        if _overlap(a["box"], b["box"])
    ]
    assert clashes == []


@pytest.mark.parametrize("name", FIGURES)
def test_no_label_or_legend_is_clipped(drawn, name):
    figure = drawn[name]
    cut = [
        (t["text"], t["kind"])
        for t in figure["texts"]
        if not _inside(t["box"], t["frame"])
        or t["box"]["x0"] < 0
        or t["box"]["x1"] > figure["page"]["width"]
    ]
    assert cut == []
    assert figure["scroll"] <= figure["page"]["width"], "the page scrolls sideways"


@pytest.mark.parametrize("name", FIGURES)
def test_legends_stay_off_the_maps_and_plots(drawn, name):
    figure = drawn[name]
    assert figure["legends"], "every figure has a legend"
    covering = [
        (legend, area)
        for legend in figure["legends"]
        for area in figure["areas"]
        if _overlap(legend, area)
    ]
    assert covering == []


@pytest.mark.parametrize("name", FIGURES)
def test_every_figure_has_a_title_a_subtitle_and_draws_without_errors(drawn, name):
    figure = drawn[name]
    titles = [t["text"] for t in figure["texts"] if t["kind"] == "title"]
    assert len(titles) >= 2, titles  # the title and its subtitle
    assert any(re.search(r" sources? ?: ", t) for t in titles), titles  # English or French
    assert figure["errors"] == []


def test_every_figure_has_a_caption():
    for name, make in FIGURES.items():
        assert len(make().caption) > 40, name


def test_side_by_side_maps_are_the_same_size(drawn):
    maps = drawn["membership_animation"]["maps"]
    assert len(maps) == 2
    widths = [m["x1"] - m["x0"] for m in maps]
    heights = [m["y1"] - m["y0"] for m in maps]
    assert max(widths) - min(widths) <= 2 and max(heights) - min(heights) <= 2, (widths, heights)


def test_single_maps_fill_their_frame(drawn):
    """Fitted to a 1280-wide screen: there the map spans the width; a wider screen only adds
    room beside it, the map still filling the figure's height."""
    for name in ("member_map", "deployment_map"):
        figure = drawn[name]
        (area,) = figure["maps"]
        wide = (area["x1"] - area["x0"]) / (figure["figure"]["x1"] - figure["figure"]["x0"])
        tall = (area["y1"] - area["y0"]) / (figure["figure"]["y1"] - figure["figure"]["y0"])
        if drawn["_size"][0] == 1280:
            assert wide > 0.9, (name, wide)
        assert wide > 0.9 or tall > 0.7, (name, wide, tall)


def test_the_pages_make_no_request_outside_the_machine(drawn):
    assert drawn["_outside"] == []
