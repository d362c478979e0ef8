"""`cstokit enable-jupyter`: the Jupyter settings the kit needs, written into this environment.

Run by `make lab` / `make test` after installing, and by Binder's postBuild. It
writes only below ``sys.prefix`` (the kit's own environment), never into data/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

SERVER_CONFIG = {"ServerApp": {"jpserver_extensions": {"cstokit": True}}}
# No call-outs from JupyterLab's server: news, update checks, PyPI extension listing.
# (LabApp reads these from jupyter_lab_config.json; it ignores .d snippets.)
LAB_CONFIG = {
    "LabApp": {
        "news_url": None,
        "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
        "extension_manager": "readonly",
    }
}
# A classroom may have no internet: JupyterLab must not fetch news, look for
# updates, or list extensions from PyPI.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"checkForUpdates": False, "fetchNews": "false"},
    "@jupyterlab/extensionmanager-extension:plugin": {"enabled": False},
}


def _write_json(path: Path, content: dict, merge: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if merge and path.exists():
        try:
            current = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            current = {}
        current.update(content)
        content = current
    path.write_text(json.dumps(content, indent=2) + "\n", encoding="utf-8")


def enable_jupyter(prefix: str | None = None) -> list[Path]:
    """Enable the kit's server extension and the offline JupyterLab settings; return the files written."""
    root = Path(prefix or sys.prefix)
    server = root / "etc" / "jupyter" / "jupyter_server_config.d" / "cstokit.json"
    lab = root / "etc" / "jupyter" / "jupyter_lab_config.json"
    overrides = root / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    _write_json(server, SERVER_CONFIG)
    _write_json(lab, LAB_CONFIG, merge=True)
    _write_json(overrides, LAB_OVERRIDES, merge=True)
    return [server, lab, overrides]
