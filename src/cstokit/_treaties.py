"""Treaty texts: each article in the wording in force on a date, quoted from its source.

An article can have several wordings (the CST's Article 4 as signed in 1992 and as
rewritten by the Protocol of 10 December 2010). Each row of data/articles.csv says
which instrument set its wording and the days it applied (``valid_from`` inclusive,
``valid_to`` exclusive), so :func:`article` can answer "what did the text say on
6 January 2022?".
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass

import pandas as pd

from ._data import load
from ._dates import to_date
from ._errors import CstokitError, NoDataError, UnknownIdError, check_choice
from ._html import render
from ._members import text_ids, treaty_row
from ._sources import citation, split_ids
from ._text import STRINGS, get_language, localized, t

HISTORY_COLUMNS = [
    "language",
    "version",
    "valid_from",
    "valid_to",
    "instrument",
    "partial",
    "source_id",
    "note",
    "text",
]


@dataclass(frozen=True)
class ArticleText:
    """One wording of one article in one language, with its source and the dates it applied.

    ``on`` is the date the wording was asked for; ``asked`` says whether a date was
    given (without one the kit answers for today).
    """

    treaty_id: str
    article: str
    language: str
    version: str
    text: str
    source_id: str
    valid_from: str
    valid_to: str | None
    instrument: str
    partial: bool
    note: str | None
    on: str
    asked: bool = True
    # Set where the kit's language has no text of this wording and another is shown instead.
    notice: str | None = None

    @property
    def reference(self) -> str:
        """The citation line of the source the text is quoted from."""
        return "; ".join(citation(i) for i in split_ids(self.source_id))

    @property
    def paragraphs(self) -> list[str]:
        """The text's paragraphs, as printed."""
        return [p for p in self.text.split("\n") if p.strip()]

    @property
    def heading(self) -> str:
        """E.g. ``'Collective Security Treaty, Article 4 (ru, amended-2010)'``."""
        name = localized(treaty_row(self.treaty_id), "name")
        # The TEU's name in the data names its Article 42(7): the heading names the article shown.
        name = re.sub(r",\s*[Aa]rticle [^,]*(, paragraphe \d+)?$", "", name)
        label = t("article.label", article=self.article)
        if get_language() == "en":  # the codes load("articles") holds, as 0.1 showed them
            return f"{name}, {label} ({self.language}, {self.version})"
        version = (
            t(f"version.{self.version}") if f"version.{self.version}" in STRINGS else self.version
        )
        return f"{name}, {label} ({language_name(self.language)}, {version})"

    @property
    def instrument_named(self) -> str:
        """The instrument that set this wording, named in the kit's language."""
        if get_language() == "en":
            return self.instrument
        rows = articles(self.treaty_id)
        own = rows.loc[rows["instrument"] == self.instrument, f"instrument_{get_language()}"]
        return str(own.iloc[0]) if len(own) else self.instrument

    @property
    def status_line(self) -> str:
        """Which wording this is and whether it was in force on the date asked for."""
        treaty = treaty_row(self.treaty_id)
        day = to_date(self.on)
        # valid_to is the next wording's first day; a reader takes "to" as inclusive, so the
        # line names the last day this wording applied and the day the next one did.
        span = (
            t(
                "article.span",
                start=self.valid_from,
                last=to_date(self.valid_to) - dt.timedelta(days=1),
                end=self.valid_to,
            )
            if self.valid_to
            else t("article.since", start=self.valid_from)
        )
        values = dict(date=self.on, instrument=self.instrument_named, span=span)
        if pd.notna(treaty["in_force"]) and day < to_date(treaty["in_force"]):
            return t("article.not_yet", **values)
        if pd.notna(treaty["ended"]) and day >= to_date(treaty["ended"]):
            return t("article.ended", ended=treaty["ended"], **values)
        end = to_date(self.valid_to) if self.valid_to else dt.date.max
        if not to_date(self.valid_from) <= day < end:
            return t("article.not_on", **values)
        return t("article.in_force" if self.asked else "article.in_force_today", **values)

    def __str__(self) -> str:
        partial = f"\n[{t('article.partial')}]" if self.partial else ""
        notice = f"{self.notice}\n" if self.notice else ""
        return (
            f"{self.heading}\n{notice}{self.status_line}\n\n{self.text}{partial}\n\n"
            f"{t('article.source')}{t('exercise.colon')}{self.reference}"
        )

    def _repr_html_(self) -> str:
        return render(
            "article.html.j2",
            text=self,
            partial_line=t("article.partial")
            + (t("article.note", note=self.note) if self.note else ""),
            source_label=t("article.source"),
        )


def articles(treaty_id: str | None = None) -> pd.DataFrame:
    """Article texts held by the kit (all treaties, or one), with language, version and dates."""
    table = load("articles")
    if treaty_id is not None:
        check_choice("treaty", treaty_id, text_ids())
        table = table[table["treaty_id"] == treaty_id].reset_index(drop=True)
    return table


def provision(treaty_id: str, obligation: str = "defense") -> pd.Series | None:
    """The row of data/provisions.csv for one obligation of a treaty (None where not coded)."""
    check_choice("treaty", treaty_id, text_ids())
    table = load("provisions")
    rows = table[(table["treaty_id"] == treaty_id) & (table["obligation"] == obligation)]
    return None if rows.empty else rows.iloc[0]


def official_publisher(treaty_id: str) -> str:
    """Who publishes a treaty's official text, as far as the kit's sources say."""
    from ._sources import source

    ids = split_ids(treaty_row(treaty_id)["source_id"])
    held = provision(treaty_id)
    if held is not None:
        ids += split_ids(held["source_id"])
    for sid in dict.fromkeys(ids):
        row = source(sid)
        if row["kind"] == "official":
            return f"{row['publisher']} ({row['url']})"
    return (
        "the treaty's depositary; the kit's sources name no official publisher for this "
        "treaty, so look for it in the United Nations Treaty Series (treaties.un.org)"
    )


def _publisher(treaty_id: str) -> str:
    """Where the official text is published, as the treaty's own sources say."""
    row = treaty_row(treaty_id)
    return "; ".join(citation(i) for i in split_ids(row["source_id"]))


def _rows(treaty_id: str, number: str | int) -> tuple[pd.DataFrame, str]:
    """The rows of one article (every language and wording), checking both ids."""
    table = articles(treaty_id)
    number = str(number)
    if table.empty:
        row = treaty_row(treaty_id)
        raise NoDataError(
            t(
                "error.no_articles",
                name=localized(row, "name"),
                treaty_id=treaty_id,
                publisher=_publisher(treaty_id),
                valid=", ".join(sorted(load("articles")["treaty_id"].unique())),
            )
        )
    check_choice(t("id.article_of", treaty=treaty_id), number, table["article"].unique())
    return table[table["article"] == number], number


def _held(rows: pd.DataFrame) -> str:
    """What the kit holds of an article: each language with its wordings and dates."""
    parts = []
    for r in rows.sort_values(["valid_from", "language"]).itertuples():
        part = t("error.held_partial") if r.partial else ""
        # valid_to is the next wording's first day: name the last day this one applied.
        span = (
            t("error.held_span", start=r.valid_from, end=to_date(r.valid_to) - dt.timedelta(days=1))
            if pd.notna(r.valid_to)
            else t("error.held_since", start=r.valid_from)
        )
        parts.append(f"{r.language} {r.version} {span}{part}")
    return t("list.sep").join(parts)


def _in_force(rows: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    start = rows["valid_from"].map(to_date)
    end = rows["valid_to"].map(lambda v: to_date(v) if pd.notna(v) else dt.date.max)
    return rows[(start <= day) & (day < end)]


def _wording_on(treaty_id: str, rows: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """The rows whose wording applied on ``day`` (any language).

    Between signature and entry into force the wording as signed is given, and after
    a treaty ended its last wording; :attr:`ArticleText.status_line` says so.
    """
    treaty = treaty_row(treaty_id)
    signed = to_date(treaty["signed"])
    if day < signed:
        raise CstokitError(
            t("error.not_signed", name=localized(treaty, "name"), signed=treaty["signed"], day=day)
        )
    first = rows["valid_from"].map(to_date).min()
    if day < first:
        day = first
    if pd.notna(treaty["ended"]) and day >= to_date(treaty["ended"]):
        day = to_date(treaty["ended"]) - dt.timedelta(days=1)
    return _in_force(rows, day)


def article(
    treaty_id: str,
    number: str | int,
    language: str | None = None,
    *,
    at: str | dt.date | None = None,
    version: str | None = None,
) -> ArticleText:
    """The text of one article in the wording in force on a date, quoted from its source.

    Parameters
    ----------
    treaty_id : str
        E.g. ``"cst"``, ``"nato"``, ``"teu"``, ``"un_charter"``.
    number : str or int
        The article as the treaty numbers it: ``5``, ``"IV"``, ``"42(7)"``.
    language : str, optional
        ``"en"``, ``"fr"``, ``"ru"``, ``"es"``... where the kit holds that text. By default
        the kit's language (:func:`set_language`): in French, the authentic French text
        where the treaty has one; where the kit holds none, an authentic text it holds,
        and the answer says so (a translation is never shown as if it were the treaty's).
    at : str or datetime.date, optional
        The date the wording is wanted for (``"2022-01-06"``). Without it, the wording
        in force today, and the answer says so.
    version : str, optional
        One wording by name (``"original"``, ``"amended-2010"``...), whatever the date.

    Returns
    -------
    ArticleText
        Shows as a quotation with the instrument that set the wording, the dates it
        applied and its source; ``str()`` gives plain text.

    Raises
    ------
    CstokitError
        For a date before the treaty was signed (the message gives the signature date).
    NoDataError
        Where the kit holds no wording in that language for that date (the message lists
        what it holds and where the official text is published).

    Examples
    --------
    >>> article("cst", 4, "ru", at="2022-01-06").version  # doctest: +SKIP
    'amended-2010'
    """
    rows, number = _rows(treaty_id, number)
    asked = at is not None
    day = to_date(at, "date for at=") if asked else dt.date.today()
    notice = None
    if language is None:
        language, notice = _default_language(treaty_id, rows, day, version)
    if language not in set(rows["language"]):
        raise UnknownIdError(
            t("id.language_of", treaty=treaty_id, article=number),
            language,
            rows["language"],
            t("error.more_held", held=_held(rows), publisher=_publisher(treaty_id)),
        )
    if version is not None:
        check_choice(t("id.version_of", treaty=treaty_id, article=number), version, rows["version"])
        chosen = rows[rows["version"] == version]
    else:
        chosen = _wording_on(treaty_id, rows, day)
    hit = chosen[chosen["language"] == language]
    if hit.empty:
        when = t("error.when_version", version=version) if version else t("error.when_on", date=day)
        have = sorted(set(chosen["language"]))
        offer = ""
        if have:
            first = chosen.iloc[0]
            instrument = first["instrument"] if get_language() == "en" else first["instrument_fr"]
            offer = t(
                "error.offer",
                have=", ".join(have),
                instrument=instrument,
                start=first["valid_from"],
            )
        raise NoDataError(
            t(
                "error.no_text_in",
                lang=repr(language),
                treaty_id=treaty_id,
                number=number,
                when=when,
                offer=offer,
                held=_held(rows),
                publisher=_publisher(treaty_id),
            )
        )
    row = hit.iloc[0]
    return ArticleText(
        treaty_id=treaty_id,
        article=number,
        language=language,
        version=row["version"],
        text=row["text"],
        source_id=row["source_id"],
        valid_from=row["valid_from"],
        valid_to=row["valid_to"] if pd.notna(row["valid_to"]) else None,
        instrument=row["instrument"],
        partial=bool(row["partial"]),
        note=row["note"] if pd.notna(row["note"]) else None,
        on=day.isoformat(),
        asked=asked,
        notice=notice,
    )


def _default_language(
    treaty_id: str, rows: pd.DataFrame, day: dt.date, version: str | None
) -> tuple[str, str | None]:
    """The language :func:`article` shows when none is asked for, and why if not the kit's."""
    own = get_language()
    chosen = rows[rows["version"] == version] if version else _wording_on(treaty_id, rows, day)
    held = list(dict.fromkeys(chosen["language"]))
    if own in held or not held:
        return own, None
    # A text that is not a translation, in the order the treaty lists its authentic languages
    # (the CST's final clause was not retrieved: its Russian texts are the ones not translated).
    originals = list(
        dict.fromkeys(chosen.loc[~chosen["version"].str.contains("translation"), "language"])
    )
    listed = treaty_row(treaty_id)["authentic_languages"]
    order = str(listed).split(";") if pd.notna(listed) else []
    authentic = sorted(
        originals, key=lambda lang: order.index(lang) if lang in order else len(order)
    )
    if authentic:
        shown = authentic[0]
        return shown, t(
            "article.other_language", missing=language_name(own), shown=language_name(shown)
        )
    if own == "en":
        return own, None  # the error lists what the kit holds
    # Only translations of this wording: the one shown says whose it is (its version and note).
    shown = held[0]
    return shown, t(
        "article.only_translation", missing=language_name(own), shown=language_name(shown)
    )


def language_name(code: str, language: str | None = None) -> str:
    """A language's name in the kit's language, from CLDR ("ru" -> "russe" in French)."""
    from babel import Locale

    from ._text import LOCALES

    return Locale.parse(LOCALES[language or get_language()]).languages.get(code, code)


def languages_on(treaty_id: str, number: str | int, date: str | dt.date) -> list[str]:
    """The languages the kit holds an article in, in the wording in force on ``date``.

    Authentic texts come first, translations after them.
    """
    rows, _ = _rows(treaty_id, number)
    held = _wording_on(treaty_id, rows, to_date(date))
    authentic = ~held["version"].str.contains("translation")
    ordered = pd.concat([held[authentic], held[~authentic]])
    return list(dict.fromkeys(ordered["language"]))


def article_history(treaty_id: str, number: str | int) -> pd.DataFrame:
    """Every wording the kit holds of one article, oldest first, in every language.

    Returns
    -------
    pandas.DataFrame
        ``language``, ``version``, ``valid_from``, ``valid_to`` (empty while in force),
        ``instrument``, ``partial``, ``source_id``, ``note``, ``text``.
    """
    rows, _ = _rows(treaty_id, number)
    return rows.sort_values(["valid_from", "language", "version"])[HISTORY_COLUMNS].reset_index(
        drop=True
    )


_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class WordingComparison:
    """Two wordings of one article side by side, with what changed marked."""

    before: ArticleText
    after: ArticleText

    def _tokens(self) -> tuple[list[dict], list[dict]]:
        old = _TOKEN.findall(self.before.text)
        new = _TOKEN.findall(self.after.text)
        left, right = [], []
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            same = op == "equal"
            left += [dict(text=x, changed=not same and not x.isspace()) for x in old[i1:i2]]
            right += [dict(text=x, changed=not same and not x.isspace()) for x in new[j1:j2]]
        return left, right

    @staticmethod
    def _paragraphs(tokens: list[dict]) -> list[list[dict]]:
        out: list[list[dict]] = [[]]
        for token in tokens:
            if "\n" in token["text"]:
                out.append([])
            else:
                out[-1].append(token)
        return [p for p in out if p]

    @property
    def caveat(self) -> str | None:
        """A warning where the two sides are translations by different hands."""
        sides = (self.before, self.after)
        translated = [s for s in sides if "translation" in s.version]
        if translated and self.before.source_id.split(";")[0] != self.after.source_id.split(";")[0]:
            return t(
                "compare.translations",
                before=self.before.version,
                after=self.after.version,
            )
        return None

    @property
    def changed_words(self) -> tuple[list[str], list[str]]:
        """The words taken out of the earlier wording, and those put into the later one."""
        left, right = self._tokens()
        return (
            [x["text"] for x in left if x["changed"]],
            [x["text"] for x in right if x["changed"]],
        )

    def __str__(self) -> str:
        removed, added = self.changed_words
        caveat = f"\n{self.caveat}" if self.caveat else ""
        return (
            f"{self.before.heading}  ->  {self.after.heading}\n"
            f"{t('compare.removed')}: {' '.join(removed)}\n"
            f"{t('compare.added')}: {' '.join(added)}{caveat}"
        )

    def _repr_html_(self) -> str:
        left, right = self._tokens()
        sides = []
        for text, tokens, colour in (
            (self.before, left, "#F8D7DA"),
            (self.after, right, "#D1E7DD"),
        ):
            sides.append(
                dict(
                    heading=text.heading,
                    status_line=text.status_line,
                    language=text.language,
                    paragraphs=self._paragraphs(tokens),
                    colour=colour,
                    reference=text.reference,
                )
            )
        return render(
            "compare.html.j2",
            title=t("compare.title", article=self.before.article),
            sides=sides,
            legend=t("compare.legend"),
            caveat=self.caveat,
            source_label=t("article.source"),
        )


def compare_wordings(
    treaty_id: str,
    number: str | int,
    language: str = "en",
    *,
    before: str | dt.date | None = None,
    after: str | dt.date | None = None,
) -> WordingComparison:
    """Two wordings of an article side by side, with the words that changed highlighted.

    Parameters
    ----------
    treaty_id, number, language
        As in :func:`article`.
    before, after : str or datetime.date, optional
        Dates: the wording in force on ``before`` against the one in force on ``after``.
        By default the two most recent wordings the kit holds in that language.

    Examples
    --------
    >>> compare_wordings("cst", 4, "ru", before="2000-01-01", after="2022-01-06")  # doctest: +SKIP
    """
    rows, number = _rows(treaty_id, number)
    own = rows[rows["language"] == language].sort_values("valid_from")
    if before is None and after is None:
        if len(own) < 2:
            raise NoDataError(
                f"The kit holds {len(own)} wording(s) of {treaty_id} Article {number} in "
                f"{language!r}, so there is nothing to compare. All it holds of this article: "
                f"{_held(rows)}."
            )
        before, after = own["valid_from"].iloc[-2], own["valid_from"].iloc[-1]
    if before is None or after is None:
        raise CstokitError("Give both dates, before= and after=, or neither.")
    old = article(treaty_id, number, language, at=before)
    new = article(treaty_id, number, language, at=after)
    if old.version == new.version:
        raise NoDataError(
            f"On {old.on} and {new.on} {treaty_id} Article {number} had the same wording "
            f"({old.version}). Wordings the kit holds: {_held(rows)}."
        )
    return WordingComparison(old, new)
