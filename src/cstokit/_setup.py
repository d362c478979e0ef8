"""`cstokit enable-jupyter`: the Jupyter settings the kit needs, written into this environment.

Run by `make lab` / `make test` after installing, and by Binder's postBuild. It
writes only below ``sys.prefix`` (the kit's own environment), never into data/.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

# The same files a wheel installs as data files (pyproject.toml [tool.setuptools.data-files]);
# this command writes them where an install did not (postBuild, a repaired environment).
CONFIG = Path(__file__).resolve().parent / "jupyter_config"


def _read(name: str) -> dict:
    return json.loads((CONFIG / name).read_text(encoding="utf-8"))


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
    _write_json(server, _read("server/cstokit.json"))
    _write_json(lab, _read("lab/jupyter_lab_config.json"), merge=True)
    _write_json(overrides, _read("lab/overrides.json"), merge=True)
    return [server, lab, overrides]
