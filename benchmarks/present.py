"""`make bench`, teacher mode: start-up, first scene, screenshots, and viewers on loopback.

- **Start-up.** `cstokit present` from the command to its ready line (printed once the pool
  of kernels has run the dashboard), then from the ready line to the first scene painted in
  a fresh Chromium (1280×720).
- **Screens.** Every scene at 1280×720, saved as benchmarks/screens/scene-<n>-<key>.png (the
  fact-check with its first verdict shown, the grid with every row shown).
- **Viewers.** N simulated viewers open the deck at once on loopback: each fetches the page
  (Voila runs the dashboard in a kernel for it, or hands it a warm one) and opens its
  kernel's websocket as the page does, up to the kernel's first reply. The page holds the
  first scene, so its arrival is when a browser can paint it; the reply is when the scene's
  controls and the other scenes can work. A browser adds its own paint, measured alone above.
  Kernel memory is each kernel process's resident set, read from psutil.

Numbers are written to benchmarks/results.json under "present"; nothing is asserted.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import DECK_SCENE, SCENE_DRAWN, browser_page  # noqa: E402
from servers import Present, free_port  # noqa: E402

SCREENS = HERE / "screens"


def Server(port: int, *extra: str) -> Present:  # noqa: N802 - reads as the class it returns
    """A started `cstokit present --no-browser`, once it has printed its ready line."""
    server = Present(port, *extra)
    server.wait_ready(120)
    server.startup_s = server.ready_at - server.started
    return server


def startup(chromium: str, runs: int = 3) -> dict:
    """Command to ready line, and ready line to the first scene painted, median of ``runs``.

    The browser is open before the command runs, as a teacher's is: its own start-up is not
    the server's (`cstokit present` opens the page in the running browser).
    """
    ready, first = [], []
    for _ in range(runs):
        with browser_page(chromium, viewport=(1280, 720)) as (page, log):
            page.goto("about:blank")
            server = Server(free_port())
            try:
                page.goto(server.url, wait_until="commit")
                page.wait_for_function(DECK_SCENE, timeout=60_000, polling=20)
                page.wait_for_function(SCENE_DRAWN, timeout=60_000, polling=20)
                painted = time.monotonic()
                assert log.outside == [], log.outside
            finally:
                server.stop()
        ready.append(server.startup_s)
        first.append(painted - server.ready_at)
    return {
        "command_to_ready_s": round(statistics.median(ready), 2),
        "ready_to_first_scene_s": round(statistics.median(first), 2),
        "runs": {"command_to_ready_s": [round(x, 2) for x in ready],
                 "ready_to_first_scene_s": [round(x, 2) for x in first]},
    }  # fmt: skip


def screens(chromium: str, size=(1280, 720)) -> list[str]:
    """A screenshot of every scene of teacher mode."""
    from cstokit._scenes import SCENES

    SCREENS.mkdir(exist_ok=True)
    written = []
    server = Server(free_port())
    try:
        with browser_page(chromium, viewport=size) as (page, _log):
            page.goto(server.url)
            page.wait_for_function(DECK_SCENE, timeout=60_000)
            for n, spec in enumerate(SCENES, 1):
                page.evaluate(f"window.cstokitDeck.goTo({n})")
                page.wait_for_function(SCENE_DRAWN, timeout=90_000)
                if spec.key == "factcheck":
                    page.keyboard.press("ArrowRight")  # the first verdict
                if spec.key == "grid":
                    for _ in range(6):
                        page.keyboard.press("ArrowRight")  # every row
                page.wait_for_timeout(1200)
                path = SCREENS / f"scene-{n}-{spec.key}_{size[0]}x{size[1]}.png"
                page.screenshot(path=str(path))
                written.append(str(path.relative_to(ROOT)))
    finally:
        server.stop()
    return written


async def _viewer(url: str) -> float:
    """One viewer: the page, then its kernel's websocket up to the first reply."""
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest
    from tornado.websocket import websocket_connect

    start = time.monotonic()
    client = AsyncHTTPClient(max_clients=64)
    response = await client.fetch(HTTPRequest(url, request_timeout=600, connect_timeout=60))
    fetched = time.monotonic() - start
    page = response.body.decode("utf-8")
    kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', page).group(1)
    cookies = "; ".join(c.split(";")[0] for c in response.headers.get_list("Set-Cookie"))
    base = url.split("?")[0].rstrip("/")
    token = url.split("token=")[1]
    ws_url = base.replace("http", "ws", 1) + f"/api/kernels/{kernel}/channels?token={token}"
    ws = await websocket_connect(HTTPRequest(ws_url, headers={"Cookie": cookies}))
    message = {
        "header": {"msg_id": "bench", "username": "bench", "session": "bench",
                   "msg_type": "kernel_info_request", "version": "5.3", "date": ""},
        "parent_header": {}, "metadata": {}, "content": {}, "channel": "shell", "buffers": [],
    }  # fmt: skip
    await ws.write_message(json.dumps(message))
    while True:
        reply = await ws.read_message()
        if reply is None:
            raise RuntimeError("the kernel's websocket closed")
        if isinstance(reply, str) and '"kernel_info_reply"' in reply:
            break
    ws.close()
    return time.monotonic() - start, fetched


def _kernel_memory(server: Server) -> list[float]:
    import psutil

    parent = psutil.Process(server.proc.pid)
    out = []
    for child in parent.children(recursive=True):
        try:
            if "ipykernel" in " ".join(child.cmdline()):
                out.append(child.memory_info().rss / 2**20)
        except psutil.Error:
            pass
    return out


def viewers(counts=(10, 20, 30), pool: int = 2) -> dict:
    """N viewers arriving at once, on a fresh server each time (its cap set above N)."""
    results = {}
    for n in counts:
        server = Server(free_port(), "--cap", str(n + 5), "--pool", str(pool))
        try:
            idle = _kernel_memory(server)

            async def crowd(n=n, url=server.url):
                return await asyncio.gather(*(_viewer(url) for _ in range(n)))

            started = time.monotonic()
            both = asyncio.run(crowd())
            live = sorted(t for t, _ in both)
            page = sorted(f for _, f in both)
            wall = time.monotonic() - started
            memory = _kernel_memory(server)
            results[str(n)] = {
                # The page holds the first scene (the cover): a browser paints it on arrival.
                "first_scene_median_s": round(statistics.median(page), 1),
                "first_scene_max_s": round(page[-1], 1),
                # The kernel answers on its websocket: the controls and other scenes work.
                "live_median_s": round(statistics.median(live), 1),
                "live_max_s": round(live[-1], 1),
                "all_served_s": round(wall, 1),
                "kernels": len(memory),
                "kernel_rss_mib_median": round(statistics.median(memory), 0),
                "kernels_rss_mib_total": round(sum(memory), 0),
                "warm_pool_rss_mib": round(sum(idle), 0),
            }
            print(f"{n} viewers: {results[str(n)]}", flush=True)
        finally:
            server.stop()
    return results


def main() -> dict:
    from cstokit._doctor import chromium_path

    chromium = chromium_path()
    out: dict = {}
    if chromium:
        out["startup"] = startup(chromium)
        print("teacher mode start-up:", out["startup"], flush=True)
        out["screens"] = screens(chromium)
        print("scene screenshots:", ", ".join(out["screens"]), flush=True)
    out["viewers"] = viewers()
    return out


if __name__ == "__main__":
    results_file = HERE / "results.json"
    results = json.loads(results_file.read_text()) if results_file.exists() else {}
    results["present"] = main()
    results_file.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {results_file}")
