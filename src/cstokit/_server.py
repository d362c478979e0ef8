"""Jupyter server extension: serves the kit's outline file to plotly.js.

Enabled for every Jupyter server of the environment (JupyterLab, Voila run as
a server extension) by jupyter-config/cstokit.json. The outline is public
geography, so the route needs no login; it serves only that one verified file.
"""

from __future__ import annotations

from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

from ._geo import ROUTE, TOPOJSON_NAMES, outline_bytes


class OutlineHandler(JupyterHandler):
    """GET <base_url>cstokit/geo/world_110m.json: the kit's world outline."""

    @allow_unauthenticated
    def get(self, name: str) -> None:  # noqa: D102
        if name not in TOPOJSON_NAMES:
            raise web.HTTPError(404, f"cstokit serves only {', '.join(TOPOJSON_NAMES)}")
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.set_header("Cache-Control", "max-age=3600")
        self.finish(outline_bytes())


def _load_jupyter_server_extension(serverapp) -> None:
    base = serverapp.web_app.settings["base_url"]
    pattern = url_path_join(base, ROUTE, r"([a-z_0-9]+)\.json")
    serverapp.web_app.add_handlers(".*$", [(pattern, OutlineHandler)])
    serverapp.log.info("cstokit: offline map outlines served at %s", url_path_join(base, ROUTE))
