"""A map whose border route is missing says so in the notebook, with the fix."""

from __future__ import annotations

import jupyter_core.paths
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

import cstokit
from cstokit import _doctor, _geo


@pytest.fixture(autouse=True)
def shell():
    # display() publishes through an IPython shell, as in a notebook; gone afterwards, so
    # no other test runs inside it.
    yield InteractiveShell.instance()
    InteractiveShell.clear_instance()


def test_the_route_is_found_in_this_environment():
    assert _geo.route_enabled()


def test_without_the_server_setting_a_map_says_how_to_fix_it(monkeypatch, tmp_path):
    monkeypatch.setattr(jupyter_core.paths, "jupyter_config_path", lambda: [str(tmp_path)])
    assert not _geo.route_enabled()
    fig = cstokit.member_map("cst", "2022-01-06")
    with capture_output() as shown:
        fig._ipython_display_()
    notice = " ".join(o.data.get("text/html", "") for o in shown.outputs)
    assert "no borders" in notice and "cstokit enable-jupyter" in notice
    ok, line, fix = _doctor.check_server_extension()[0]
    assert not ok and "cstokit enable-jupyter" in fix


def test_a_chart_without_a_map_needs_no_route(monkeypatch, tmp_path):
    monkeypatch.setattr(jupyter_core.paths, "jupyter_config_path", lambda: [str(tmp_path)])
    with capture_output() as shown:
        cstokit.timeline("csto_kaz_2022")._ipython_display_()
    assert "no borders" not in " ".join(o.data.get("text/html", "") for o in shown.outputs)
