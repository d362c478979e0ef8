"""Sources and citations: every figure the kit shows can name where it came from."""

from __future__ import annotations

import functools
from collections.abc import Iterable

import pandas as pd

from ._data import data_key, load
from ._errors import UnknownIdError
from ._text import get_language, show_date, t


def split_ids(value: str) -> list[str]:
    """A ``source_id`` cell may name several sources, separated by ``;``."""
    return [part.strip() for part in str(value).split(";") if part.strip()]


@functools.lru_cache(maxsize=2)
def _indexed(_key: tuple) -> pd.DataFrame:
    # Figures look up a source per mark: index the table once per pinned version.
    return load("sources").set_index("source_id")


def source(source_id: str) -> pd.Series:
    """One row of data/sources.csv (title, publisher, date, url, kind, language)."""
    table = _indexed(data_key("sources"))
    if source_id not in table.index:
        raise UnknownIdError("source", source_id, table.index)
    return table.loc[source_id].copy()


def source_kind(source_id: str) -> str:
    """The kind (official, state-media, ...) of the first source of a ``source_id`` cell."""
    return source(split_ids(source_id)[0])["kind"]


def with_source_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Add publisher, source date and kind of each row's (first) source."""
    first = frame["source_id"].map(lambda s: split_ids(s)[0])
    info = first.map(source)
    out = frame.copy()
    out["publisher"] = [row["publisher"] for row in info]
    out["source_date"] = [row["date"] for row in info]
    out["source_kind"] = [row["kind"] for row in info]
    return out


def official_references(source_id: str) -> list[str]:
    """Reference lines of the official sources in a ``source_id`` cell (all of them if none is)."""
    ids = split_ids(source_id)
    official = [i for i in ids if source(i)["kind"] == "official"]
    return list(cite(official or ids))


def short_label(source_id: str, *, kind: bool = False) -> str:
    """Hover label of a ``source_id`` cell: first source's publisher and date, how many more."""
    ids = split_ids(source_id)
    row = source(ids[0])
    date = f" {show_date(row['date'])}" if pd.notna(row["date"]) else ""
    what = f" ({t('kind.' + row['kind'])})" if kind else ""
    more = f" (+{len(ids) - 1})" if len(ids) > 1 else ""
    return f"{row['publisher']}{date}{what}{more}"


def citation(source_id: str) -> str:
    """A one-line reference: publisher, "title", date, kind, URL."""
    row = source(source_id)
    date = f", {show_date(row['date'])}" if pd.notna(row["date"]) else ""
    # The kind is the vocabulary's code in English (what load("sources") holds), a word otherwise.
    kind = row["kind"] if get_language() == "en" else t("kind." + row["kind"])
    return f"{row['publisher']}, \u201c{row['title']}\u201d{date} [{kind}]. {row['url']}"


def sources_summary(source_ids: Iterable[str]) -> str:
    """One compact line: ``'23 sources: 6 official, 9 independent media, 5 state media, 3 other'``."""
    ids = list(dict.fromkeys(part for i in source_ids for part in split_ids(i)))
    counts = pd.Series([source(i)["kind"] for i in ids], dtype="object").value_counts()
    parts = ", ".join(
        f"{n} {t(('kind.' if n == 1 else 'kinds.') + kind)}" for kind, n in counts.items()
    )
    return t("sources.summary", n=len(ids), parts=parts) if ids else t("sources.none")


class Citations(list):
    """A list of reference lines that shows as a numbered list in a notebook.

    With ``summary`` it shows as one compact line, the full list one click away.
    """

    summary: str | None = None

    def _repr_html_(self) -> str:
        from ._html import render_macro

        return render_macro("macros.html.j2", "citations", lines=list(self), summary=self.summary)

    def __str__(self) -> str:
        return "\n".join(f"[{i}] {line}" for i, line in enumerate(self, 1))


def cite(source_ids: str | Iterable[str] | pd.DataFrame) -> Citations:
    """References for some sources, ready to paste into homework.

    Parameters
    ----------
    source_ids : str, iterable of str, or DataFrame
        One id, several ids, or any kit table with a ``source_id`` column (for
        example what :func:`members_at` returned): each distinct source once.

    Returns
    -------
    Citations
        A list of reference lines (publisher, title, date, kind, URL).
    """
    if isinstance(source_ids, pd.DataFrame):
        ids: Iterable[str] = source_ids["source_id"].dropna()
    elif isinstance(source_ids, str):
        ids = [source_ids]
    else:
        ids = source_ids
    seen = list(dict.fromkeys(part for i in ids for part in split_ids(i)))
    return Citations(citation(i) for i in seen)


def cite_compact(source_ids: Iterable[str]) -> Citations:
    """Like :func:`cite`, shown as one compact line with the list one click away (figures' sources)."""
    ids = list(source_ids)
    refs = cite(ids)
    refs.summary = sources_summary(ids)
    return refs
