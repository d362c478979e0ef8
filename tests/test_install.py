"""A plain `pip install` of the wheel works: data inside, maps drawing in JupyterLab, offline.

The wheel is built from this checkout and installed with plain pip (no index, no
network) into a new virtual environment. The kit's dependencies are borrowed from
the test environment through a path file, so the test installs nothing from the
internet; everything of the kit itself (its code, its data package and its Jupyter
config files) comes from the wheel alone.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from browser import COUNT_MAP_SHAPES, browser_page
from conftest import chromium_or_skip
from servers import jupyter_lab
from test_browser_lab import _notebook, _open, _run_all, _wait_for_maps

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def _run(cmd, **kwargs):
    result = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{cmd} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def fresh_venv(tmp_path_factory):
    work = tmp_path_factory.mktemp("install")
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["--no-index", "-w", str(work / "dist"), str(ROOT)]
    )
    wheel = next((work / "dist").glob("cstokit-*.whl"))
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", str(venv)])
    py = venv / "bin" / "python"
    site = Path(
        _run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).strip()
    )
    # The dependencies only (jupyterlab, plotly, geopandas...), from the test environment.
    (site / "_borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run([str(py), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)])
    return venv, work


def _clean_env(venv: Path) -> dict:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("CSTOKIT_", "JUPYTER", "PYTHON"))
    }
    env["PATH"] = f"{venv / 'bin'}:{env.get('PATH', '')}"
    return env


def test_the_wheel_carries_the_data_and_answers_from_another_folder(fresh_venv, tmp_path):
    venv, _ = fresh_venv
    out = _run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import cstokit, cstokit._data as d; "
            "print(cstokit.__file__); print(d.data_dir()); "
            "print(','.join(cstokit.members_at('cst', '2022-01-06')['iso3']))",
        ],
        cwd=tmp_path,
        env=_clean_env(venv),
    ).splitlines()
    assert out[0].startswith(str(venv)), out
    assert out[1] == str(Path(out[0]).parent / "package_data"), out
    assert out[2] == "ARM,BLR,KAZ,KGZ,RUS,TJK"


def test_the_wheel_installs_the_jupyter_config_files(fresh_venv):
    venv, _ = fresh_venv
    assert (venv / "etc/jupyter/jupyter_server_config.d/cstokit.json").exists()
    assert (venv / "etc/jupyter/jupyter_lab_config.json").exists()
    assert (venv / "share/jupyter/lab/settings/overrides.json").exists()


@pytest.mark.browser
def test_a_map_draws_in_jupyterlab_from_the_plain_install(fresh_venv, tmp_path):
    chromium = chromium_or_skip()
    venv, _ = fresh_venv
    test_env = Path(sys.prefix)
    env = _clean_env(venv)
    # JupyterLab's own page assets and the plotly renderer live with the borrowed packages.
    env["JUPYTERLAB_DIR"] = str(test_env / "share/jupyter/lab")
    env["JUPYTER_PATH"] = str(test_env / "share/jupyter")
    _notebook(tmp_path / "maps.ipynb")
    command = [str(venv / "bin" / "python"), "-m", "jupyterlab"]
    with (
        jupyter_lab(tmp_path, command=command, env=env) as (base, token),
        browser_page(chromium) as (page, log),
    ):
        _open(page, base, token, "maps.ipynb")
        _run_all(page)
        drawn = _wait_for_maps(page, 1)
        assert drawn["countries"] >= 6 and drawn["globeFilling"] == 0, drawn
        assert drawn["borders"] >= 2, drawn
        assert log.outside == []
    server_log = (tmp_path / "jupyterlab.log").read_text()
    assert "cstokit: offline map outlines served" in server_log
    assert "Extension Manager is 'readonly'" in server_log
    assert COUNT_MAP_SHAPES
