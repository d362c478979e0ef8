"""Loading the pinned datasets in data/ with their hashes checked.

data/datapackage.json (a Frictionless Data Package) is the catalogue: every
resource has its path, sha256 and table schema. A file whose bytes differ from
the recorded hash is refused, so a class never works from silently changed data.
The kit only ever reads data/; it never writes there at run time.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import os
from pathlib import Path

import pandas as pd

from ._errors import DataIntegrityError, UnknownIdError

_PKG_ROOT = Path(__file__).resolve().parent


def data_dir() -> Path:
    """Return the folder holding datapackage.json.

    ``CSTOKIT_DATA_DIR`` overrides it; a checkout (or an editable install) reads the
    repository's data/; an installed wheel reads the copy it carries (package_data/).
    """
    env = os.environ.get("CSTOKIT_DATA_DIR")
    if env:
        return Path(env).resolve()
    checkout = _PKG_ROOT.parent.parent / "data"
    if (checkout / "datapackage.json").exists():
        return checkout
    return _PKG_ROOT / "package_data"


@functools.lru_cache(maxsize=4)
def _catalogue_cached(path: str, mtime_ns: int, size: int) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataIntegrityError(
            f"{path} cannot be read as JSON ({exc}). Restore it with "
            "`git checkout -- data/datapackage.json`."
        ) from None


def catalogue() -> dict:
    """Return data/datapackage.json as a dict."""
    path = data_dir() / "datapackage.json"
    try:
        st = path.stat()
    except FileNotFoundError:
        raise DataIntegrityError(
            f"No data catalogue at {path}. Run the kit from its repository folder, or set "
            "CSTOKIT_DATA_DIR to the folder holding datapackage.json."
        ) from None
    return _catalogue_cached(str(path), st.st_mtime_ns, st.st_size)


def resource_names() -> list[str]:
    """Names of every resource in the catalogue, in catalogue order."""
    return [r["name"] for r in catalogue()["resources"]]


def resource(name: str) -> dict:
    """The catalogue entry (path, hash, schema, sources...) of one resource."""
    for entry in catalogue()["resources"]:
        if entry["name"] == name:
            return entry
    raise UnknownIdError("dataset", name, resource_names())


def data_key(*names: str) -> tuple[str, ...]:
    """The pinned hashes of some resources: a cache key that changes when the data does."""
    return tuple(resource(n).get("hash", "") for n in names)


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def verify(name: str) -> Path:
    """Check one resource's file against its pinned sha256 and return its path."""
    entry = resource(name)
    path = data_dir() / entry["path"]
    want = entry.get("hash", "").split(":")[-1]
    if not path.exists():
        raise DataIntegrityError(
            f"data/{entry['path']} (resource {name!r}) is missing. Restore it with "
            f"`git checkout -- data/{entry['path']}`."
        )
    found = _hash_cached(str(path), *_stat_key(path))
    if found != want:
        raise DataIntegrityError(
            f"data/{entry['path']} does not match its pinned hash: datapackage.json records "
            f"sha256 {want}, the file has sha256 {found}. The file was changed after it was "
            f"pinned. Restore it with `git checkout -- data/{entry['path']}`; if the change "
            "is intended, re-pin with `make data`. Nothing was loaded."
        )
    return path


def _stat_key(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


@functools.lru_cache(maxsize=64)
def _hash_cached(path: str, mtime_ns: int, size: int) -> str:
    return sha256_of(Path(path))


_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "boolean": "boolean"}


@functools.lru_cache(maxsize=64)
def _load_cached(name: str, path: str, mtime_ns: int, size: int):
    entry = resource(name)
    if path.endswith(".parquet"):
        import geopandas

        return geopandas.read_parquet(path)
    if path.endswith(".json"):
        return json.loads(Path(path).read_text(encoding="utf-8"))
    fields = entry["schema"]["fields"]
    dtypes = {f["name"]: _DTYPES.get(f["type"], "string") for f in fields}
    try:
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    except (ValueError, pd.errors.ParserError) as exc:
        raise DataIntegrityError(f"data/{entry['path']} cannot be parsed: {exc}") from None
    expected = [f["name"] for f in fields]
    if list(frame.columns) != expected:
        raise DataIntegrityError(
            f"data/{entry['path']} has columns {list(frame.columns)}; its schema expects {expected}."
        )
    return frame


def load(name: str):
    """Load one dataset from data/ after checking its sha256.

    Parameters
    ----------
    name : str
        A resource name from data/datapackage.json, e.g. ``"treaties"``,
        ``"memberships"``, ``"contributions"``, ``"countries"``. ``cstokit.datasets()``
        lists them with their row counts and descriptions.

    Returns
    -------
    pandas.DataFrame
        Columns as in the resource's schema (dates stay ISO strings, so a partial
        date such as ``"1966-03"`` keeps its precision). ``"countries"`` returns a
        GeoDataFrame; ``"world_outline"`` the TopoJSON as a dict. The result is a
        copy: changing it never changes the data.

    Raises
    ------
    UnknownIdError
        For a name the catalogue does not hold (the message lists the valid ones).
    DataIntegrityError
        When the file is missing or differs from its pinned hash.
    """
    path = verify(name)
    data = _load_cached(name, str(path), *_stat_key(path))
    return copy.deepcopy(data) if isinstance(data, dict) else data.copy()


def datasets() -> pd.DataFrame:
    """Table of every dataset: name, file, rows, columns and description."""
    rows = [
        {
            "name": r["name"],
            "path": "data/" + r["path"],
            "rows": r.get("rows"),
            "columns": ", ".join(f["name"] for f in r["schema"]["fields"]),
            "description": r.get("description", ""),
        }
        for r in catalogue()["resources"]
    ]
    return pd.DataFrame(rows).astype({"rows": "Int64"})


def enum_values(resource_name: str, field: str) -> list[str]:
    """The allowed values of a field, as the catalogue's schema lists them (its one vocabulary)."""
    for entry in resource(resource_name)["schema"]["fields"]:
        if entry["name"] == field:
            return list(entry.get("constraints", {}).get("enum", []))
    raise UnknownIdError(
        f"field of {resource_name}",
        field,
        [f["name"] for f in resource(resource_name)["schema"]["fields"]],
    )


def vocabulary(name: str) -> list[dict]:
    """One of the vocabularies written once in datapackage.json (``"status"``, ``"membership_event"``)."""
    vocabularies = catalogue().get("cstokit:vocabularies", {})
    if name not in vocabularies:
        raise UnknownIdError("vocabulary", name, vocabularies)
    return copy.deepcopy(vocabularies[name])
