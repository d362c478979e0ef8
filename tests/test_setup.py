"""The set-up promises: two commands, conda env in step with pyproject, a working CLI."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from cstokit import _doctor
from cstokit._cli import main

ROOT = Path(__file__).resolve().parent.parent


def _pyproject_deps():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return {re.split(r"[<>=!~ ]", d, maxsplit=1)[0]: d for d in project["dependencies"]}


def test_environment_yml_matches_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    conda_deps = {re.split(r"[<>=!~ ]", d, maxsplit=1)[0]: d.replace(" ", "") for d in conda}
    conda_deps.pop("python"), conda_deps.pop("pip")
    assert conda_deps == {k: v.replace(" ", "") for k, v in _pyproject_deps().items()}
    assert "conda-forge" in env["channels"]


def test_repo2docker_reads_environment_yml_as_is():
    # A binder/ folder or a requirements.txt would make repo2docker ignore environment.yml.
    assert not (ROOT / "binder").exists()
    assert not (ROOT / "requirements.txt").exists()
    assert "pip install --no-deps -e ." in (ROOT / "postBuild").read_text()
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert not any(isinstance(d, dict) and "pip" in d for d in env["dependencies"])


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / "README.md").read_text()
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_check_python_names_the_version_needed():
    # Run the checker as an old Python would see it: the message names 3.11 and the fix.
    code = (
        "import sys; sys.version_info = (3, 9, 1, 'final', 0); "
        f"exec(open({str(ROOT / 'tools' / 'check_python.py')!r}).read())"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 1
    assert "needs Python 3.11 or newer" in result.stderr
    assert "PYTHON=python3.11" in result.stderr


def test_half_finished_venv_is_rebuilt(tmp_path):
    # A venv folder without the stamp is what an interrupted install leaves behind.
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "marker-from-broken-install").write_text("x")
    script = ROOT / "tools" / "setup_venv.py"
    code = (
        "import sys, runpy, subprocess\n"
        "calls = []\n"
        "subprocess.run = lambda cmd, **kw: calls.append(cmd)\n"
        f"sys.argv = ['setup_venv.py', '--venv', {str(venv)!r}]\n"
        f"runpy.run_path({str(script)!r}, run_name='__main__')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "incomplete" in result.stdout and "rebuilding" in result.stdout
    assert not (venv / "marker-from-broken-install").exists()


def test_cli_version_and_help(capsys):
    with pytest.raises(SystemExit) as exit_:  # argparse's --version exits, with code 0
        main(["--version"])
    assert exit_.value.code == 0
    assert "cstokit 0.1.0" in capsys.readouterr().out
    assert main([]) == 0
    assert "doctor" in capsys.readouterr().out


def test_doctor_reports_every_watched_package_and_data(capsys):
    problems = _doctor.run()
    out = capsys.readouterr().out
    for name in _doctor.WATCHED:
        assert name in out
    assert "matches its pinned sha256" in out
    assert problems == 0, out


def test_doctor_flags_a_bad_version(monkeypatch):
    monkeypatch.setattr(_doctor.metadata, "version", lambda name: "3.0.0")
    results = _doctor.check_versions()
    assert results and not any(ok for ok, _, _ in results)
    assert all("pip install" in fix for _, _, fix in results)


def test_doctor_flags_changed_data(data_copy):
    path = data_copy / "treaties.csv"
    path.write_bytes(path.read_bytes() + b"\n")
    bad = [what for ok, what, _ in _doctor.check_data() if not ok]
    assert bad == ["dataset treaties"]


@pytest.mark.slow
def test_make_lab_serves_jupyterlab_on_loopback():
    """`make lab` (with the venv in place) answers on 127.0.0.1 and opens the start notebook."""
    import json
    import os
    import signal
    import time
    import urllib.request

    from servers import free_port, wait_for

    port = free_port()
    # BROWSER=true: the "browser" JupyterLab opens is the no-op `true` command.
    env = dict(os.environ, BROWSER="true")
    proc = subprocess.Popen(
        ["make", "-s", "lab", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/api", timeout=120)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=10) as response:
            assert "version" in json.loads(response.read())
        time.sleep(3)  # JupyterLab prints the address to open just after it starts answering
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        output = proc.communicate(timeout=30)[0].decode(errors="replace")
    assert f"http://127.0.0.1:{port}/lab?token=" in output
    assert "Serving notebooks from local directory: " + str(ROOT / "notebooks") in output
    assert "Extension Manager is 'readonly'" in output  # no PyPI listing from the classroom


def test_the_suite_cannot_reach_the_internet():
    import socket

    import pytest_socket

    with (
        pytest.warns(UserWarning, match="8.8.8.8"),
        pytest.raises(pytest_socket.SocketConnectBlockedError),
    ):
        socket.create_connection(("8.8.8.8", 53), timeout=2)
