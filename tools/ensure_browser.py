"""Make Debian's Chromium available for the browser tests and the worksheets.

Installs the `chromium` package with apt where it is missing and apt is usable
(root on Debian), with poppler-utils: the worksheet test reads the printed PDF's text
with its `pdftotext`. Elsewhere it says how to enable the browser tests; the tests
then skip, except under CI=true where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

CHROMIUM = "/usr/bin/chromium"


PACKAGES = {CHROMIUM: "chromium", "/usr/bin/pdftotext": "poppler-utils"}


def main() -> int:
    missing = [package for path, package in PACKAGES.items() if not os.path.exists(path)]
    if not missing:
        return 0
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        print(
            f"cstokit: installing Debian's {', '.join(missing)} for the browser tests ...",
            flush=True,
        )
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run([apt, "update", "-q"], check=True, env=env)
        subprocess.run([apt, "install", "-y", "-q", *missing], check=True, env=env)
        return 0
    if os.path.exists(CHROMIUM):
        return 0  # only poppler is missing: the worksheet test then skips its text check
    how = "sudo apt-get install chromium" if apt else "install Chromium at /usr/bin/chromium"
    message = f"cstokit: {CHROMIUM} not found; browser tests will be skipped. To run them: {how}."
    if os.environ.get("CI") == "true":
        print(message.replace("will be skipped", "cannot run under CI"), file=sys.stderr)
        return 1
    print(message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
