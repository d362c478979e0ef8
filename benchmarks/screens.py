"""Screenshots of the kit's figures at a school projector's size (1280x720), for review.

`make bench` runs this after run.py; the PNGs go to benchmarks/screens/ and are committed so
a reviewer sees what a class sees. Each page is a saved figure opened from file:// in
Debian's Chromium, offline.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import cstokit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
from browser import FLAGS as BROWSER_FLAGS  # noqa: E402

OUT = HERE / "screens"
CHROMIUM = "/usr/bin/chromium"
# The browser tests' own flags (no background networking, no first-run calls).
FLAGS = [*BROWSER_FLAGS, "--hide-scrollbars"]
FIGURES = {
    "invocations_chart": lambda: cstokit.invocations_chart(),
    "timeline": lambda: cstokit.timeline("csto_kaz_2022"),
    "contributions_chart": lambda: cstokit.contributions_chart("csto_kaz_2022"),
    "deployment_map": lambda: cstokit.deployment_map("csto_kaz_2022"),
    "membership_animation_nato_warsaw": lambda: cstokit.membership_animation(
        ["nato", "warsaw_pact"], 1949, 1991
    ),
}


def main(size=(1280, 720)) -> int:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in FIGURES.items():
            page = cstokit.save_html(make(), Path(tmp) / f"{name}.html")
            png = OUT / f"{name}_{size[0]}x{size[1]}.png"
            subprocess.run(
                [CHROMIUM, *FLAGS, f"--window-size={size[0]},{size[1]}", f"--screenshot={png}"]
                + ["--virtual-time-budget=5000", page.as_uri()],
                check=True,
                capture_output=True,
                timeout=120,
            )
            print(f"{png.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
