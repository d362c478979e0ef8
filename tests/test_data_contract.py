"""The data contract: every resource matches its hash and schema, keys are unique,
every foreign key resolves, dates parse and come in order."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pandas as pd
import pytest

import cstokit
from cstokit._data import sha256_of
from cstokit._dates import to_date
from cstokit._sources import split_ids

DATA = Path(__file__).resolve().parent.parent / "data"
PACKAGE = json.loads((DATA / "datapackage.json").read_text())
TABLES = [r for r in PACKAGE["resources"] if r["format"] == "csv"]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


def _rows(resource):
    with open(DATA / resource["path"], newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("resource", PACKAGE["resources"], ids=lambda r: r["name"])
def test_every_resource_states_its_licence(resource):
    assert resource.get("licenses"), "every resource states its licence"


def test_the_reference_validator_passes():
    # frictionless checks what the catalogue declares: every file's hash and size, the
    # header against the schema, types, required cells, allowed values, patterns, unique
    # primary keys and every single-valued foreign key. The tests below keep only what
    # it cannot check.
    from frictionless import validate

    report = validate(str(DATA / "datapackage.json"))
    errors = [
        f"{task.name}: {error.type}: {error.note}" for task in report.tasks for error in task.errors
    ]
    assert report.valid, errors[:10]


@pytest.mark.parametrize("resource", TABLES, ids=lambda r: r["name"])
def test_cells_have_no_stray_spaces_and_dates_exist(resource):
    dates = [
        f["name"]
        for f in resource["schema"]["fields"]
        if f.get("constraints", {}).get("pattern") == DATE
    ]
    for number, row in enumerate(_rows(resource), start=2):
        for name, value in row.items():
            assert value == value.strip(), f"{resource['path']} line {number}, {name}: stray spaces"
        for name in dates:
            if row[name]:
                to_date(row[name])  # a real calendar day, not only the right shape


def _values(name, column):
    return {row[column] for row in _rows(next(r for r in TABLES if r["name"] == name))}


@pytest.mark.parametrize(
    "resource",
    [r for r in TABLES if r["schema"].get("cstokit:listForeignKeys")],
    ids=lambda r: r["name"],
)
def test_multi_valued_source_references_resolve(resource):
    # "a;b" cells: Table Schema cannot declare them, so frictionless does not check them.
    rows = _rows(resource)
    for fk in resource["schema"]["cstokit:listForeignKeys"]:
        target = _values(fk["reference"]["resource"], fk["reference"]["fields"])
        for row in rows:
            missing = [p for p in split_ids(row[fk["fields"]]) if p not in target]
            assert not missing, f"{resource['name']}: {fk['fields']} {missing} does not resolve"


def test_role_sources_of_sites_resolve():
    sources = _values("sources", "source_id")
    for row in _rows(next(r for r in TABLES if r["name"] == "sites")):
        for part in split_ids(row["role_source_id"]):
            assert part in sources, part


def test_every_source_is_cited():
    cited = set()
    for resource in TABLES:
        if resource["name"] == "sources":
            continue
        for row in _rows(resource):
            for column in ("source_id", "role_source_id"):
                cited.update(split_ids(row.get(column) or ""))
    sources = _rows(next(r for r in TABLES if r["name"] == "sources"))
    # The course cites sources too: in its notebooks (cstokit.cite([...])) and in the
    # teacher's files ([src: id]).
    notebooks = DATA.parent / "notebooks"
    course = " ".join(
        p.read_text(encoding="utf-8")
        for p in [*notebooks.rglob("*.ipynb"), *(notebooks / "teacher").glob("*.md")]
    )
    # A row's note may cite a further source by its id.
    course += " ".join(
        (DATA / r["path"]).read_text(encoding="utf-8") for r in TABLES if r["name"] != "sources"
    )
    cited |= {row["source_id"] for row in sources if row["source_id"] in course}
    unused = {row["source_id"] for row in sources} - cited
    assert not unused, f"sources listed but never cited: {sorted(unused)}"


def test_country_codes_resolve_to_countries_or_historic_states():
    known = set(cstokit.load("countries")["iso3"]) | _values("historic_states", "iso3")
    for name, column in [
        ("memberships", "iso3"),
        ("operations", "host_iso3"),
        ("contributions", "iso3"),
    ]:
        for value in _values(name, column):
            assert value in known or (name == "contributions" and value == "ALL"), (name, value)
    for row in _rows(next(r for r in TABLES if r["name"] == "historic_states")):
        assert set(row["drawn_as"].split(";")) <= known


def test_invoked_by_codes_resolve():
    known = set(cstokit.load("countries")["iso3"]) | {"ALL"}
    for value in _values("invocations", "invoked_by") - {""}:
        assert set(value.split(";")) <= known, value


def test_treaty_dates_in_order():
    for row in _rows(next(r for r in TABLES if r["name"] == "treaties")):
        signed = to_date(row["signed"])
        if row["in_force"]:
            assert signed <= to_date(row["in_force"]), row["treaty_id"]
        if row["ended"]:
            assert to_date(row["in_force"] or row["signed"]) <= to_date(row["ended"])


def test_membership_events_within_treaty_life_and_joins_before_leaves():
    treaties = {
        r["treaty_id"]: r for r in _rows(next(r for r in TABLES if r["name"] == "treaties"))
    }
    events = pd.DataFrame(_rows(next(r for r in TABLES if r["name"] == "memberships")))
    for (treaty, iso3), group in events.groupby(["treaty_id", "iso3"]):
        dates = group["date"].map(to_date)
        assert dates.min() >= to_date(treaties[treaty]["signed"]).replace(month=1, day=1), (
            treaty,
            iso3,
        )
        joins = dates[group["event"].isin(["signed", "acceded"])]
        leaves = dates[group["event"].isin(["withdrew", "not-renewed", "dissolved", "expelled"])]
        if len(joins) and len(leaves):
            assert joins.min() <= leaves.max(), (treaty, iso3)


def test_operation_and_event_dates_in_order():
    for row in _rows(next(r for r in TABLES if r["name"] == "operations")):
        if row["start"] and row["end"]:
            assert to_date(row["start"]) <= to_date(row["end"]), row["operation_id"]


def test_sites_have_both_coordinates_or_neither_and_plausible_ones():
    for row in _rows(next(r for r in TABLES if r["name"] == "sites")):
        assert bool(row["lat"]) == bool(row["lon"]), row["site_id"]
        if row["lat"]:
            assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180, row[
                "site_id"
            ]


def test_every_personnel_figure_has_a_qualifier():
    for row in _rows(next(r for r in TABLES if r["name"] == "contributions")):
        if row["personnel"]:
            assert row["qualifier"], row


def test_countries_geometry_is_valid_clockwise_and_keyed():
    import shapely

    countries = cstokit.load("countries")
    assert countries["iso3"].is_unique
    assert {"FRA", "NOR", "XKX", "UKR", "RUS", "KAZ"} <= set(countries["iso3"])
    assert countries.crs.to_epsg() == 4326
    assert countries.geometry.is_valid.all()
    # plotly fills a counter-clockwise exterior as "the globe minus the country".
    for geom in countries.geometry:
        for poly in getattr(geom, "geoms", [geom]):
            assert not shapely.is_ccw(poly.exterior)


def test_crimea_is_drawn_in_ukraine():
    import shapely

    countries = cstokit.load("countries").set_index("iso3")
    simferopol = shapely.Point(34.10, 44.95)
    assert countries.loc["UKR", "geometry"].contains(simferopol)
    assert not countries.loc["RUS", "geometry"].contains(simferopol)


@pytest.mark.slow
def test_country_files_rebuild_byte_for_byte(tmp_path):
    """data/build_countries.py regenerates both border files exactly (into a temp folder)."""
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, str(DATA / "build_countries.py"), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in ("countries.parquet", "world_outline.json"):
        assert sha256_of(tmp_path / name) == sha256_of(DATA / name), name


def wording_overlaps(rows) -> list[str]:
    """Pairs of wordings of one article in one language whose dates overlap."""
    problems = []
    spans: dict[tuple, list] = {}
    for row in rows:
        start = to_date(row["valid_from"])
        end = to_date(row["valid_to"]) if row["valid_to"] else None
        where = f"{row['treaty_id']} Art. {row['article']} ({row['language']}, {row['version']})"
        if end is not None and end <= start:
            problems.append(f"{where}: valid_to {row['valid_to']} is not after valid_from")
        key = (row["treaty_id"], row["article"], row["language"])
        for other_start, other_end, other in spans.get(key, []):
            if start < (other_end or dt.date.max) and other_start < (end or dt.date.max):
                problems.append(f"{where} overlaps {other}")
        spans.setdefault(key, []).append((start, end, where))
    return problems


def test_wordings_of_one_article_and_language_never_overlap():
    rows = _rows(next(r for r in TABLES if r["name"] == "articles"))
    assert wording_overlaps(rows) == []


def test_the_overlap_check_catches_an_overlap():
    row = dict(treaty_id="cst", article="4", language="ru", version="original")
    rows = [
        dict(row, valid_from="1994-04-20", valid_to="2012-01-01"),
        dict(row, version="amended-2010", valid_from="2011-06-01", valid_to=""),
    ]
    assert len(wording_overlaps(rows)) == 1
    rows[1]["valid_from"] = "2012-01-01"
    assert wording_overlaps(rows) == []


def test_wordings_start_on_or_after_signature_and_booleans_are_booleans():
    treaties = {
        r["treaty_id"]: r for r in _rows(next(t for t in TABLES if t["name"] == "treaties"))
    }
    for row in _rows(next(r for r in TABLES if r["name"] == "articles")):
        assert row["partial"] in ("true", "false"), row
        assert to_date(row["valid_from"]) >= to_date(treaties[row["treaty_id"]]["signed"]), row
