"""Create or refresh the kit's virtual environment (.venv) for `make`.

A venv is trusted only when its stamp file names the current pyproject.toml:
no stamp means an install was interrupted, so the venv is rebuilt from scratch
instead of being reused half-finished.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _digest() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def _stamp(venv: Path, extra: str | None) -> Path:
    name = f".cstokit-{extra}-installed" if extra else ".cstokit-installed"
    return venv / name


def _run(cmd: list[str]) -> None:
    print("  $ " + " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--venv", default=".venv")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--extras", default=None, help="optional extra, e.g. test or data")
    args = parser.parse_args()

    venv = (ROOT / args.venv).resolve()
    vpy = venv / "bin" / "python"
    digest = _digest()
    started = time.monotonic()

    base = _stamp(venv, None)
    if venv.exists() and (not base.exists() or not vpy.exists()):
        print(
            f"cstokit: {venv.name} is incomplete (an earlier install stopped midway); rebuilding it."
        )
        shutil.rmtree(venv)
    if not venv.exists():
        print(f"cstokit: creating {venv.name} with {args.python} ...", flush=True)
        _run([args.python, "-m", "venv", str(venv)])

    wanted = [(None, base)]
    if args.extras:
        wanted.append((args.extras, _stamp(venv, args.extras)))
    for extra, stamp in wanted:
        if stamp.exists() and stamp.read_text().strip() == digest:
            continue
        target = f".[{extra}]" if extra else "."
        print(f"cstokit: installing {target} into {venv.name} ...", flush=True)
        # Editable: notebooks and tests use the working tree's code and data.
        _run([str(vpy), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target])
        if extra is None:
            _run([str(venv / "bin" / "cstokit"), "enable-jupyter"])
        stamp.write_text(digest + "\n")
    print(f"cstokit: {venv.name} ready ({time.monotonic() - started:.0f} s).", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
