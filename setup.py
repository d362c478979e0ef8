"""Build step the pyproject cannot say: the wheel carries the pinned data package.

A checkout reads data/ at the repository root; an installed wheel has no such
folder, so build_py copies every file that data/datapackage.json lists (and the
catalogue itself) into cstokit/package_data/. The hashes travel with the files,
and the loaders check them as they do in a checkout.
"""

import json
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithData(build_py):
    def run(self):
        super().run()
        data = ROOT / "data"
        target = Path(self.build_lib) / "cstokit" / "package_data"
        target.mkdir(parents=True, exist_ok=True)
        catalogue = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
        for name in ["datapackage.json"] + [r["path"] for r in catalogue["resources"]]:
            shutil.copy2(data / name, target / name)


setup(cmdclass={"build_py": BuildWithData})
