"""Who was a party to which treaty on a given date, from the dated events in data/memberships.csv.

The law the code follows, in one place:

- A state is a party from its own deposit of ratification or accession, or from the
  treaty's entry into force if that is later. A state that has only signed is a
  ``signatory``.
- A notice of denunciation or withdrawal makes a state ``withdrawing``: still a party
  until the day the treaty says the notice takes effect (the treaty's
  ``notice_period``), or until a sourced ``effective`` date where the data has one.
- Where sources give different dates for the same step (two rows with the same event
  and nothing between them), one rule picks the date that drives maps and counts:
  the version whose source is of the most authoritative kind (official, then
  academic, reference, independent media, state media, other), and among equals the
  earliest. The other versions stay in ``other_dates`` and in
  :func:`membership_changes`.

What each event and status means is written once, in datapackage.json's
vocabularies (see :func:`statuses`).
"""

from __future__ import annotations

import datetime as dt
import functools

import pandas as pd

from ._data import data_key, load, vocabulary
from ._dates import parse_date, to_date
from ._errors import CstokitError, NoDataError, check_choice
from ._sources import source, split_ids
from ._text import LOCALES, get_language, localized, t

# Most authoritative first: the order in which competing versions of one step are preferred.
KIND_RANK = ("official", "academic", "reference", "independent-media", "state-media", "other")


def _status_vocabulary() -> list[dict]:
    return vocabulary("status")


def status_order() -> tuple[str, ...]:
    """Every status a state can have, in the order legends and tables list them."""
    return tuple(entry["status"] for entry in _status_vocabulary())


def party_statuses() -> tuple[str, ...]:
    """The statuses in which a state is a party to the treaty (member, withdrawing, frozen)."""
    return tuple(entry["status"] for entry in _status_vocabulary() if entry["party"])


def _event_status() -> dict[str, str]:
    return {entry["event"]: entry["status"] for entry in vocabulary("membership_event")}


def status_meanings(language: str | None = None) -> dict[str, str]:
    """``{status: meaning}`` in the figures' language (or ``language``)."""
    table = statuses(language)
    return dict(zip(table["status"], table["meaning"], strict=True))


def statuses(language: str | None = None) -> pd.DataFrame:
    """The statuses a state can have towards a treaty, what each means, and whether it is a party.

    Returns
    -------
    pandas.DataFrame
        One row per status: ``status``, ``label`` (as legends show it), ``party``
        (True where the state is then a party) and ``meaning``, in the language of
        the figures (or ``language``: ``"en"``, ``"fr"``).
    """
    from ._text import get_language

    lang = language or get_language()
    rows = [
        {
            "status": e["status"],
            "label": t(f"status.{e['status']}", lang),
            "party": bool(e["party"]),
            "meaning": e.get(f"meaning_{lang}") or e["meaning_en"],
        }
        for e in _status_vocabulary()
    ]
    return pd.DataFrame(rows)


def treaty_ids() -> list[str]:
    """The ids of the treaties whose parties the kit maps: ``['anzus', 'cst', 'csto_charter', ...]``.

    The UN Charter (``"un_charter"``) is held for its articles only (``article("un_charter", 51)``).
    """
    treaties = load("treaties")
    return sorted(treaties.loc[treaties["kind"] == "alliance", "treaty_id"])


def text_ids() -> list[str]:
    """Every treaty id the kit holds article texts for, the UN Charter included."""
    return sorted(load("treaties")["treaty_id"])


def treaty_row(treaty_id: str) -> pd.Series:
    """The row of data/treaties.csv for one treaty (raises with the valid ids if unknown)."""
    treaties = load("treaties").set_index("treaty_id")
    check_choice("treaty", treaty_id, treaties.index)
    return treaties.loc[treaty_id]


def _alliance_row(treaty_id: str) -> pd.Series:
    row = treaty_row(treaty_id)
    if row["kind"] != "alliance":
        raise NoDataError(
            t(
                "error.articles_only",
                name=localized(row, "name"),
                treaty_id=treaty_id,
                quoted=repr(treaty_id),
                valid=", ".join(treaty_ids()),
            )
        )
    return row


def _names(language: str | None = None) -> dict[str, str]:
    return _names_cached(data_key("countries", "historic_states"), language or get_language())


@functools.lru_cache(maxsize=4)
def _names_cached(_key: tuple, language: str) -> dict[str, str]:
    countries, historic = load("countries"), load("historic_states")
    names = dict(zip(countries["iso3"], countries["name_en"], strict=True))
    if language != "en":
        # Today's states by CLDR, the names a French atlas uses ("Kirghizstan", "Biélorussie");
        # CLDR maps each ISO-3 code to its ISO-2 one. Natural Earth's name_fr where CLDR has none.
        names.update(
            (iso3, str(own))
            for iso3, own in zip(countries["iso3"], countries[f"name_{language}"], strict=True)
            if pd.notna(own)
        )
        names.update(_cldr_names(language, countries["iso3"]))
    # Historic states by the kit's own table: CLDR's "DDR" alias would give today's Germany.
    column = f"name_{language}" if f"name_{language}" in historic else "name_en"
    names.update(zip(historic["iso3"], historic[column], strict=True))
    return names


def _cldr_names(language: str, codes) -> dict[str, str]:
    from babel import Locale
    from babel.core import get_global

    aliases, territories = (
        get_global("territory_aliases"),
        Locale.parse(LOCALES[language]).territories,
    )
    return {
        iso3: territories[aliases[iso3][0]]
        for iso3 in codes
        if len(aliases.get(iso3, ())) == 1 and aliases[iso3][0] in territories
    }


def country_name(iso3: str, language: str | None = None) -> str:
    """A country's or historic state's name in the kit's language (``'SUN'`` -> Soviet Union,
    Union soviétique).
    """
    return _names(language).get(iso3, iso3)


def country_code(text: object) -> str | None:
    """ISO-3 code of a typed country code or name, in any case (``"russia"`` -> ``"RUS"``).

    Reads the codes and the English and French names of data/countries and
    data/historic_states; None for text that is none of them.
    """
    return _codes_cached(data_key("countries", "historic_states")).get(str(text).strip().lower())


@functools.lru_cache(maxsize=2)
def _codes_cached(_key: tuple) -> dict[str, str]:
    tables = (load("countries"), load("historic_states"))

    def column(name: str) -> dict[str, str]:
        return {
            str(value).lower(): iso3
            for table in tables
            for value, iso3 in zip(table[name], table["iso3"], strict=True)
            if pd.notna(value)
        }

    # Later ones win a clash: a code, then an English name, beat a French name. The French
    # names are Natural Earth's and those French figures show (CLDR: "Kirghizstan").
    french = {name.lower(): iso3 for iso3, name in _names_cached(_key, "fr").items()}
    return column("name_fr") | french | column("name_en") | column("iso3")


def _kind_rank(source_id: str) -> int:
    kind = source(split_ids(source_id)[0])["kind"]
    return KIND_RANK.index(kind) if kind in KIND_RANK else len(KIND_RANK)


def _steps(events: pd.DataFrame) -> list[dict]:
    """One state's events grouped into steps; each step keeps its driving version and the others.

    Rows with the same event and no other event between them are versions of one step.
    """
    events = events.assign(day_=events["date"].map(lambda d: parse_date(d, "membership date")[0]))
    events = events.sort_values(["day_", "order_"], kind="stable")
    steps: list[list] = []
    for row in events.itertuples(index=False):
        if steps and steps[-1][0].event == row.event:
            steps[-1].append(row)
        else:
            steps.append([row])
    out = []
    for versions in steps:
        driver = min(versions, key=lambda r: (_kind_rank(r.source_id), r.day_, r.order_))
        others = [v for v in versions if v is not driver]
        out.append(
            dict(
                row=driver,
                other_dates="; ".join(f"{v.date} ({v.source_id})" for v in others),
            )
        )
    return out


def period_words(period: str) -> str:
    """``"P2Y"`` -> ``"2 years"`` (in the figures' language)."""
    amount, unit = int(period[1:-1]), period[-1]
    word = {"Y": "year", "M": "month"}[unit] + ("s" if amount != 1 else "")
    return t(f"period.{word}", n=amount)


def _add_period(day: dt.date, period: str) -> dt.date:
    amount, unit = int(period[1:-1]), period[-1]
    offset = pd.DateOffset(years=amount) if unit == "Y" else pd.DateOffset(months=amount)
    return (pd.Timestamp(day) + offset).date()


def _timeline(treaty_id: str) -> pd.DataFrame:
    """Every state's status changes for one treaty, as (iso3, start, status, event...) rows."""
    treaty = _alliance_row(treaty_id)
    in_force = to_date(treaty["in_force"]) if pd.notna(treaty["in_force"]) else None
    period = treaty["notice_period"] if pd.notna(treaty["notice_period"]) else None
    event_status = _event_status()
    events = load("memberships")
    events = events[events["treaty_id"] == treaty_id]
    events = events.assign(order_=range(len(events)))
    unknown = sorted(set(events["event"]) - set(event_status))
    if unknown:
        raise CstokitError(
            f"data/memberships.csv: unknown event(s) {unknown} in {treaty_id}; "
            f"valid events: {', '.join(event_status)}."
        )
    rows = []
    for iso3, own in events.groupby("iso3", sort=True):
        steps = _steps(own)
        for i, step in enumerate(steps):
            ev = step["row"]
            status = event_status[ev.event]
            start, precision = ev.day_, parse_date(ev.date)[1]
            base = dict(
                iso3=iso3,
                event=ev.event,
                event_date=ev.date,
                precision=precision,
                source_id=ev.source_id,
                note=ev.note,
                other_dates=step["other_dates"],
                until=None,
                order=i,
            )
            if status == "member" and in_force is not None and start < in_force:
                # Bound only once the treaty is in force: a signatory until then.
                rows.append(dict(base, start=start, status="signatory"))
                rows.append(dict(base, start=in_force, status="member", order=i + 0.5))
                continue
            if status == "withdrawing":
                later = [s["row"].event for s in steps[i + 1 :]]
                ends = event_status.get(later[0]) == "former" if later else False
                if period and not ends:
                    effect = _add_period(start, period)
                    rule = t(
                        "members.notice_effect",
                        period=period_words(period),
                        article=treaty["notice_article"],
                        date=effect.isoformat(),
                    )
                    rows.append(dict(base, start=start, status=status, until=effect.isoformat()))
                    rows.append(dict(base, start=effect, status="former", note=rule, order=i + 0.5))
                    continue
                if later:
                    base["until"] = steps[i + 1]["row"].date
            rows.append(dict(base, start=start, status=status))
    frame = pd.DataFrame(rows)
    frame = frame.sort_values(["iso3", "start", "order"], kind="stable").reset_index(drop=True)
    # `since` of each row: the first day of the run of equal statuses it belongs to, so
    # France stays "member since 1949" through leaving the integrated command.
    run = (
        (frame["status"] != frame.groupby("iso3")["status"].shift())
        | (frame["iso3"] != frame["iso3"].shift())
    ).cumsum()
    frame["since"] = frame.groupby(run)["start"].transform("min")
    return frame


@functools.lru_cache(maxsize=32)
def _timeline_cached(treaty_id: str, _key: tuple) -> pd.DataFrame:
    # Keyed on the pinned hashes, so a re-pinned data file is never served stale.
    return _timeline(treaty_id)


STATUS_COLUMNS = [
    "iso3",
    "name_en",
    "status",
    "since",
    "until",
    "event",
    "event_date",
    "other_dates",
    "source_id",
    "note",
]


def status_at(treaty_id: str, date) -> pd.DataFrame:
    """Status of every state that had any tie to the treaty by ``date``.

    Returns one row per state: ``iso3``, ``name_en``, ``status`` (see :func:`statuses`),
    ``since`` (ISO date the status began), ``until`` (for a withdrawing state, the day its
    withdrawal takes effect), ``event`` and ``event_date`` (the last event on or before
    ``date``), ``other_dates`` (what other sources give for that step), ``source_id``
    and ``note``. Empty before the treaty was signed.
    """
    day = to_date(date)
    return _status_at_cached(treaty_id, day, data_key("memberships", "treaties", "sources")).copy()


@functools.lru_cache(maxsize=512)
def _status_at_cached(treaty_id: str, day, _key: tuple) -> pd.DataFrame:
    treaty = _alliance_row(treaty_id)
    timeline = _timeline_cached(treaty_id, _key)
    last = timeline[timeline["start"] <= day].groupby("iso3", sort=True).tail(1).copy()
    ended = to_date(treaty["ended"]) if pd.notna(treaty["ended"]) else None
    if ended is not None and day >= ended:
        # After the treaty ended nobody is a party, whatever the last recorded event.
        still = last["status"] != "former"
        last.loc[still, "since"] = ended
        last.loc[still, "status"] = "former"
    last["name_en"] = last["iso3"].map(lambda code: country_name(code, "en"))  # an English column
    last["since"] = last["since"].map(lambda d: d.isoformat())
    frame = last.reindex(columns=STATUS_COLUMNS)
    frame["other_dates"] = frame["other_dates"].replace("", pd.NA)
    rank = {s: i for i, s in enumerate(status_order())}
    frame = frame.sort_values(
        ["status", "name_en"], key=lambda s: s.map(rank) if s.name == "status" else s
    )
    return frame.reset_index(drop=True).astype({c: "string" for c in STATUS_COLUMNS})


def members_at(treaty_id: str, date, *, include: str = "parties") -> pd.DataFrame:
    """States that were parties to a treaty on a date.

    Parameters
    ----------
    treaty_id : str
        One of :func:`treaty_ids`, e.g. ``"cst"``, ``"nato"``, ``"warsaw_pact"``.
    date : str or datetime.date
        ``"YYYY-MM-DD"`` (or ``"YYYY-MM"`` / ``"YYYY"``, read as the first day).
    include : {"parties", "all"}
        ``"parties"`` (default): the states bound by the treaty on that date: members,
        states whose withdrawal has not yet taken effect, and members whose
        participation is frozen. ``"all"``: also signatories not (yet) bound,
        suspended and former members.

    Returns
    -------
    pandas.DataFrame
        One row per state with ``iso3``, ``name_en``, ``status``, ``since``, ``until``,
        ``event``, ``event_date``, ``other_dates``, ``source_id``, ``note``. A date
        before the treaty was signed, or after it ended, gives no parties (an empty
        frame). :func:`statuses` says what each status means.

    Examples
    --------
    >>> members_at("cst", "2022-01-06")["iso3"].tolist()  # doctest: +SKIP
    ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']
    """
    check_choice("value for include", include, ["parties", "all"])
    frame = status_at(treaty_id, date)
    if include == "parties":
        frame = frame[frame["status"].isin(party_statuses())].reset_index(drop=True)
    return frame


def membership_changes(treaty_id: str) -> pd.DataFrame:
    """Every membership event of one treaty in date order, with country names and sources.

    Every version is listed, also those that do not drive the maps (see the module's rule).
    """
    _alliance_row(treaty_id)
    events = load("memberships")
    events = events[events["treaty_id"] == treaty_id].copy()
    events.insert(2, "name_en", events["iso3"].map(lambda code: country_name(code, "en")))
    key = events["date"].map(lambda d: to_date(d))
    return (
        events.assign(_k=key)
        .sort_values(["_k", "name_en"])
        .drop(columns="_k")
        .reset_index(drop=True)
    )
