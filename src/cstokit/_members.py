"""Who belonged to which treaty on a given date, from the dated events in data/memberships.csv."""

from __future__ import annotations

import functools

import pandas as pd

from ._data import data_key, load
from ._dates import parse_date, to_date
from ._errors import CstokitError, check_choice

# What each kind of event makes of a state. Events that keep a member a member
# (France leaving NATO's integrated command) still count: France never left NATO.
EVENT_STATUS = {
    "signed": "member",
    "ratified": "member",
    "acceded": "member",
    "resumed": "member",
    "left-integrated-command": "member",
    "rejoined-integrated-command": "member",
    "froze": "frozen",
    "suspended": "suspended",
    "withdrew": "former",
    "not-renewed": "former",
    "expelled": "former",
    "dissolved": "former",
    "ceased-to-exist": "former",
}
# Statuses in which a state is still a party to the treaty. A frozen member
# (Armenia in the CSTO since 2024) has stopped taking part but has not left.
PARTY_STATUSES = ("member", "frozen")
STATUS_ORDER = ("member", "frozen", "suspended", "signatory", "former")


def treaty_ids() -> list[str]:
    """The treaty ids the kit knows, e.g. ``['anzus', 'cst', 'csto_charter', 'nato', ...]``."""
    return sorted(load("treaties")["treaty_id"])


def treaty_row(treaty_id: str) -> pd.Series:
    """The row of data/treaties.csv for one treaty (raises with the valid ids if unknown)."""
    treaties = load("treaties").set_index("treaty_id")
    check_choice("treaty", treaty_id, treaties.index)
    return treaties.loc[treaty_id]


def _names() -> dict[str, str]:
    return _names_cached(data_key("countries", "historic_states"))


@functools.lru_cache(maxsize=2)
def _names_cached(_key: tuple) -> dict[str, str]:
    names = dict(zip(load("countries")["iso3"], load("countries")["name_en"], strict=True))
    historic = load("historic_states")
    names.update(zip(historic["iso3"], historic["name_en"], strict=True))
    return names


def country_name(iso3: str) -> str:
    """English name of a country or historic state (e.g. ``'SUN'`` -> Soviet Union)."""
    return _names().get(iso3, iso3)


def _timeline(treaty_id: str) -> pd.DataFrame:
    """Every state's status changes for one treaty, as (iso3, start, status, event...) rows."""
    treaty = treaty_row(treaty_id)
    in_force = to_date(treaty["in_force"]) if pd.notna(treaty["in_force"]) else None
    events = load("memberships")
    events = events[events["treaty_id"] == treaty_id]
    rows = []
    for order, ev in enumerate(events.itertuples(index=False)):
        start, precision = parse_date(ev.date, "membership date")
        status = EVENT_STATUS.get(ev.event)
        if status is None:
            raise CstokitError(
                f"data/memberships.csv: unknown event {ev.event!r} for {ev.iso3} in {treaty_id}; "
                f"valid events: {', '.join(EVENT_STATUS)}."
            )
        base = dict(
            iso3=ev.iso3,
            event=ev.event,
            event_date=ev.date,
            precision=precision,
            source_id=ev.source_id,
            note=ev.note,
            order=order,
        )
        if status == "member" and in_force is not None and start < in_force:
            # A signatory becomes a member when the treaty enters into force.
            rows.append(dict(base, start=start, status="signatory"))
            rows.append(dict(base, start=in_force, status="member", order=order + 0.5))
        else:
            rows.append(dict(base, start=start, status=status))
    frame = pd.DataFrame(rows)
    frame = frame.sort_values(["iso3", "start", "order"], kind="stable").reset_index(drop=True)
    # `since` of each row: the first day of the run of equal statuses it belongs to, so
    # France stays "member since 1949" through leaving the integrated command, and a change
    # that sources date differently counts from the earliest date given.
    run = (frame["status"] != frame.groupby("iso3")["status"].shift()).cumsum()
    frame["since"] = frame.groupby(run)["start"].transform("min")
    return frame


@functools.lru_cache(maxsize=32)
def _timeline_cached(treaty_id: str, _key: tuple) -> pd.DataFrame:
    # Keyed on the pinned hashes, so a re-pinned data file is never served stale.
    return _timeline(treaty_id)


def status_at(treaty_id: str, date) -> pd.DataFrame:
    """Status of every state that had any tie to the treaty by ``date``.

    Returns one row per state: ``iso3``, ``name_en``, ``status`` (member, frozen,
    suspended, signatory or former), ``since`` (ISO date the status began),
    ``event`` and ``event_date`` (the last event on or before ``date``),
    ``source_id`` and ``note`` of that event. Empty before the treaty was signed.
    """
    day = to_date(date)
    return _status_at_cached(treaty_id, day, data_key("memberships", "treaties")).copy()


@functools.lru_cache(maxsize=512)
def _status_at_cached(treaty_id: str, day, _key: tuple) -> pd.DataFrame:
    treaty = treaty_row(treaty_id)
    timeline = _timeline_cached(treaty_id, _key)
    last = timeline[timeline["start"] <= day].groupby("iso3", sort=True).tail(1).copy()
    ended = to_date(treaty["ended"]) if pd.notna(treaty["ended"]) else None
    if ended is not None and day >= ended:
        # After the treaty ended nobody is a party, whatever the last recorded event.
        still = last["status"] != "former"
        last.loc[still, "since"] = ended
        last.loc[still, "status"] = "former"
    last["name_en"] = last["iso3"].map(country_name)
    last["since"] = last["since"].map(lambda d: d.isoformat())
    out = last
    columns = ["iso3", "name_en", "status", "since", "event", "event_date", "source_id", "note"]
    frame = out.reindex(columns=columns)
    rank = {s: i for i, s in enumerate(STATUS_ORDER)}
    frame = frame.sort_values(
        ["status", "name_en"], key=lambda s: s.map(rank) if s.name == "status" else s
    )
    return frame.reset_index(drop=True).astype({c: "string" for c in columns})


def members_at(treaty_id: str, date, *, include: str = "parties") -> pd.DataFrame:
    """States that were parties to a treaty on a date.

    Parameters
    ----------
    treaty_id : str
        One of :func:`treaty_ids`, e.g. ``"cst"``, ``"nato"``, ``"warsaw_pact"``.
    date : str or datetime.date
        ``"YYYY-MM-DD"`` (or ``"YYYY-MM"`` / ``"YYYY"``, read as the first day).
    include : {"parties", "all"}
        ``"parties"`` (default): members, and members whose participation is frozen
        (still parties). ``"all"``: also signatories waiting for entry into force,
        suspended and former members.

    Returns
    -------
    pandas.DataFrame
        One row per state with ``iso3``, ``name_en``, ``status``, ``since``,
        ``event``, ``event_date``, ``source_id``, ``note``. A date before the treaty
        was signed, or after it ended, gives no parties (an empty frame).

    Examples
    --------
    >>> members_at("cst", "2022-01-06")["iso3"].tolist()  # doctest: +SKIP
    ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK']
    """
    check_choice("value for include", include, ["parties", "all"])
    frame = status_at(treaty_id, date)
    if include == "parties":
        frame = frame[frame["status"].isin(PARTY_STATUSES)].reset_index(drop=True)
    return frame


def membership_changes(treaty_id: str) -> pd.DataFrame:
    """Every membership event of one treaty in date order, with country names and sources."""
    treaty_row(treaty_id)
    events = load("memberships")
    events = events[events["treaty_id"] == treaty_id].copy()
    events.insert(2, "name_en", events["iso3"].map(country_name))
    key = events["date"].map(lambda d: to_date(d))
    return (
        events.assign(_k=key)
        .sort_values(["_k", "name_en"])
        .drop(columns="_k")
        .reset_index(drop=True)
    )
