"""`cstokit present`: the teacher dashboard, served by real Voila, driven in Chromium."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from browser import COUNT_MAP_SHAPES, browser_page
from conftest import ROOT, chromium_or_skip
from servers import free_port

CSTOKIT = str(Path(sys.executable).with_name("cstokit"))
TEMPLATE = ROOT / "src" / "cstokit" / "jupyter_data" / "voila" / "templates" / "cstokit"
# A one-panel map's title is the figure's title; side-by-side panels keep theirs.
MAP_TITLE = """() => Array.from(document.querySelectorAll('.gtitle, .annotation-text'))
  .map(e => e.textContent).filter(t => t.includes('members on') || t.includes('no members'))
  .join(' | ')"""
DRAWN = """() => Array.from(document.querySelectorAll('.choroplethlocation'))
  .filter(p => (p.getAttribute('d') || '').length > 10).length"""


class Present:
    """A `cstokit present --no-browser` process, its output, and the address it printed."""

    def __init__(self, port: int):
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [CSTOKIT, "present", "--no-browser", "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self.url: str | None = None
        self._ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip())
            found = re.search(r"open (http://\S+) in a browser", line)
            if found:
                self.url = found.group(1)
                self._ready.set()
        self._ready.set()

    def wait_ready(self, timeout: float = 90) -> str:
        self._ready.wait(timeout)
        assert self.url, "cstokit present printed no address:\n" + "\n".join(self.lines)
        return self.url

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # present stops its server and kernels
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)  # the group this test started
                self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        self.proc.stdout.close()


@pytest.fixture
def present():
    server = Present(free_port())
    yield server
    server.stop()


def test_template_names_no_external_url():
    for path in TEMPLATE.iterdir():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"https?://", text), f"{path.name} names an external URL"
    assert '"base_template": "lab"' in (TEMPLATE / "conf.json").read_text()


@pytest.fixture
def board_whose_map_fails(monkeypatch):
    """``make(error, treaty, year)``: a Dashboard, with no browser, whose map raises ``error``."""
    pytest.importorskip("ipywidgets")
    import IPython.display

    import cstokit._maps
    from cstokit._dashboard import Dashboard

    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: None)

    def make(error: Exception, treaty: str, year: int) -> Dashboard:
        def broken(*_a, **_k):
            raise error

        monkeypatch.setattr(cstokit._maps, "member_map", broken)
        return Dashboard(treaty=treaty, year=year)

    return make


def test_dashboard_survives_a_failing_map(board_whose_map_fails):
    board = board_whose_map_fails(RuntimeError("disk on fire"), "nato", 1950)
    assert "cannot be drawn" in board.map_caption.value
    assert (
        "RuntimeError" in board.map_caption.value and "disk on fire" not in board.map_caption.value
    )
    assert "Traceback" not in board.map_caption.value
    # The rest of the dashboard still works.
    assert "armed attack" in board.article_html.value


def test_dashboard_panels_show_the_wording_and_escape_messages(board_whose_map_fails):
    from cstokit import CstokitError

    board = board_whose_map_fails(CstokitError("no map for <script>alert(1)</script>"), "cst", 2022)
    assert "cstokit-notice" in board.map_caption.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in board.map_caption.value
    assert "<script>" not in board.map_caption.value
    # The article: the wording in force (the 2010 protocol's), in its language, with its source.
    panel = board.article_html.value
    assert '<div class="cstokit-article" lang="en">' in panel
    assert "Protocol on amendments" in panel and "<blockquote>" in panel
    assert "Partial text" in panel and "Source: " in panel
    board._on_show_sources({"new": True})
    assert "<strong>Article text</strong>" in board.sources_html.value
    assert '<ol class="cstokit-cite">' in board.sources_html.value


@pytest.mark.slow
def test_present_picks_another_port_when_busy():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        server = Present(port)
        try:
            url = server.wait_ready()
        finally:
            server.stop()
    said = "\n".join(server.lines)
    assert f"port {port} is in use" in said
    chosen = int(re.search(r":(\d+)/", url).group(1))
    assert chosen != port and f"using port {chosen} instead" in said


@pytest.mark.browser
@pytest.mark.slow
def test_dashboard_in_chromium(present, tmp_path):
    chromium = chromium_or_skip()
    url = present.wait_ready()
    assert url.startswith("http://127.0.0.1:")
    with browser_page(chromium, viewport=(1280, 800)) as (page, log):
        page.goto(url)
        page.wait_for_function(f"({DRAWN})() > 3", timeout=120_000)
        first_map = time.monotonic() - present.started
        print(f"\ndashboard: command to first map drawn {first_map:.1f} s")
        shapes = page.evaluate(COUNT_MAP_SHAPES)
        assert shapes["countries"] >= 6 and shapes["globeFilling"] == 0, shapes
        assert "Collective Security Treaty" in page.evaluate(MAP_TITLE)
        article = page.locator(".cstokit-article").inner_text()
        # CST Art. 4 in the wording in force in 2022: the 2010 protocol's, in the CSTO's English.
        assert "armed attack menacing" in article and "Protocol on amendments" in article

        # Switch treaty: map and article change.
        page.select_option("select >> nth=0", label="NATO · The North Atlantic Treaty")
        page.wait_for_function(f"({MAP_TITLE})().includes('North Atlantic')", timeout=60_000)
        page.wait_for_function(
            "() => (document.querySelector('.cstokit-article') || {}).textContent"
            "?.includes('North America')",
            timeout=60_000,
        )
        page.get_by_role("button", name="Français").click()  # French is authentic too
        page.wait_for_function(
            "() => document.querySelector('.cstokit-article').getAttribute('lang') === 'fr'"
        )
        assert "attaque armée" in page.locator(".cstokit-article").inner_text()

        # Move the slider from the keyboard: 1950, then the last year.
        page.wait_for_timeout(500)
        page.focus(".noUi-handle")
        page.keyboard.press("Home")
        for _ in range(4):
            page.keyboard.press("ArrowRight")
        page.wait_for_function(f"({MAP_TITLE})().includes('1950-')", timeout=60_000)
        page.wait_for_timeout(500)
        nato_1950 = page.evaluate(DRAWN)
        page.keyboard.press("End")
        page.wait_for_function(f"!({MAP_TITLE})().includes('1950-')", timeout=60_000)
        page.wait_for_function(f"({DRAWN})() > {nato_1950}", timeout=60_000)
        nato_now = page.evaluate(DRAWN)
        assert 10 <= nato_1950 < nato_now, (nato_1950, nato_now)

        # Sources of what is on screen; the chart followed the treaty.
        page.get_by_role("button", name="Show sources").click()
        page.wait_for_function(
            "() => document.body.textContent.includes('Sources of what is on screen')"
        )
        assert page.locator(".cstokit-sources").inner_text().count("[official]") >= 1
        assert "enhanced Forward Presence" in page.inner_text("body")

        page.screenshot(path=str(tmp_path / "dashboard.png"))
        assert "Traceback" not in page.inner_text("body")
        assert page.errors == []
    assert log.outside == [], log.outside
