"""`cstokit doctor`: checks a set-up and prints the fix for each problem it finds."""

from __future__ import annotations

import os
import shutil
from importlib import metadata

# The packages whose versions must agree for figures and widgets to show in
# JupyterLab; their bounds are read from the kit's own metadata (pyproject.toml),
# so there is one list to keep.
WATCHED = ("jupyterlab", "ipywidgets", "plotly", "anywidget", "voila")
CHROMIUM = "/usr/bin/chromium"


def known_good() -> dict[str, str]:
    """Version bounds of the watched packages, as declared by the installed cstokit."""
    from packaging.requirements import Requirement

    bounds = {}
    for line in metadata.requires("cstokit") or []:
        req = Requirement(line)
        if req.name in WATCHED and not req.marker:
            bounds[req.name] = str(req.specifier)
    return bounds


def check_versions() -> list[tuple[bool, str, str]]:
    """(ok, what, fix) for every package of the known-good combination."""
    from packaging.specifiers import SpecifierSet

    out = []
    for name, spec in known_good().items():
        wanted = f"pip install '{name}{spec}' (or delete .venv and re-run `make lab`)"
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            out.append((False, f"{name} is not installed", wanted))
            continue
        ok = SpecifierSet(spec).contains(found, prereleases=True)
        out.append((ok, f"{name} {found} (known good: {spec})", "" if ok else wanted))
    return out


def check_data() -> list[tuple[bool, str, str]]:
    """(ok, what, fix) for every data file's pinned hash."""
    from ._data import DataIntegrityError, resource_names, verify

    out = []
    try:
        names = resource_names()
    except DataIntegrityError as exc:
        return [(False, "data catalogue", str(exc))]
    for name in names:
        try:
            path = verify(name)
            out.append((True, f"data/{path.name} matches its pinned sha256", ""))
        except DataIntegrityError as exc:
            out.append((False, f"dataset {name}", str(exc)))
    return out


def check_browser() -> list[tuple[bool, str, str]]:
    """Whether Chromium (for the browser tests) is present."""
    if os.path.exists(CHROMIUM):
        return [(True, f"Chromium found at {CHROMIUM} (browser tests can run)", "")]
    fix = "sudo apt-get install chromium (only needed for the browser tests; `make test` installs it as root)"
    return [(False, f"Chromium not found at {CHROMIUM}", fix)]


def check_server_extension() -> list[tuple[bool, str, str]]:
    """Whether Jupyter servers of this environment load the kit's offline-map route."""
    from ._geo import ROUTE_FIX, route_enabled

    if route_enabled():
        return [(True, "offline map route enabled for Jupyter servers in this environment", "")]
    return [
        (
            False,
            "the kit's Jupyter server extension is not enabled (maps would have no borders)",
            ROUTE_FIX,
        )
    ]


def run(printer=print) -> int:
    """Run every check; print one line each and the fixes. Returns the number of problems."""
    problems = 0
    sections = [
        ("Package versions", check_versions),
        ("Data files", check_data),
        ("Jupyter", check_server_extension),
        ("Browser (tests only)", check_browser),
    ]
    for title, check in sections:
        printer(f"{title}:")
        for ok, what, fix in check():
            printer(f"  [{'ok' if ok else 'PROBLEM'}] {what}")
            if not ok:
                printer(f"      fix: {fix}")
                # A missing browser only matters for the tests; it does not fail the doctor.
                problems += title != "Browser (tests only)"
    printer("All good." if problems == 0 else f"{problems} problem(s) found; see the fixes above.")
    return problems


def chromium_path() -> str | None:
    """Path of Debian's Chromium if present."""
    return CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
