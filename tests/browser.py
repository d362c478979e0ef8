"""Driving Debian's Chromium with Playwright, counting every request that leaves the machine."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from urllib.parse import urlparse

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
