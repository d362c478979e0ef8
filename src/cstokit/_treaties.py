"""Treaty texts: the articles a class reads, quoted from their official sources."""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from ._data import load
from ._errors import NoDataError, UnknownIdError, check_choice
from ._members import treaty_ids, treaty_row
from ._sources import citation, split_ids


@dataclass(frozen=True)
class ArticleText:
    """One article of one treaty in one language, with the source it is quoted from."""

    treaty_id: str
    article: str
    language: str
    version: str
    text: str
    source_id: str

    @property
    def reference(self) -> str:
        """The citation line of the source the text is quoted from."""
        return "; ".join(citation(i) for i in split_ids(self.source_id))

    def __str__(self) -> str:
        return f"{self.heading}\n\n{self.text}\n\nSource: {self.reference}"

    @property
    def heading(self) -> str:
        """E.g. ``'nato, Article 5 (en, original)'``."""
        name = treaty_row(self.treaty_id)["name_en"]
        label = f"Article {self.article}"
        # The TEU's name in the data already names its Article 42(7).
        prefix = name if label in name else f"{name}, {label}"
        return f"{prefix} ({self.language}, {self.version})"

    def _repr_html_(self) -> str:
        paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in self.text.split("\n") if p)
        return (
            f"<div class='cstokit-article' lang='{html.escape(self.language)}'>"
            f"<strong>{html.escape(self.heading)}</strong>"
            f"<blockquote>{paragraphs}</blockquote>"
            f"<small>Source: {html.escape(self.reference)}</small></div>"
        )


def articles(treaty_id: str | None = None) -> pd.DataFrame:
    """Article texts held by the kit (all treaties, or one), with language and version."""
    table = load("articles")
    if treaty_id is not None:
        check_choice("treaty", treaty_id, treaty_ids())
        table = table[table["treaty_id"] == treaty_id].reset_index(drop=True)
    return table


def article(
    treaty_id: str, number: str | int, language: str = "en", version: str | None = None
) -> ArticleText:
    """The text of one article, quoted from its official source.

    Parameters
    ----------
    treaty_id : str
        E.g. ``"cst"``, ``"nato"``, ``"teu"``.
    number : str or int
        The article as the treaty numbers it: ``5``, ``"IV"``, ``"42(7)"``.
    language : str
        ``"en"`` (default), ``"fr"``, ``"ru"``... where the kit holds that text.
    version : str, optional
        ``"original"`` or an amended version such as ``"amended-2010"``; by default
        the newest the kit holds.

    Returns
    -------
    ArticleText
        Shows as a quotation with its source in a notebook; ``str()`` gives plain text.
    """
    table = articles(treaty_id)
    number = str(number)
    if table.empty:
        row = treaty_row(treaty_id)
        raise NoDataError(
            f"The kit holds no article text of {row['name_en']} ({treaty_id}): no official text "
            "could be retrieved when the kit was built. Read it from its publisher: "
            + "; ".join(citation(i) for i in split_ids(row["source_id"]))
            + f". Treaties with texts in the kit: {', '.join(sorted(load('articles')['treaty_id'].unique()))}."
        )
    check_choice(f"article of {treaty_id}", number, table["article"].unique())
    rows = table[table["article"] == number]
    if language not in set(rows["language"]):
        raise UnknownIdError(
            f"language for {treaty_id} Article {number}", language, rows["language"]
        )
    rows = rows[rows["language"] == language]
    if version is not None:
        check_choice("version", version, rows["version"])
        rows = rows[rows["version"] == version]
    if rows.empty:  # pragma: no cover - guarded by the checks above
        raise NoDataError(f"No text for {treaty_id} Article {number} in {language}.")
    # Newest version: the original sorts first, amended-YYYY after it.
    row = rows.sort_values("version", key=lambda s: s.map(lambda v: (v != "original", v))).iloc[-1]
    return ArticleText(treaty_id, number, language, row["version"], row["text"], row["source_id"])
