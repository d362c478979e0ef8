"""`cstokit present`: teacher mode's deck, served by real Voila, driven in Chromium.

The deck's scenes are stepped through with the presenter's keys at 1280×720 and 1920×1080;
at every step nothing may scroll, leave the screen or be set too small to read.
"""

from __future__ import annotations

import re
import socket

import pytest
from browser import DECK_LIVE, DECK_SCENE, SCENE_DRAWN, browser_page, step_through_deck
from conftest import ROOT, chromium_or_skip
from servers import Present, free_port

TEMPLATE = ROOT / "src" / "cstokit" / "jupyter_data" / "voila" / "templates" / "cstokit"
MAP_TITLE = """() => Array.from(document.querySelectorAll(
  '.cstokit-scene.cstokit-current .gtitle')).map(e => e.textContent).join(' | ')"""
SIZES = [(1280, 720), (1920, 1080)]


@pytest.fixture(scope="module")
def deck_server():
    server = Present(free_port())
    yield server
    server.stop()


def test_template_names_no_external_url():
    for path in TEMPLATE.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert not re.search(r"https?://", text), f"{path.name} names an external URL"
    assert '"base_template": "lab"' in (TEMPLATE / "conf.json").read_text()


def test_lan_without_a_network_address_falls_back_to_loopback(monkeypatch):
    import cstokit._present as present

    monkeypatch.setattr(present, "lan_address", lambda: None)
    bind, shown, note = present.serving_host("127.0.0.1", lan=True)
    assert (bind, shown) == ("127.0.0.1", "127.0.0.1")
    assert "no network address" in note and "127.0.0.1 instead" in note
    monkeypatch.setattr(present, "lan_address", lambda: "192.168.1.20")
    assert present.serving_host("127.0.0.1", lan=True) == ("0.0.0.0", "192.168.1.20", None)
    assert present.serving_host("127.0.0.1", lan=False) == ("127.0.0.1", "127.0.0.1", None)


def test_the_lan_address_prints_as_a_qr_code():
    from cstokit._present import qr_text

    code = qr_text("http://192.168.1.20:8866/?token=abc")
    lines = code.splitlines()
    assert len(lines) > 10 and any("█" in line or "▀" in line for line in lines)


def test_a_cap_below_one_is_refused(capsys):
    from cstokit._cli import main

    assert main(["present", "--no-browser", "--cap", "0"]) == 2
    assert "--cap must be at least 1" in capsys.readouterr().err


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


@pytest.mark.slow
def test_a_viewer_past_the_cap_gets_a_class_full_page():
    import urllib.error
    import urllib.request

    server = Present(free_port(), "--cap", "1", "--pool", "1")
    try:
        url = server.wait_ready()
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(url, timeout=60) as first:
            page = first.read().decode()
        # The first scene is written into the page, so it paints before the widgets load.
        assert first.status == 200 and 'class="cstokit-deck cstokit-ready cstokit-cover"' in page
        assert "The crisis by phase" in page and "Phase 1 of 6: Unrest" in page
        with pytest.raises(urllib.error.HTTPError) as full:
            opener.open(url, timeout=60)
        page = full.value.read().decode()
        assert full.value.code == 503 and full.value.headers["Retry-After"] == "30"
        assert "The class is full" in page and "tries again by itself" in page
        assert "Traceback" not in page
    finally:
        server.stop()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_scene_fits_the_screen(deck_server, size):
    chromium = chromium_or_skip()
    url = deck_server.wait_ready()
    with browser_page(chromium, viewport=size) as (page, log):
        page.goto(url)
        page.wait_for_function(DECK_LIVE, timeout=60_000)
        problems = step_through_deck(page, f"{size[0]}x{size[1]}")
        assert problems == [], "\n".join(problems)
        assert "Traceback" not in page.inner_text("body")
        assert page.errors == []
    assert log.outside == [], log.outside


@pytest.mark.browser
@pytest.mark.slow
def test_presenter_keys_and_controls(deck_server):
    chromium = chromium_or_skip()
    url = deck_server.wait_ready()
    with browser_page(chromium, viewport=(1280, 720)) as (page, log):
        page.goto(url)
        page.wait_for_function(DECK_LIVE, timeout=60_000)
        scene = lambda: page.evaluate(DECK_SCENE)  # noqa: E731
        page.keyboard.press("End")
        assert scene() == "9"
        page.keyboard.press("Home")
        assert scene() == "1"
        # The timeline steps through its phases before the next scene; PageDown is a clicker's →.
        phases = page.locator(".cstokit-scene.cstokit-current .cstokit-frame").count()
        for _ in range(phases):
            page.keyboard.press("PageDown")
        assert scene() == "2"
        page.keyboard.press("PageUp")
        assert scene() == "1"  # back at the timeline's last phase
        assert "Withdrawal" in page.locator(".cstokit-frame.cstokit-current h2").inner_text()
        # Number keys: 7 then Enter is the grid; its rows are revealed one at a time.
        page.keyboard.press("7")
        page.keyboard.press("Enter")
        page.wait_for_function(f"({DECK_SCENE})() === '7'")
        page.wait_for_function(SCENE_DRAWN, timeout=60_000)
        page.keyboard.press("ArrowRight")
        assert page.locator(".cstokit-scene.cstokit-current tr.cstokit-shown").count() == 1
        page.locator(".cstokit-scene.cstokit-current button.cstokit-cell").first.click()
        assert "NATO, trigger" in page.locator(".cstokit-current .cstokit-evidence").inner_text()
        # The index opens on one key and closes with Escape; B blanks the screen.
        page.keyboard.press("i")
        assert page.locator(".cstokit-index.cstokit-open").is_visible()
        assert "Reading the press" in page.locator(".cstokit-index").inner_text()
        page.keyboard.press("Escape")
        assert not page.locator(".cstokit-index.cstokit-open").is_visible()
        page.keyboard.press("b")
        assert page.locator(".cstokit-blank.cstokit-open").is_visible()
        page.keyboard.press("ArrowRight")  # ignored while blank
        page.keyboard.press("b")
        assert scene() == "7" and not page.locator(".cstokit-blank.cstokit-open").is_visible()
        # Scene 2's controls are reached by Tab; on a control the arrows belong to it.
        page.keyboard.press("2")
        page.keyboard.press("Enter")
        page.wait_for_function(f"({DECK_SCENE})() === '2'")
        page.wait_for_function(SCENE_DRAWN, timeout=60_000)
        assert "Collective Security Treaty" in page.evaluate(MAP_TITLE)
        for _ in range(12):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.tagName") == "SELECT":
                break
        assert page.evaluate("() => !!document.activeElement.closest('.cstokit-current')")
        page.keyboard.press("ArrowRight")
        assert scene() == "2"
        page.select_option(".cstokit-current select", label="NATO")
        page.wait_for_function(f"({MAP_TITLE})().includes('North Atlantic')", timeout=60_000)
        assert page.errors == []
    assert log.outside == [], log.outside


@pytest.mark.slow
def test_a_page_kernel_takes_widget_messages_but_no_code(deck_server, tmp_path):
    """What --lan relies on: a student's browser cannot run code on the teacher's laptop."""
    import asyncio
    import json

    from tornado.httpclient import AsyncHTTPClient
    from tornado.websocket import websocket_connect

    url = deck_server.wait_ready()
    marker = tmp_path / "ran"

    def message(msg_type, content):
        header = {"msg_id": msg_type, "username": "t", "session": "t", "msg_type": msg_type,
                  "version": "5.3", "date": ""}  # fmt: skip
        return json.dumps({"header": header, "parent_header": {}, "metadata": {},
                           "content": content, "channel": "shell", "buffers": []})  # fmt: skip

    async def attempt():
        page = (await AsyncHTTPClient().fetch(url, request_timeout=120)).body.decode()
        kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', page).group(1)
        base, token = url.split("?")[0].rstrip("/"), url.split("token=")[1]
        ws = await websocket_connect(
            base.replace("http", "ws", 1) + f"/api/kernels/{kernel}/channels?token={token}"
        )
        code = f"open({str(marker)!r}, 'w').write('x')"
        await ws.write_message(message("execute_request", {"code": code, "silent": False}))
        await ws.write_message(message("kernel_info_request", {}))
        replies = []
        while True:
            reply = json.loads(await asyncio.wait_for(ws.read_message(), 60))
            replies.append(reply["msg_type"])
            if reply["msg_type"] == "kernel_info_reply":
                break
        await asyncio.sleep(1)
        ws.close()
        return replies

    replies = asyncio.run(attempt())
    assert "execute_reply" not in replies and "execute_input" not in replies, replies
    assert not marker.exists()
