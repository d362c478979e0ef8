"""Shared fixtures. The whole suite runs with outbound network blocked (pytest-socket,
configured in pyproject.toml): only loopback is allowed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture
def data_copy(tmp_path, monkeypatch):
    """A private copy of data/ that a test may damage; the kit is pointed at it."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("_parts", "__pycache__"))
    monkeypatch.setenv("CSTOKIT_DATA_DIR", str(target))
    yield target


def chromium_or_skip():
    """Path of Debian's Chromium; skip (or fail under CI) when it is missing."""
    path = "/usr/bin/chromium"
    if os.path.exists(path):
        return path
    message = "Chromium missing at /usr/bin/chromium: run `make test` as root or `apt-get install chromium`"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (a missing browser is a failure under CI)")
    pytest.skip(message)
