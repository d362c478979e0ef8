"""Real Jupyter servers for the browser tests: started as a user would, stopped afterwards."""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status < 500:
                    return
        except Exception as exc:  # noqa: BLE001 - keep polling until the deadline
            last = exc
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout} s ({last})")


@contextlib.contextmanager
def jupyter_lab(root_dir: Path, command: list[str] | None = None, env: dict | None = None):
    """JupyterLab on 127.0.0.1 with a token, as `make lab` starts it; yields (base_url, token).

    ``command`` starts JupyterLab from another environment (default: this one's
    ``jupyter lab``); ``env`` replaces the server's environment.
    """
    port, token = free_port(), secrets.token_hex(16)
    log = open(root_dir / "jupyterlab.log", "w")  # noqa: SIM115 - closed below
    env = dict(env or os.environ, JUPYTER_PLATFORM_DIRS="1")
    proc = subprocess.Popen(
        (command or [str(BIN / "jupyter"), "lab"])
        + [
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={root_dir}",
        ]
        + (["--allow-root"] if os.geteuid() == 0 else []),
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/api/status?token={token}")
        yield base, token
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


class Present:
    """A `cstokit present --no-browser` process, its output, and the address it printed."""

    def __init__(self, port: int, *extra: str):
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [str(BIN / "cstokit"), "present", "--no-browser", "--port", str(port), *extra],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self.url: str | None = None
        self.ready_at: float | None = None  # when the ready line was printed
        self._ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            self.lines.append(line.rstrip())
            found = re.search(
                r"(?:open|ouvrez) (http://\S+) (?:in a browser|dans un navigateur)", line
            )
            if found and self.url is None:
                self.url, self.ready_at = found.group(1), time.monotonic()
                self._ready.set()
        self._ready.set()

    def wait_ready(self, timeout: float = 90) -> str:
        self._ready.wait(timeout)
        assert self.url, "cstokit present printed no address:\n" + "\n".join(self.lines)
        return self.url

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # present stops its server and kernels
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)  # the group this test started
                self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        self.proc.stdout.close()
