"""Domain: cases, not records. One row per case in which a collective-defence or
consultation clause was invoked or requested, with the records that evidence it.

data/invocations.csv keeps every source's version as its own row (the disagreement is
teaching material); data/cases.csv groups them the way a class reads them: who asked,
against what threat, when, what was decided, and which record is the best evidence.
"""

from __future__ import annotations

import pandas as pd

from ._data import load
from ._errors import check_choice
from ._members import country_name, treaty_ids, treaty_row
from ._sources import split_ids, with_source_columns
from ._text import localized, t


def case_ids() -> list[str]:
    """Every case id, e.g. ``['anzus-2001', 'cst-kaz-2022', 'nato-a5-2001', ...]``."""
    return sorted(load("cases")["case_id"])


def cases(treaty_id: str | None = None) -> pd.DataFrame:
    """The cases, oldest request first (all treaties, or one).

    Returns
    -------
    pandas.DataFrame
        One row per case: ``case_id``, ``treaty_id``, ``articles``, ``requested_by``
        (ISO-3 codes), ``requesters`` (their names), ``threat``, ``requested``, ``decided``,
        ``outcome``, ``days_to_decision``, ``summary_en``, ``summary_fr``, ``records`` (the
        invocation ids that evidence it), ``best_record``, ``disagreement``, ``source_id``,
        ``note``. :func:`case_records` gives the evidence of one case.
    """
    table = load("cases")
    if treaty_id is not None:
        check_choice("treaty", treaty_id, treaty_ids())
        table = table[table["treaty_id"] == treaty_id]
    table = table.copy()
    table.insert(
        4,
        "requesters",
        table["requested_by"].map(requesters),
    )
    return table.sort_values(["requested", "case_id"]).reset_index(drop=True)


def requesters(value: object) -> str:
    """The states named by a ``requested_by``/``invoked_by`` cell, in the kit's language."""
    if pd.isna(value):
        return ""
    codes = str(value).split(";")
    return ", ".join(t("cases.all_parties") if c == "ALL" else country_name(c) for c in codes)


def case(case_id: str) -> pd.Series:
    """One case (raises with the valid case ids if unknown)."""
    table = cases().set_index("case_id")
    check_choice("case", case_id, table.index)
    return table.loc[case_id]


def case_records(case_id: str) -> pd.DataFrame:
    """The invocation records of one case, the best first, each with its source's publisher and kind."""
    row = case(case_id)
    ids = split_ids(row["records"])
    records = load("invocations").set_index("invocation_id").loc[ids].reset_index()
    records.insert(1, "best", records["invocation_id"] == row["best_record"])
    records = records.sort_values("best", ascending=False, kind="stable")
    return with_source_columns(records).reset_index(drop=True)


def clause_label(treaty_id: str, articles: object) -> str:
    """E.g. ``'NATO · Art. 5'``: how a case's clause is named on charts."""
    organisation = localized(treaty_row(treaty_id), "organisation")
    if pd.isna(articles) or not str(articles):
        return organisation
    return t(
        "cases.clause", organisation=organisation, articles=" & ".join(str(articles).split(";"))
    )
