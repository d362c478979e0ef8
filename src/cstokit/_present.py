"""`cstokit present`: the teacher dashboard, served by Voila on this machine.

Voila runs as an extension of a Jupyter server (not as the standalone `voila`
command), so the kit's own server extension loads too and serves the map
outline at <base_url>cstokit/geo/: the maps draw with no internet. The server
uses the kit's Voila template (src/cstokit/jupyter_data/voila/templates/cstokit),
which requests nothing outside the machine and shows no tracebacks.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

DASHBOARD = "notebooks/teacher/dashboard.ipynb"
JUPYTER_DATA = Path(__file__).resolve().parent / "jupyter_data"
TEMPLATE = "cstokit"
STARTUP_TIMEOUT = 90.0
# Only what the dashboard needs: Voila and the kit's outline route. No terminals, no
# JupyterLab (so no news and no update checks), no language server.
EXTENSIONS = {
    "voila.server_extension": True,
    "cstokit": True,
    "jupyterlab": False,
    "jupyter_lsp": False,
    "notebook_shim": False,
    "jupyter_server_terminals": False,
}


def project_root() -> Path:
    """The folder holding notebooks/teacher/dashboard.ipynb: the working folder or the repo."""
    for candidate in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (candidate / DASHBOARD).is_file():
            return candidate
    raise FileNotFoundError(
        f"{DASHBOARD} not found in {Path.cwd()} or beside the cstokit package; "
        "run `cstokit present` from the kit's repository folder."
    )


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        # No SO_REUSEADDR: a port another server listens on must count as taken.
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def choose_port(host: str, wanted: int, tries: int = 20) -> int:
    """``wanted`` if it is free on ``host``, else the next free port (or one the OS picks)."""
    for port in range(wanted, min(wanted + tries, 65536)):
        if _port_free(host, port):
            return port
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def server_command(host: str, port: int, root: Path, open_browser: bool, token: str) -> list[str]:
    """The Jupyter server command line that serves the dashboard with Voila."""
    return [
        sys.executable,
        "-m",
        "jupyter_server",
        f"--ServerApp.ip={host}",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",  # the port was chosen above; never a silent other one
        f"--ServerApp.root_dir={root}",
        f"--ServerApp.default_url=/voila/render/{DASHBOARD}",
        f"--ServerApp.open_browser={open_browser}",
        f"--IdentityProvider.token={token}",
        "--ServerApp.password=",
        "--ServerApp.terminals_enabled=False",
        *(f"--ServerApp.jpserver_extensions={name}={on}" for name, on in EXTENSIONS.items()),
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        f"--VoilaConfiguration.template={TEMPLATE}",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.allow_template_override=NO",
        "--VoilaConfiguration.theme=light",
        # Voila's page would name MathJax 2 on cdnjs; with both unset (null) its front end
        # ("null", as its front end reads them) it uses the MathJax 3 bundled in voila.js.
        "--ServerApp.tornado_settings=mathjax_url=null",
        "--ServerApp.tornado_settings=mathjax_config=null",
        "--ServerApp.log_level=ERROR",  # a calm console; errors still show
        # Jupyter refuses root unless told; classroom containers and Binder often run as root.
        *(["--ServerApp.allow_root=True"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []),
    ]


def server_env() -> dict[str, str]:
    """The server's environment: the kit's Voila template on JUPYTER_PATH."""
    env = dict(os.environ)
    paths = [str(JUPYTER_DATA)] + [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def _wait_ready(proc: subprocess.Popen, url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with opener.open(url, timeout=2) as response:
                if response.status < 500:
                    return True
        except urllib.error.HTTPError as exc:
            if exc.code < 500:
                return True
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    return False


def present(host: str = "127.0.0.1", port: int = 8866, open_browser: bool = True) -> int:
    """Serve the teacher dashboard until Ctrl+C; return the exit status."""
    started = time.monotonic()
    try:
        root = project_root()
    except FileNotFoundError as exc:
        print(f"cstokit present: {exc}", file=sys.stderr)
        return 2
    chosen = choose_port(host, port)
    if chosen != port:
        print(
            f"cstokit present: port {port} is in use on {host}; using port {chosen} instead.",
            flush=True,
        )
    # Always a token, even on loopback: a Jupyter server runs code, and on a shared
    # machine other accounts can reach 127.0.0.1 too. The printed address carries it.
    token = secrets.token_urlsafe(24)
    shown_host = f"[{host}]" if ":" in host else host
    base = f"http://{shown_host}:{chosen}/"
    if host in ("0.0.0.0", "::", ""):  # every interface: this machine opens it on loopback
        base = f"http://127.0.0.1:{chosen}/"
    address = f"{base}?token={token}"
    print(f"cstokit present: starting the dashboard (Voila) from {root / DASHBOARD} …", flush=True)
    proc = subprocess.Popen(
        server_command(host, chosen, root, open_browser, token),
        cwd=root,
        env=server_env(),
        stdin=subprocess.DEVNULL,  # not a terminal: Ctrl+C stops at once, without a question
    )

    def _stop(signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        if not _wait_ready(proc, base + "login", STARTUP_TIMEOUT):
            code = proc.poll()
            print(
                "cstokit present: the server did not start"
                + (f" (exit status {code})" if code is not None else "")
                + "; see the messages above. `.venv/bin/cstokit doctor` checks the set-up.",
                file=sys.stderr,
            )
            return 1
        print(
            f"cstokit present: open {address} in a browser "
            f"(ready after {time.monotonic() - started:.1f} s; the first map takes a few "
            "seconds more). Press Ctrl+C here to stop.",
            flush=True,
        )
        return proc.wait()
    except KeyboardInterrupt:
        print("cstokit present: stopping.", flush=True)
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
