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
# The membership vocabulary, written once: every status a state can have towards a
# treaty, whether it is then a party, and what it means; every event in
# memberships.csv and the status it leaves a state in. The kit's code, legends and
# tables read both from datapackage.json ("cstokit:vocabularies").
STATUSES = [
    {
        "status": "member",
        "party": True,
        "meaning_en": "A party: its instrument of ratification or accession was deposited and the "
        "treaty is in force for it.",
        "meaning_fr": "État partie : son instrument de ratification ou d'adhésion a été déposé et "
        "le traité est en vigueur à son égard.",
    },
    {
        "status": "withdrawing",
        "party": True,
        "meaning_en": "Has given notice of denunciation or withdrawal; still a party until the date "
        "on which the treaty says the notice takes effect.",
        "meaning_fr": "A notifié sa dénonciation ou son retrait ; reste partie jusqu'à la date à "
        "laquelle, selon le traité, la notification prend effet.",
    },
    {
        "status": "frozen",
        "party": True,
        "meaning_en": "A party whose participation is frozen, by its own decision or by the other "
        "parties'; it has not left the treaty.",
        "meaning_fr": "État partie dont la participation est gelée, par sa propre décision ou par celle "
        "des autres parties ; il n'a pas quitté le traité.",
    },
    {
        "status": "suspended",
        "party": False,
        "meaning_en": "A member whose membership is suspended: it takes no part and is not counted "
        "among the parties.",
        "meaning_fr": "Membre dont l'appartenance est suspendue : il ne participe plus et n'est pas "
        "compté parmi les parties.",
    },
    {
        "status": "signatory",
        "party": False,
        "meaning_en": "Signed but not bound: no instrument of ratification deposited yet, or the "
        "treaty not yet in force.",
        "meaning_fr": "Signataire non lié : pas encore d'instrument de ratification déposé, ou "
        "traité pas encore en vigueur.",
    },
    {
        "status": "former",
        "party": False,
        "meaning_en": "No longer a party: its denunciation or withdrawal took effect, it did not "
        "renew, it ceased to exist, or the treaty ended.",
        "meaning_fr": "N'est plus partie : sa dénonciation ou son retrait a pris effet, il n'a pas "
        "renouvelé, il a cessé d'exister, ou le traité a pris fin.",
    },
]
MEMBERSHIP_EVENTS = [
    ("signed", "signatory", "Signature (a signatory is not yet a party)."),
    (
        "deposited",
        "member",
        "Instrument of ratification or accession deposited with the depositary: a party from "
        "this date, or from the treaty's entry into force if that is later.",
    ),
    ("in-force-for", "member", "The date the treaty entered into force for this state."),
    ("ratified", "member", "Ratification, where no date of deposit could be sourced."),
    ("acceded", "member", "Accession, where the source does not say whether it is the deposit."),
    ("resumed", "member", "Took part again after a suspension."),
    (
        "obligations-suspended",
        "member",
        "Another party suspended its obligations towards this state, which stays a party.",
    ),
    (
        "left-integrated-command",
        "member",
        "Left NATO's integrated military command; stays a party.",
    ),
    ("rejoined-integrated-command", "member", "Rejoined NATO's integrated military command."),
    ("froze", "frozen", "Froze its own participation; stays a party."),
    (
        "participation-excluded",
        "frozen",
        "The other parties excluded its government from taking part; it stays a party.",
    ),
    (
        "announced-withdrawal",
        "member",
        "Its government announced a denunciation or withdrawal; no notice is recorded, so it stays "
        "a party.",
    ),
    ("suspended", "suspended", "Membership suspended."),
    (
        "notified",
        "withdrawing",
        "Notice of denunciation or withdrawal given; still a party until it takes effect.",
    ),
    (
        "effective",
        "former",
        "The denunciation or withdrawal took effect (first day as a non-party).",
    ),
    ("withdrew", "former", "Left; the source gives one date, not notice and effect apart."),
    ("not-renewed", "former", "Did not join the treaty's renewal; ceased to be a party."),
    ("expelled", "former", "Expelled."),
    ("dissolved", "former", "The treaty or its organisation ended for this state."),
    ("ceased-to-exist", "former", "The state itself ceased to exist."),
]
EVENTS = [event for event, _, _ in MEMBERSHIP_EVENTS]
TREATY_KINDS = ["alliance", "charter"]
# The press claims: what kind of claim, and the verdict scale (judged on the article's day).
CLAIM_KINDS = ["fact", "figure", "framing", "image"]
VERDICTS = ["holds", "misleading", "wrong", "cannot-check"]
# The comparison grid (issue 12): how a clause reads, one vocabulary per column.
CLAUSE_KINDS = ["defence", "consultation", "non-aggression", "scope", "withdrawal", "other"]
TRIGGERS = ["armed-attack", "aggression", "threat", "none"]
SCOPES = ["territory-of-parties", "region", "treaty-area", "none-stated"]
AUTOMATICITY = [
    "obligation-to-assist",
    "assist-as-deems-necessary",
    "constitutional-processes",
    "consult-only",
    "not-applicable",
]
MEANS = ["military-included", "any-means", "unspecified", "not-applicable"]
# not-in-text: the kit's copy of the wording in force stops before the place it would say.
UN_REPORTING = ["yes", "no", "not-in-text"]
# A case's outcome, one vocabulary (issue 11): what the treaty's organs or parties did.
CASE_OUTCOMES = [
    "assistance-given",
    "measures-adopted",
    "consultations-held",
    "declined",
    "no-decision",
    "disputed",
]
# What a troop figure counts.
COUNTS = ["planned", "deployed", "reported", "estimate"]
EVENT_PHASES = ["unrest", "request", "decision", "deployment", "handover", "withdrawal"]
# What happened around an operation that is not a step of it (context.csv).
CONTEXT_TOPICS = ["succession", "violence", "casualties", "detentions", "rights", "framing"]
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
RECORDS_FK = {
    "fields": "records",
    "reference": {"resource": "invocations", "fields": "invocation_id"},
}
BEST_SRC_FK = {
    "fields": "best_source_id",
    "reference": {"resource": "sources", "fields": "source_id"},
}
LATER_FK = {
    "fields": "later_source_id",
    "reference": {"resource": "sources", "fields": "source_id"},
}
QUOTED_FK = {"fields": "quoted_from", "reference": {"resource": "sources", "fields": "source_id"}}
LISTED = (SRC_FK, RECORDS_FK, LATER_FK, QUOTED_FK)  # cells that may name several ids, by ";"
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
            f("url", required=True, pattern=r"^https?://\S+$"),
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
            f(
                "organisation_fr",
                required=True,
                description="The organisation as French texts name it",
            ),
            f("name_en", required=True),
            f("name_fr"),
            f("name_ru"),
            d("signed", "Signature", True),
            f("signed_place"),
            d("in_force", "Entry into force"),
            d("ended", "End of the treaty or organisation"),
            f(
                "kind",
                required=True,
                enum=TREATY_KINDS,
                description="alliance: a treaty whose parties the kit maps; charter: held for "
                "its articles only (the UN Charter)",
            ),
            f(
                "notice_period",
                description="How long after a notice of denunciation or withdrawal it takes "
                "effect, per the treaty's own article (ISO 8601 duration: P1Y, P2Y, P6M); empty "
                "where the treaty sets no such period",
                pattern=r"^P\d+[YM]$",
            ),
            f("notice_article", description="The article that sets the notice period"),
            f("depositary", description="Who holds the instruments of ratification"),
            f(
                "authentic_languages",
                description="Languages whose texts are equally authentic, separated by ';'",
            ),
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
            d(
                "valid_from",
                "First day this wording applied: entry into force of the instrument that set it",
                True,
            ),
            d(
                "valid_to",
                "Day this wording stopped applying (the next wording's valid_from); empty while "
                "in force",
            ),
            f(
                "instrument",
                required=True,
                description="The treaty or protocol that set this wording",
            ),
            f(
                "instrument_fr",
                required=True,
                description="The same instrument named in French, with its article (le, la)",
            ),
            f(
                "partial",
                "boolean",
                "true where the kit holds only part of the article (the note says where the rest is)",
                required=True,
            ),
            f("text", required=True),
            SRC,
            f("note"),
        ],
        ["treaty_id", "article", "language", "version"],
        [SRC_FK, TREATY_FK],
    ),
    (
        "milestones",
        "milestones.csv",
        "Party counts on dated milestones, as a source states them; members_at must reproduce them.",
        [
            f("treaty_id", required=True),
            d("date", "Date of the count", True),
            f("parties", "integer", required=True),
            SRC,
            f(
                "known_gap",
                description="Why the kit cannot yet reproduce this count (a missing sourced date); "
                "empty where members_at gives exactly this number",
            ),
            f("note"),
        ],
        ["treaty_id", "date"],
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
            f("name_fr", required=True),
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
            f(
                "counts",
                required=True,
                enum=COUNTS,
                description="What the figure counts: planned (announced size), deployed (present, "
                "by an official count), reported (a medium's unattributed figure), estimate (an "
                "analyst's or retrospective figure)",
            ),
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
            f("phase", required=True, enum=EVENT_PHASES, description="The phase of the operation"),
            f(
                "key",
                "boolean",
                "true for the dozen events a class must see to follow the story",
                required=True,
            ),
            f("text_en", required=True),
            f("text_fr", required=True),
            SRC,
            f(
                "best_source_id",
                required=True,
                description="The best available source of the event: official or a wire agency "
                "over reposts (a repost's note names its original)",
            ),
            f("note"),
        ],
        ["event_id"],
        [
            SRC_FK,
            OP_FK,
            BEST_SRC_FK,
        ],
    ),
    (
        "context",
        "context.csv",
        "What happened around an operation that is not a step of it: the struggle for power, the "
        "violence and its toll, the detentions, the rights concerns, the official framing. Every "
        "figure as its source gave it; differing figures are separate rows.",
        [
            f("context_id", required=True),
            f("operation_id", required=True),
            d("date", "Date", True),
            f("topic", required=True, enum=CONTEXT_TOPICS),
            f("text_en", required=True),
            f("text_fr", required=True),
            SRC,
            f("best_source_id", required=True),
            f("note"),
        ],
        ["context_id"],
        [
            SRC_FK,
            OP_FK,
            BEST_SRC_FK,
        ],
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
        "cases",
        "cases.csv",
        "One row per case in which a collective-defence or consultation clause was invoked or "
        "requested, with the invocation records that evidence it.",
        [
            f("case_id", required=True),
            f("treaty_id", required=True),
            f(
                "articles",
                description="Article(s) invoked, separated by ';'; empty where no source names one",
            ),
            f(
                "requested_by",
                description="ISO3 codes separated by ';', ALL for the alliance as a whole",
            ),
            f(
                "threat",
                description="The threat as the request described it, in the kit's own words",
            ),
            f("threat_fr", description="The same in French"),
            d("requested", "Date of the request", True),
            d("decided", "Date of the decision; empty where there was none"),
            f("outcome", required=True, enum=CASE_OUTCOMES),
            f(
                "days_to_decision",
                "integer",
                "Days from request to decision, where both are full dates",
            ),
            f("summary_en", required=True, description="Two sentences in the kit's own words"),
            f("summary_fr", required=True),
            f("records", required=True, description="invocation_id values, separated by ';'"),
            f(
                "best_record",
                required=True,
                description="The record whose source is the most authoritative",
            ),
            f("disagreement", description="Where the records disagree (dates, outcome, articles)"),
            f("disagreement_fr", description="The same in French"),
            SRC,
            f("note"),
        ],
        ["case_id"],
        [
            SRC_FK,
            TREATY_FK,
            RECORDS_FK,
            {
                "fields": "best_record",
                "reference": {"resource": "invocations", "fields": "invocation_id"},
            },
        ],
    ),
    (
        "sites",
        "sites.csv",
        "Places on deployment maps, with coordinates and what happened there.",
        [
            f("site_id", required=True),
            f("name_en", required=True),
            f("name_fr", required=True),
            f("kind", required=True),
            f("lat", "number", description="Empty where no source gives coordinates"),
            f("lon", "number"),
            f("operation_id"),
            SRC,
            f("role_source_id", description="Source for the site's role in the operation"),
            f("note"),
            f("note_fr", description="The note in French, as the French deployment map shows it"),
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
        "clause_grid",
        "clause_grid.csv",
        "The kit's reading of each clause for the comparison grid: trigger, scope, how automatic "
        "the help is, means, UN reporting and kind of clause, each with the exact words of the "
        "article (articles.csv) that decide it.",
        [
            f("treaty_id", required=True),
            f("article", required=True),
            f("language", required=True),
            f("version", required=True),
            f("clause_kind", required=True, enum=CLAUSE_KINDS),
            f("clause_kind_quote", required=True),
            f("trigger", required=True, enum=TRIGGERS),
            f("trigger_quote"),
            f("scope", required=True, enum=SCOPES),
            f("scope_quote"),
            f("automaticity", required=True, enum=AUTOMATICITY),
            f("automaticity_quote"),
            f("means", required=True, enum=MEANS),
            f("means_quote"),
            f("un_reporting", required=True, enum=UN_REPORTING),
            f("un_reporting_quote"),
            f("withdrawal_terms"),
            f("explanation_en", required=True),
            f("explanation_fr"),
            f(
                "also_accept",
                description="Other readings the words allow, or that the kit's partial copy cannot "
                "rule out: column=value pairs joined by ';' (the checker accepts them, saying so)",
            ),
            SRC,
        ],
        ["treaty_id", "article"],
        [
            TREATY_FK,
            {
                "fields": ["treaty_id", "article", "language", "version"],
                "reference": {
                    "resource": "articles",
                    "fields": ["treaty_id", "article", "language", "version"],
                },
            },
            SRC_FK,
        ],
    ),
    (
        "factcheck",
        "factcheck.csv",
        "Claims of the press article the course fact-checks (arretsurinfo.ch, 9 January 2022, "
        "translating RT, 7 January 2022), each quoted exactly, one sentence or less, with the "
        "kit's English rendering; judged on what was known on the day, what was learned later "
        "kept apart.",
        [
            f("claim_id", required=True),
            f("kind", required=True, enum=CLAIM_KINDS),
            f(
                "quote_fr",
                required=True,
                description="The article's words, character for character",
            ),
            f("quote_en", required=True, description="The kit's English rendering"),
            f("verdict", required=True, enum=VERDICTS),
            d("judged_as_of", "The date the verdict is judged at", True),
            f("justification_en", required=True),
            f("justification_fr", required=True),
            SRC,
            f("later_en", description="What was learned after judged_as_of, kept apart"),
            f("later_fr", description="The same in French; empty where later_en is"),
            f("later_source_id"),
            f("quoted_from", required=True, description="The article's sources"),
            f("note"),
        ],
        ["claim_id"],
        [SRC_FK, LATER_FK, QUOTED_FK],
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
        # A source_id cell may name several sources ("a;b"): Table Schema foreign keys
        # cannot say that, so those references are listed apart and checked by
        # tests/test_data_contract.py; frictionless checks every other key.
        listed = [fk for fk in fks if any(fk is x for x in LISTED)]
        plain = [fk for fk in fks if not any(fk is x for x in LISTED)]
        if plain:
            schema["foreignKeys"] = plain
        if listed:
            schema["cstokit:listForeignKeys"] = [dict(fk, separator=";") for fk in listed]
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
        "cstokit:vocabularies": {
            "status": STATUSES,
            "membership_event": [
                {"event": e, "status": st, "meaning_en": m} for e, st, m in MEMBERSHIP_EVENTS
            ],
        },
    }
    text = json.dumps(package, indent=1, ensure_ascii=False) + "\n"
    (HERE / "datapackage.json").write_text(text, encoding="utf-8")
    print(f"datapackage.json: {len(resources)} resources pinned")


if __name__ == "__main__":
    main()
