"""Jupyter server extension: what keeps the kit's maps working in JupyterLab and Voila.

- A route that serves the kit's outline file to plotly.js (public geography, so
  it needs no login; it serves only that one verified file).
- A pre-save hook: JupyterLab's plotly renderer stores a PNG snapshot beside each
  figure and, on reopening, shows that still image instead of the live figure, so
  a reopened map would lose its hover and its year slider. For the kit's own
  figures (marked in layout.meta) the snapshot is dropped on save; the figure's
  data stays, so nothing of the user's work is lost and the map redraws live.

Enabled for every Jupyter server of the environment by `cstokit enable-jupyter`.
"""

from __future__ import annotations

from jupyter_server.auth.decorator import allow_unauthenticated
from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.utils import url_path_join
from tornado import web

from ._figures import KIT_MARK, PLOTLY_MIME
from ._geo import ROUTE, TOPOJSON_NAMES, outline_bytes


def send_outline(handler: web.RequestHandler, name: str) -> None:
    """Answer a request for one of the outline's names (the same file under each)."""
    if name not in TOPOJSON_NAMES:
        raise web.HTTPError(404, f"cstokit serves only {', '.join(TOPOJSON_NAMES)}")
    handler.set_header("Content-Type", "application/json; charset=utf-8")
    handler.set_header("Cache-Control", "max-age=3600")
    handler.finish(outline_bytes())


class OutlineHandler(JupyterHandler):
    """GET <base_url>cstokit/geo/world_110m.json: the kit's world outline."""

    @allow_unauthenticated
    def get(self, name: str) -> None:  # noqa: D102
        send_outline(self, name)


def drop_kit_snapshots(model: dict, **kwargs) -> None:
    """Pre-save hook: remove the PNG snapshot next to the kit's plotly figures."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    for cell in model["content"].get("cells", []):
        for output in cell.get("outputs", []) or []:
            data = output.get("data") or {}
            figure = data.get(PLOTLY_MIME)
            meta = (
                (figure or {}).get("layout", {}).get("meta") if isinstance(figure, dict) else None
            )
            if isinstance(meta, dict) and meta.get(KIT_MARK) and "image/png" in data:
                del data["image/png"]


def _load_jupyter_server_extension(serverapp) -> None:
    serverapp.contents_manager.register_pre_save_hook(drop_kit_snapshots)
    base = serverapp.web_app.settings["base_url"]
    pattern = url_path_join(base, ROUTE, r"([a-z_0-9]+)\.json")
    serverapp.web_app.add_handlers(".*$", [(pattern, OutlineHandler)])
    serverapp.log.info("cstokit: offline map outlines served at %s", url_path_join(base, ROUTE))
