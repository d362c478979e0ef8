"""Domain: operations under a treaty and the personnel each source reports for them.

Views (charts, maps, exercises, the dashboard) ask here for an operation's row and its
contribution figures; they never read data/operations.csv or contributions.csv themselves.
"""

from __future__ import annotations

import pandas as pd

from ._data import load
from ._errors import NoDataError, check_choice
from ._members import country_name
from ._sources import with_source_columns
from ._text import t


def operation_ids(with_figures: bool = False) -> list[str]:
    """The operation ids in data/operations.csv (only those with contribution figures, if asked)."""
    ids = sorted(load("operations")["operation_id"])
    if with_figures:
        held = set(load("contributions")["operation_id"])
        ids = [i for i in ids if i in held]
    return ids


def operation_row(operation_id: str) -> pd.Series:
    """One row of data/operations.csv (raises with the valid ids if unknown)."""
    ops = load("operations").set_index("operation_id")
    check_choice("operation", operation_id, ops.index)
    return ops.loc[operation_id]


def contributions_table(operation_id: str) -> pd.DataFrame:
    """Every source's figure per contributing country (iso3 ``ALL`` = a stated total)."""
    operation_row(operation_id)
    table = load("contributions")
    table = table[table["operation_id"] == operation_id]
    if table.empty:
        raise NoDataError(
            t(
                "error.no_contributions",
                given=repr(operation_id),
                valid=", ".join(operation_ids(with_figures=True)),
            )
        )
    table = with_source_columns(table)
    table.insert(
        2, "country", [t("contrib.total") if i == "ALL" else country_name(i) for i in table["iso3"]]
    )
    return table.reset_index(drop=True)
