"""Write data/datapackage.json: the catalogue of every dataset with its schema and sha256.

Run after any change to a file in data/ (``make data``). The loaders refuse a file
whose bytes differ from the hash recorded here, so this script is the one way to
re-pin data on purpose; the change shows up in git as a new hash.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
KINDS = ["official", "state-media", "independent-media", "academic", "reference", "other"]
QUALIFIERS = ["exact", "about", "at-least", "up-to", "reported"]
EVENTS = [
    "signed",
    "ratified",
    "acceded",
    "resumed",
    "left-integrated-command",
    "rejoined-integrated-command",
    "froze",
    "suspended",
    "withdrew",
    "not-renewed",
    "expelled",
    "dissolved",
    "ceased-to-exist",
]
OBLIGATIONS = ["defense", "consultation", "non-aggression", "neutrality", "offense"]
OUTCOMES = [
    "assistance-given",
    "consultation-held",
    "refused",
    "declined-other-response",
    "measures-adopted",
    "no-action",
    "disputed",
]
KIT = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 (compilation by cstokit)",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
NE = {
    "name": "public-domain",
    "title": "Natural Earth: public domain",
    "path": "https://www.naturalearthdata.com/about/terms-of-use/",
}


def f(name, type_="string", description="", required=False, enum=None, pattern=None):
    field = {"name": name, "type": type_, "description": description}
    constraints = {}
    if required:
        constraints["required"] = True
    if enum:
        constraints["enum"] = enum
    if pattern:
        constraints["pattern"] = pattern
    if constraints:
        field["constraints"] = constraints
    return field


def d(name, description="", required=False):
    """A date field: ISO 8601, partial (YYYY-MM, YYYY) where the source gives no day."""
    return f(
        name,
        "string",
        description + " (ISO 8601; YYYY-MM or YYYY where the source gives no day)",
        required,
        pattern=DATE,
    )


SRC = f("source_id", description="Source of the row (see sources)", required=True)
SRC_FK = {"fields": "source_id", "reference": {"resource": "sources", "fields": "source_id"}}
TREATY_FK = {"fields": "treaty_id", "reference": {"resource": "treaties", "fields": "treaty_id"}}
OP_FK = {
    "fields": "operation_id",
    "reference": {"resource": "operations", "fields": "operation_id"},
}

RESOURCES = [
    (
        "sources",
        "sources.csv",
        "Every source a row of the kit cites: publisher, date, URL and kind.",
        [
            f("source_id", required=True),
            f("title", required=True),
            f("publisher", required=True),
            d("date", "Publication date"),
            f("url", required=True, pattern=r"^https?://"),
            f("kind", required=True, enum=KINDS),
            f("language", required=True),
            f("note", description="Context on the source, in the kit's own words"),
        ],
        ["source_id"],
        [],
    ),
    (
        "treaties",
        "treaties.csv",
        "The treaties of the kit: names, signature, entry into force, end.",
        [
            f("treaty_id", required=True),
            f("organisation", required=True),
            f("name_en", required=True),
            f("name_fr"),
            f("name_ru"),
            d("signed", "Signature", True),
            f("signed_place"),
            d("in_force", "Entry into force"),
            d("ended", "End of the treaty or organisation"),
            SRC,
            f("note"),
        ],
        ["treaty_id"],
        [SRC_FK],
    ),
    (
        "memberships",
        "memberships.csv",
        "Membership as dated events per state and treaty.",
        [
            f("treaty_id", required=True),
            f("iso3", required=True, pattern=r"^[A-Z]{3}$"),
            f("event", required=True, enum=EVENTS),
            d("date", "Date the event took effect", True),
            SRC,
            f("note"),
        ],
        None,
        [SRC_FK, TREATY_FK],
    ),
    (
        "articles",
        "articles.csv",
        "Article texts quoted from official texts or translations.",
        [
            f("treaty_id", required=True),
            f("article", required=True),
            f("language", required=True),
            f("version", required=True),
            f("text", required=True),
            SRC,
            f("note"),
        ],
        ["treaty_id", "article", "language", "version"],
        [SRC_FK, TREATY_FK],
    ),
    (
        "provisions",
        "provisions.csv",
        "Obligations each treaty carries (ATOP sense), with their article.",
        [
            f("treaty_id", required=True),
            f("obligation", required=True, enum=OBLIGATIONS),
            f("article", required=True),
            f("note"),
            SRC,
        ],
        ["treaty_id", "obligation"],
        [SRC_FK, TREATY_FK],
    ),
    (
        "operations",
        "operations.csv",
        "Deployments under a treaty.",
        [
            f("operation_id", required=True),
            f("treaty_id", required=True),
            f("host_iso3", required=True),
            f("name_en", required=True),
            d("start", "Start"),
            d("end", "End"),
            SRC,
            f("note"),
        ],
        ["operation_id"],
        [SRC_FK, TREATY_FK],
    ),
    (
        "contributions",
        "contributions.csv",
        "Personnel per contributing state, one row per source version (iso3 ALL = a stated total).",
        [
            f("operation_id", required=True),
            f("iso3", required=True),
            f("personnel", "integer"),
            f("qualifier", enum=QUALIFIERS, description="Required where personnel is given"),
            f("equipment"),
            d("as_of", "Date the figure refers to"),
            SRC,
            f("note"),
        ],
        None,
        [SRC_FK, OP_FK],
    ),
    (
        "events",
        "events.csv",
        "Timelines of operations; differing dates from sources are separate rows.",
        [
            f("event_id", required=True),
            f("operation_id", required=True),
            d("date", "Date", True),
            f("text_en", required=True),
            f("text_fr", required=True),
            SRC,
            f("note"),
        ],
        ["event_id"],
        [SRC_FK, OP_FK],
    ),
    (
        "invocations",
        "invocations.csv",
        "When a collective-defence or consultation clause was invoked.",
        [
            f("invocation_id", required=True),
            f("treaty_id", required=True),
            f(
                "article",
                description="The treaty's own label; empty where the source names no article",
            ),
            f(
                "invoked_by",
                description="ISO3 codes separated by ';', ALL for the alliance as a whole; "
                "empty where the source names no requester",
            ),
            d("date", "Date of the act the row records; empty where the source gives none"),
            f("outcome", description="Empty where the source reports only the request"),
            f("outcome_kind", enum=OUTCOMES),
            SRC,
            f("note"),
        ],
        ["invocation_id"],
        [SRC_FK, TREATY_FK],
    ),
    (
        "sites",
        "sites.csv",
        "Places on deployment maps, with coordinates and what happened there.",
        [
            f("site_id", required=True),
            f("name_en", required=True),
            f("kind", required=True),
            f("lat", "number", description="Empty where no source gives coordinates"),
            f("lon", "number"),
            f("operation_id"),
            SRC,
            f("role_source_id", description="Source for the site's role in the operation"),
            f("note"),
        ],
        ["site_id"],
        [SRC_FK, OP_FK],
    ),
    (
        "historic_states",
        "historic_states.csv",
        "States that no longer exist (ISO 3166-3) and the present-day states they are drawn as.",
        [
            f("iso3", required=True, pattern=r"^[A-Z]{3}$"),
            f("name_en", required=True),
            f("name_fr"),
            f("name_ru"),
            f("iso3166_3", required=True),
            f("drawn_as", required=True),
            SRC,
            f("note"),
        ],
        ["iso3"],
        [SRC_FK],
    ),
    (
        "factcheck",
        "factcheck.csv",
        "Claims of a January 2022 press article, checked against sources.",
        [
            f("claim_id", required=True),
            f("claim_en", required=True),
            f("verdict", required=True, enum=["holds", "wrong", "disputed"]),
            f("explanation_en", required=True),
            SRC,
            f("note"),
        ],
        ["claim_id"],
        [SRC_FK],
    ),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def csv_rows(path: Path) -> int:
    with open(path, newline="", encoding="utf-8") as handle:
        return sum(1 for _ in csv.reader(handle)) - 1


def main() -> None:
    resources = []
    for name, path, description, fields, key, fks in RESOURCES:
        file = HERE / path
        schema = {"fields": fields}
        if key:
            schema["primaryKey"] = key
        if fks:
            schema["foreignKeys"] = fks
        resources.append(
            {
                "name": name,
                "path": path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": description,
                "hash": "sha256:" + sha256(file),
                "bytes": file.stat().st_size,
                "rows": csv_rows(file),
                "licenses": [KIT],
                "schema": schema,
            }
        )
    countries = HERE / "countries.parquet"
    resources.append(
        {
            "name": "countries",
            "path": "countries.parquet",
            "format": "geoparquet",
            "mediatype": "application/vnd.apache.parquet",
            "description": "Country borders: Natural Earth 5.1.1 admin-0, 1:10m, German point of view, "
            "simplified with shared borders kept; built by build_countries.py.",
            "hash": "sha256:" + sha256(countries),
            "bytes": countries.stat().st_size,
            "licenses": [NE],
            "sources": [
                {
                    "title": "Natural Earth 5.1.1 Admin 0 - Countries (point of view: Germany)",
                    "path": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/",
                    "version": "5.1.1",
                }
            ],
            "schema": {
                "fields": [
                    f("iso3", required=True),
                    f("name_en"),
                    f("name_fr"),
                    f("name_ru"),
                    f("continent"),
                    f("geometry", "geojson", "MultiPolygon, EPSG:4326"),
                ],
                "primaryKey": ["iso3"],
            },
        }
    )
    outline = HERE / "world_outline.json"
    resources.append(
        {
            "name": "world_outline",
            "path": "world_outline.json",
            "format": "topojson",
            "mediatype": "application/json",
            "description": "The same borders as countries, as TopoJSON in the layout plotly.js expects "
            "for world_110m: what the kit's maps draw from instead of plotly's CDN.",
            "hash": "sha256:" + sha256(outline),
            "bytes": outline.stat().st_size,
            "licenses": [NE],
            "schema": {"fields": []},
        }
    )
    package = {
        "profile": "data-package",
        "name": "cstokit-data",
        "title": "cstokit: collective security treaties, members, deployments and sources",
        "version": "0.1.0",
        "licenses": [KIT],
        "description": "Pinned datasets of the cstokit teaching kit. Every row cites a source in "
        "sources.csv; where sources disagree, each version is its own row.",
        "resources": resources,
    }
    text = json.dumps(package, indent=1, ensure_ascii=False) + "\n"
    (HERE / "datapackage.json").write_text(text, encoding="utf-8")
    print(f"datapackage.json: {len(resources)} resources pinned")


if __name__ == "__main__":
    main()
