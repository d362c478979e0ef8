"""The Voila server `cstokit present` runs: standalone Voila, with preheated kernels.

Voila's preheated kernels (a pool that has already run the dashboard notebook before anyone
opens the page) exist only in its standalone app, not as a Jupyter server extension, and
the standalone app exposes only the dashboard: no contents API, no terminals, and kernels
that accept widget messages but no code (Voila's ``allowed_message_types``). That last
point is what makes it safe to serve to a classroom's devices with `--lan`.

This subclass adds three routes and one rule to Voila's own:

- ``cstokit/geo/<name>.json``: the kit's map outline (public geography, no login), so
  maps draw with no internet;
- ``cstokit/status``: whether the pool is warm (the command prints its ready line then),
  how many viewers are connected and the cap;
- a viewer cap: past it, the next visitor gets a page that says the class is full and
  when to retry (HTTP 503 with Retry-After), never a traceback.

Run it as ``python -m cstokit._voila_app <notebook> [Voila options] --PresentApp.cap=N``.
"""

from __future__ import annotations

import json
import sys

# jsonschema imports rfc3987_syntax, when installed, to check the "iri" string formats; it
# compiles a grammar at import, 3.2 s of this server's start on a 2-core laptop (measured
# with -X importtime). No schema Voila or Jupyter validates uses those formats, so the
# server starts without it: jsonschema then leaves "iri" unchecked, as it does when the
# package is absent.
sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]

from jupyter_core.utils import ensure_async  # noqa: E402
from tornado import web  # noqa: E402
from traitlets import Int  # noqa: E402
from voila.app import Voila  # noqa: E402
from voila.tornado.handler import TornadoVoilaHandler  # noqa: E402

from ._geo import ROUTE  # noqa: E402
from ._html import render  # noqa: E402
from ._server import send_outline  # noqa: E402

RETRY_AFTER = 30  # seconds: about the time a kernel of the pool takes to warm up again


class OutlineHandler(web.RequestHandler):
    """GET <base>cstokit/geo/world_110m.json: the kit's world outline for plotly.js."""

    def get(self, name: str) -> None:  # noqa: D102
        send_outline(self, name)


class StatusHandler(web.RequestHandler):
    """GET <base>cstokit/status: {"ready": bool, "viewers": int, "cap": int, "pool": int}."""

    def get(self) -> None:  # noqa: D102
        app: PresentApp = self.settings["cstokit_app"]
        self.set_header("Content-Type", "application/json")
        self.set_header("Cache-Control", "no-store")
        self.finish(json.dumps(app.status()))


class CappedVoilaHandler(TornadoVoilaHandler):
    """Voila's page handler, with a "class full" page once the cap of viewers is reached."""

    async def get(self, path=None):  # noqa: D102
        app: PresentApp = self.settings["cstokit_app"]
        if self.current_user and app.viewers() >= app.cap:
            self.set_status(503)
            self.set_header("Retry-After", str(RETRY_AFTER))
            self.set_header("Cache-Control", "no-store")
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(render("class_full.html.j2", cap=app.cap, retry=RETRY_AFTER))
            return
        return await super().get(path)


class PresentApp(Voila):
    """Voila with the kit's routes and a cap on simultaneous viewers."""

    name = "cstokit-present"
    cap = Int(20, config=True, help="How many viewers (each with its own kernel) at once.")

    def viewers(self) -> int:
        """Kernels serving a page now: those handed to a page and still running."""
        running = set(self.kernel_manager.list_kernel_ids())
        self._served &= running
        return len(self._served)

    def _track_viewers(self) -> None:
        """Note each kernel Voila hands to a page: a warm one from the pool, or a new one.

        The page handler calls these two methods of the kernel manager; the pool starts
        its own kernels through the class (``super().start_kernel``), so they are not
        counted until a page takes them.
        """
        self._served: set[str] = set()
        manager = self.kernel_manager
        take_warm, start_new = manager.get_rendered_notebook, manager.start_kernel

        async def get_rendered_notebook(*args, **kwargs):
            result = await take_warm(*args, **kwargs)
            self._served.add(result[2])
            return result

        async def start_kernel(*args, **kwargs):
            kernel_id = await ensure_async(start_new(*args, **kwargs))
            self._served.add(kernel_id)
            return kernel_id

        manager.get_rendered_notebook = get_rendered_notebook
        manager.start_kernel = start_kernel

    def pool_ready(self) -> bool:
        """Whether every kernel of the pool has started and run the dashboard notebook."""
        pools = getattr(self.kernel_manager, "_pools", {})
        tasks = [task for pool in pools.values() for task in pool]
        if not tasks:
            return False
        for task in tasks:
            if not task.done() or task.exception() is not None:
                return False
            if not task.result()["task"].done():
                return False
        return True

    def status(self) -> dict:
        pools = getattr(self.kernel_manager, "_pools", {})
        return dict(
            ready=self.pool_ready(),
            viewers=self.viewers(),
            cap=self.cap,
            pool=sum(len(pool) for pool in pools.values()),
        )

    def init_handlers(self) -> list:
        self._track_viewers()  # the kernel manager exists by now (init_settings made it)
        handlers = []
        for handler in super().init_handlers():
            if len(handler) > 1 and handler[1] is TornadoVoilaHandler:
                handler = (handler[0], CappedVoilaHandler, *handler[2:])
            handlers.append(handler)
        base = self.server_url.rstrip("/") + "/"
        ours = [
            (base + ROUTE + r"([a-z_0-9]+)\.json", OutlineHandler),
            (base + "cstokit/status", StatusHandler),
        ]
        # Before Voila's catch-all page route.
        return ours + handlers

    def start(self) -> None:
        # Voila's page would name MathJax 2 on cdnjs; unset (null), its front end uses the
        # MathJax 3 bundled in voila.js, so nothing is fetched from outside the machine.
        self.tornado_settings = {
            **self.tornado_settings,
            "cstokit_app": self,
            "mathjax_url": None,
            "mathjax_config": None,
        }
        super().start()


main = PresentApp.launch_instance

if __name__ == "__main__":
    main()
