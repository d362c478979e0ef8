"""`cstokit present`: teacher mode, served by Voila with preheated kernels.

The server is standalone Voila (`_voila_app.PresentApp`) with a pool of kernels that have
already run the dashboard notebook, so the first scene is on screen as soon as a page
opens. The command prints its ready line only once the pool is warm. With ``--lan`` it
serves the laptop's network address, prints it with a QR code, and each student's
browser gets its own kernel, up to a cap.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import webbrowser
from pathlib import Path

from ._text import set_language, t

DASHBOARD = "notebooks/teacher/dashboard.ipynb"
# Each edition's dashboard: the French one sits in the French teacher folder.
DASHBOARDS = {"en": DASHBOARD, "fr": "notebooks/fr/enseignant/tableau_de_bord.ipynb"}
JUPYTER_DATA = Path(__file__).resolve().parent / "jupyter_data"
TEMPLATE = "cstokit"
STARTUP_TIMEOUT = 90.0
# Measured with `make bench` (benchmarks/load.py) on a 2-core, 24 GiB laptop: see the README.
DEFAULT_CAP = 20
POOL_LOCAL = 1  # one warm kernel: the teacher's own page
POOL_LAN = 2  # two, so the first students in do not wait for a kernel to start
# A kernel whose page was closed without saying so is stopped after this long unconnected.
CULL_IDLE = 600


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


def lan_address() -> str | None:
    """The address of this machine on its local network, or None when it has none.

    Asks the OS which interface would carry a packet to a private address (a UDP
    "connect" sends nothing), which is the address a classroom's devices can reach.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        try:
            sock.connect(("10.255.255.255", 1))
            address = sock.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def serving_host(host: str, lan: bool) -> tuple[str, str, str | None]:
    """(address to bind, address to print, a note) for ``--host`` and ``--lan``.

    On a LAN the server listens on every interface and prints the network address; with
    no network address it falls back to loopback and says so (the note).
    """
    if not lan:
        return host, host, None
    address = lan_address()
    if address is None:
        return "127.0.0.1", "127.0.0.1", t("present.no_address")
    return "0.0.0.0", address, None


def server_command(
    root: Path, bind: str, port: int, token: str, *, cap: int, pool: int, language: str = "en"
) -> list[str]:
    """The command line of the Voila server that serves the deck."""
    return [
        sys.executable,
        "-m",
        "cstokit._voila_app",
        str(root / DASHBOARDS[language]),
        f"--Voila.root_dir={root}",
        f"--Voila.ip={bind}",
        f"--Voila.port={port}",
        "--Voila.port_retries=0",  # the port was chosen above; never a silent other one
        "--Voila.open_browser=False",  # opened by this command once the pool is warm
        f"--token={token}",
        "--VoilaConfiguration.preheat_kernel=True",
        f"--VoilaConfiguration.default_pool_size={pool}",
        f"--PresentApp.cap={cap}",
        f"--VoilaConfiguration.template={TEMPLATE}",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.theme=light",
        f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE}",
        "--MappingKernelManager.cull_interval=60",
        "--Voila.log_level=ERROR",  # a calm console; errors still show
    ]


def server_env(
    join_url: str = "", cap: int = 0, cache: str = "", language: str = "en"
) -> dict[str, str]:
    """The server's environment: the kit's Voila template on JUPYTER_PATH, and for the
    dashboard's kernels the address students open, the cap and the shared scene folder.
    """
    env = dict(os.environ)
    paths = [str(JUPYTER_DATA)] + [p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    env["JUPYTER_PATH"] = os.pathsep.join(paths)
    env.setdefault("PYTHONUNBUFFERED", "1")
    env["CSTOKIT_JOIN_URL"] = join_url
    env["CSTOKIT_VIEWER_CAP"] = str(cap)
    env["CSTOKIT_SCENE_CACHE"] = cache
    env["CSTOKIT_LANGUAGE"] = language
    return env


def qr_text(url: str) -> str:
    """The address as a QR code a terminal can show (two modules per character cell)."""
    import io

    import segno

    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True, border=2)
    return out.getvalue()


def _status(opener, url: str) -> dict | None:
    try:
        with opener.open(url, timeout=2) as response:
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError):
        return None


def _wait_ready(proc: subprocess.Popen, status_url: str, timeout: float) -> bool:
    """Wait until the server answers and its pool of kernels has run the dashboard."""
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        status = _status(opener, status_url)
        if status and status.get("ready"):
            return True
        time.sleep(0.1)
    return False


def present(
    host: str = "127.0.0.1",
    port: int = 8866,
    open_browser: bool = True,
    *,
    lan: bool = False,
    cap: int = DEFAULT_CAP,
    pool: int | None = None,
    language: str = "en",
) -> int:
    """Serve teacher mode until Ctrl+C; return the exit status.

    ``language`` ("en", "fr") is the deck's language; its EN/FR control switches it in class.
    """
    started = time.monotonic()
    set_language(language)  # the terminal's lines too, in the language of the deck
    say = lambda message: print(f"cstokit present: {message}", flush=True)  # noqa: E731
    try:
        root = project_root()
    except FileNotFoundError as exc:
        print(f"cstokit present: {exc}", file=sys.stderr)
        return 2
    if cap < 1:
        print(f"cstokit present: {t('present.cap', cap=cap)}", file=sys.stderr)
        return 2
    host, shown, note = serving_host(host, lan)
    if note:
        say(note)
        lan = False
    chosen = choose_port(host, port)
    if chosen != port:
        say(t("present.port", port=port, host=host, chosen=chosen))
    # Always a token, even on loopback: on a shared machine other accounts can reach
    # 127.0.0.1 too, and on a LAN it keeps out whoever has not been given the address.
    token = secrets.token_urlsafe(16 if lan else 24)
    shown = f"[{shown}]" if ":" in shown else shown
    if shown in ("0.0.0.0", "::", ""):
        shown = "127.0.0.1"
    base = f"http://{shown}:{chosen}/"
    address = f"{base}?token={token}"
    pool = pool if pool is not None else (POOL_LAN if lan else POOL_LOCAL)
    dashboard = root / DASHBOARDS[language]
    say(t("present.starting", pool=pool, dashboard=dashboard))
    # The kernels of this server share the scenes they build (see _dashboard.py).
    cache = tempfile.mkdtemp(prefix="cstokit-scenes-")
    proc = subprocess.Popen(
        server_command(root, host, chosen, token, cap=cap, pool=pool, language=language),
        cwd=root,
        env=server_env(address if lan else "", cap, cache, language),
        stdin=subprocess.DEVNULL,  # not a terminal: Ctrl+C stops at once, without a question
    )

    def _stop(signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _stop)
    local = f"http://127.0.0.1:{chosen}/" if host in ("0.0.0.0", "127.0.0.1") else base
    try:
        if not _wait_ready(proc, local + "cstokit/status", STARTUP_TIMEOUT):
            code = proc.poll()
            status = t("present.exit_status", code=code) if code is not None else ""
            print(f"cstokit present: {t('present.failed', status=status)}", file=sys.stderr)
            return 1
        if lan:
            print(qr_text(address), flush=True)
            say(t("present.students", address=address, cap=cap))
        # tests/servers.py reads the address off this line, in either language.
        seconds = f"{time.monotonic() - started:.1f}"
        say(t("present.ready", address=address, seconds=seconds))
        if open_browser:
            webbrowser.open(address)
        return proc.wait()
    except KeyboardInterrupt:
        say(t("present.stopping"))
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
        shutil.rmtree(cache, ignore_errors=True)
