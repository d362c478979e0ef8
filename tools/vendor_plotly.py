"""Refresh src/cstokit/vendor/plotly-geo.min.js to match the installed plotly's plotly.js.

Run by a maintainer after upgrading plotly (needs npm and the npm registry); never at run
time. It fetches `plotly.js-geo-dist-min@<version>` with `npm pack` and copies the bundle
and its licence.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import plotly.offline

VENDOR = Path(__file__).resolve().parent.parent / "src" / "cstokit" / "vendor"


def bundled_version() -> str:
    head = plotly.offline.get_plotlyjs()[:200]
    return re.search(r"plotly\.js v(\d+\.\d+\.\d+)", head).group(1)


def main() -> int:
    version = bundled_version()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"plotly.js-geo-dist-min@{version}"], cwd=tmp, check=True)
        (tarball,) = Path(tmp).glob("*.tgz")
        with tarfile.open(tarball) as archive:
            archive.extractall(tmp, filter="data")
        shutil.copy(Path(tmp) / "package" / "plotly-geo.min.js", VENDOR / "plotly-geo.min.js")
        shutil.copy(Path(tmp) / "package" / "LICENSE", VENDOR / "plotly.js-LICENSE.txt")
    print(f"vendored plotly.js-geo-dist-min {version} into {VENDOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
