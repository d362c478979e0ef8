"""Driving Debian's Chromium with Playwright, counting every request that leaves the machine."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from urllib.parse import urlparse

from cstokit._text import STRINGS

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def is_local(url: str) -> bool:
    """A request that stays on this machine: loopback, file://, data:, blob:, about:."""
    parsed = urlparse(url)
    if parsed.scheme in ("file", "data", "blob", "about", "chrome-error"):
        return True
    return parsed.hostname in LOCAL_HOSTS


@dataclass
class RequestLog:
    """Every request a page made; ``outside`` are those that left 127.0.0.1."""

    all: list[str] = field(default_factory=list)

    @property
    def outside(self) -> list[str]:
        return [u for u in self.all if not is_local(u)]


@contextlib.contextmanager
def browser_page(chromium: str, viewport=(1280, 900)):
    """A fresh Chromium page and the log of its requests (across all pages of the context)."""
    from playwright.sync_api import sync_playwright

    log = RequestLog()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=FLAGS, headless=True)
        context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        context.on("request", lambda request: log.all.append(request.url))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.errors = errors
        try:
            yield page, log
        finally:
            context.close()
            browser.close()


# Shapes plotly drew on geo subplots: filled countries and the base land/country layers.
COUNT_MAP_SHAPES = """
() => {
  const paths = Array.from(document.querySelectorAll('.choroplethlocation'));
  const plots = Array.from(document.querySelectorAll('.geo .bg rect, .geo .bglayer rect'));
  let globeFilling = 0;
  for (const p of paths) {
    const box = p.getBBox();
    const geo = p.closest('.geo');
    const frame = geo ? geo.getBBox() : null;
    if (frame && box.width >= frame.width * 0.98 && box.height >= frame.height * 0.98) globeFilling++;
  }
  return {
    countries: paths.filter(p => (p.getAttribute('d') || '').length > 10).length,
    land: document.querySelectorAll('.geo .layer.backplot .land, .geo path.land').length,
    borders: document.querySelectorAll('.geo .countries path, .geo path.countries').length,
    globeFilling: globeFilling,
    errors: Array.from(document.querySelectorAll('.js-plotly-plot')).length,
    geos: document.querySelectorAll('.geo').length,
  };
}
"""


# Teacher mode's deck (Voila and the export's slideshow): what a scene on screen must not do.
# Returns a list of problems: the page scrolls, the scene's content is taller than the scene,
# a box scrolls inside it, text leaves the screen, or the type is too small for a classroom.
SCENE_PROBLEMS = """() => {
  const W = innerWidth, H = innerHeight, problems = [];
  const name = el => el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined
    ? '.' + String(el.className).trim().split(/\\s+/).slice(0, 2).join('.') : '') +
    ' "' + (el.textContent || '').trim().slice(0, 40) + '"';
  const se = document.scrollingElement;
  if (se.scrollHeight > H + 1 || se.scrollWidth > W + 1)
    problems.push(`the page scrolls: ${se.scrollWidth}x${se.scrollHeight}`);
  const scene = document.querySelector('.cstokit-scene.cstokit-current');
  if (!scene) return ['no scene on screen'];
  if (scene.scrollHeight > scene.clientHeight + 1)
    problems.push(`content ${scene.scrollHeight} px tall in a ${scene.clientHeight} px scene`);
  for (const el of scene.querySelectorAll('*')) {
    const cs = getComputedStyle(el);
    if (cs.visibility === 'hidden' || cs.display === 'none') continue;
    const closed = el.closest('details:not([open])');  // a closed list of sources: not drawn
    if (closed && !el.closest('summary') && el !== closed) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const scrolls = ['auto', 'scroll'].includes(cs.overflowY) && el.scrollHeight > el.clientHeight + 1;
    if (scrolls && !el.closest('details')) problems.push('scrolls inside: ' + name(el));
    if (r.height > H + 1) problems.push('taller than the screen: ' + name(el));
    const text = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    if (!text) continue;
    if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1)
      problems.push('off screen: ' + name(el) + ' ' + JSON.stringify([r.left, r.top, r.right, r.bottom].map(Math.round)));
    const size = parseFloat(cs.fontSize);
    // Reading type (titles, events, quotes, the articles, verdicts, the grid) is at least
    // 2.1 % of the screen's height (15 px at 720); labels, notes and chart text at least 10 px.
    const secondary = '.cstokit-scene-notes, .js-plotly-plot, small, .cstokit-quoted, ' +
      '.cstokit-scene-more, .cstokit-article-status, .cstokit-article-partial, ' +
      '.cstokit-scene-lesson, .cstokit-scene-counter, .cstokit-phase-strip, .cstokit-evidence, .cstokit-scene-top .widget-label';
    const minimum = el.closest(secondary) ? 10 : 0.021 * H;
    if (size < minimum - 0.5) problems.push(`type ${size}px < ${minimum.toFixed(1)}px: ` + name(el));
  }
  return problems;
}"""

DECK_SCENE = "() => document.documentElement.getAttribute('data-cstokit-scene')"
# Teacher mode paints a cover (its first scene, written by the server) before the widgets
# arrive; the deck is live once the cover has given way.
DECK_LIVE = (
    "() => !document.querySelector('.cstokit-cover') && "
    "!!document.documentElement.getAttribute('data-cstokit-scene')"
)
# A scene is drawn when its figure (if it has one) has its plot, and its body no longer says
# "Drawing…" in any language of the string table.
SCENE_DRAWN = (
    "() => { const DRAWING = "
    + json.dumps(sorted(STRINGS["scene.drawing"].values()))
    + ";"
    + """
  const scene = document.querySelector('.cstokit-scene.cstokit-current');
  if (!scene) return false;
  if (DRAWING.some(words => scene.textContent.includes(words))) return false;
  const figure = scene.querySelector('.cstokit-scene-figure');
  if (figure && figure.querySelector('.cstokit-figure-json, .jp-OutputArea-output, .cstokit-plot') &&
      !figure.querySelector('.main-svg')) return false;
  return true;
}"""
)


def step_through_deck(page, size: str, last: str = "9") -> list[str]:
    """Press → from the first scene to the last step of the last; the problems at each step."""
    problems = []
    page.keyboard.press("Home")
    seen = []
    for _ in range(80):
        scene = page.evaluate(DECK_SCENE)
        page.wait_for_function(SCENE_DRAWN, timeout=90_000)
        page.wait_for_timeout(150)
        found = page.evaluate(SCENE_PROBLEMS)
        problems += [f"{size} scene {scene}: {p}" for p in found]
        seen.append(scene)
        before = page.evaluate(
            "() => document.querySelector('.cstokit-scene.cstokit-current').innerHTML.length + ':' + document.querySelectorAll('.cstokit-shown, .cstokit-frame.cstokit-current').length + ':' + location.hash"
        )
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(60)
        after = page.evaluate(
            "() => document.querySelector('.cstokit-scene.cstokit-current').innerHTML.length + ':' + document.querySelectorAll('.cstokit-shown, .cstokit-frame.cstokit-current').length + ':' + location.hash"
        )
        if scene == last and before == after:
            break
    assert seen[0] == "1" and seen[-1] == last, seen
    assert len(set(seen)) == int(last) and len(seen) > 30, seen  # frames and reveals were stepped
    return problems
