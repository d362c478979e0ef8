"""Reading the texts: the comparison grid of the treaties, and the kind of a clause.

Both are checked against ``data/clause_grid.csv``, the kit's reading of each clause, where
every value comes with the exact words of the article that decide it; the feedback quotes
those words. A cell left empty is "not answered yet", never an error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from ._cases import clause_label
from ._data import load
from ._exercise_base import Exercise, _enum, _name
from ._exercise_feedback import Feedback, FeedbackLine
from ._exercise_scoring import did_you_mean, is_unanswered, wrong_shape
from ._members import treaty_row
from ._text import localized, t

# The grid's columns, in the order a row is read: the defence clause's five, then where the
# treaty's consultation clause is and how a party leaves.
CLAUSE_COLUMNS = ("trigger", "scope", "automaticity", "means", "un_reporting")
GRID_COLUMNS = (*CLAUSE_COLUMNS, "consultation", "withdrawal")
NOTICE = {"P6M": "6-months", "P1Y": "1-year", "P2Y": "2-years"}
WITHDRAWAL = ("6-months", "1-year", "2-years", "no-withdrawal-clause", "not-held")


def _grid_row(treaty_id: str, kind: str) -> pd.Series | None:
    table = load("clause_grid")
    rows = table[(table["treaty_id"] == treaty_id) & (table["clause_kind"] == kind)]
    return rows.iloc[0] if len(rows) else None


def _accepted(row: pd.Series) -> dict[str, set[str]]:
    """The row's ``also_accept`` pairs ("trigger=armed-attack;scope=region") by column."""
    out: dict[str, set[str]] = {}
    text = row.get("also_accept")
    for pair in str(text).split(";") if isinstance(text, str) and text else []:
        column, _, value = pair.partition("=")
        out.setdefault(column.strip(), set()).add(value.strip())
    return out


def _quote(text: object) -> str:
    return f"\u201c{text}\u201d" if isinstance(text, str) and text else ""


class TreatyGrid(Exercise):
    """One row per treaty, filled from the texts: trigger, scope, how automatic, means, UN
    reporting, the consultation clause and the withdrawal terms.
    """

    shape = "grid"
    strings = "grid"
    about = ("treaties",)
    treaties: str

    def treaty_ids(self) -> list[str]:
        return self.treaties.split()

    def items(self) -> list[tuple[str, str]]:
        # A grid row is named short (its organisation), so seven columns fit beside it.
        return [(tid, localized(treaty_row(tid), "organisation")) for tid in self.treaty_ids()]

    def columns(self) -> list[tuple[str, str]]:
        return [(c, self._t(f"column.{c}")) for c in GRID_COLUMNS]

    def column_options(self, item: str, column: str) -> list[tuple[str, str]]:
        """(label, value) choices of one cell: a vocabulary, or the treaty's own articles."""
        if column in CLAUSE_COLUMNS:
            values = _enum("clause_grid", column)
        elif column == "withdrawal":
            values = list(WITHDRAWAL)
        else:
            held = list(dict.fromkeys(load("articles").query("treaty_id == @item")["article"]))
            return [(t("exercise.grid.article", article=a), a) for a in held] + [
                (self._t("value.none"), "none")
            ]
        return [(self._t(f"value.{v}"), v) for v in values]

    def options(self) -> list[tuple[str, str]]:
        return []

    @property
    def answer_example(self) -> str:
        first = self.treaty_ids()[0]
        cells = ", ".join(f'"{c}": ...' for c in GRID_COLUMNS[:3])
        return self._t("example", example=f'{{"{first}": {{{cells}, ...}}, ...}}')

    def question(self) -> str:
        return self._t("question", columns=", ".join(label for _, label in self.columns()))

    # -- the key, from data/ ----------------------------------------------------------
    def key(self, treaty_id: str) -> dict[str, dict]:
        """Per column: the kit's reading (``value``), the words that decide it (``words``), its
        ``sources``, the other readings it accepts (``accept``) and its reasoning (``why``).
        """

        def cell(row, column, value, quote):
            quote = quote if isinstance(quote, str) else ""
            where = t("exercise.grid.article", article=row["article"])
            return dict(
                value=value,
                words=f"{where}: {_quote(quote)}"
                if quote
                else f"{where}: {localized(row, 'explanation')}",
                sources=[row["source_id"]],
                accept=_accepted(row).get(column, set()),
                why=localized(row, "explanation"),
            )

        out = {}
        defence = _grid_row(treaty_id, "defence")
        rows = load("clause_grid").query("treaty_id == @treaty_id")
        for column in CLAUSE_COLUMNS:
            if defence is None:
                out[column] = dict(value="", words="", sources=[], accept=set(), why="")
                continue
            row = defence
            if column == "un_reporting" and defence[column] != "yes":
                # Reporting may sit outside the defence clause (Rio: Art. 5).
                reporting = rows[rows["un_reporting"] == "yes"]
                if len(reporting):
                    row = reporting.iloc[0]
            out[column] = cell(row, column, row[column], row[f"{column}_quote"])
        consult = _grid_row(treaty_id, "consultation")
        if consult is None:
            out["consultation"] = dict(
                value="none", words=self._t("no_consultation"), sources=[], accept=set(), why=""
            )
        else:
            out["consultation"] = cell(
                consult, "consultation", consult["article"], consult["clause_kind_quote"]
            )
        row = treaty_row(treaty_id)
        leave = _grid_row(treaty_id, "withdrawal")
        if leave is None:
            out["withdrawal"] = dict(
                value="not-held",
                words=self._t("withdrawal_not_held"),
                sources=[row["source_id"]],
                accept=set(),
                why="",
            )
        else:
            value = NOTICE.get(row["notice_period"], "no-withdrawal-clause")
            out["withdrawal"] = cell(leave, "withdrawal", value, leave["clause_kind_quote"])
        return out

    # -- checking -----------------------------------------------------------------------
    def _read(self, item: str, column: str, given: object) -> str | None:
        """The choice typed: its value or label, in any case, with spaces or hyphens
        ("armed attack", "Armed-Attack"), or an article as "Art. 4" / "Article 4".
        """

        def plain(text: object) -> str:
            text = re.sub(r"^(article|art\.?)\s*", "", str(text).strip().lower())
            return re.sub(r"[\s_-]+", "-", text)

        table = {}
        for label, value in self.column_options(item, column):
            table[plain(value)] = value
            table[plain(label)] = value
        return table.get(plain(given))

    def evaluate(self, answer) -> Feedback:
        if not isinstance(answer, Mapping) or not all(
            isinstance(v, Mapping) or is_unanswered(v) for v in answer.values()
        ):
            return wrong_shape(self.exercise_id, answer, self.answer_example)
        ids = self.treaty_ids()
        lines: list[FeedbackLine] = []
        for key in answer:
            if key not in ids:
                hint = did_you_mean(key, ids)
                lines.append(
                    FeedbackLine(
                        "wrong",
                        self._t("unknown_row", given=repr(key), hint=hint, ids=", ".join(ids)),
                    )
                )
        right = wrong = open_cells = 0
        names = dict(self.columns())
        for tid in ids:
            cells = answer.get(tid) or {}
            key = self.key(tid)
            empty = []
            for column in GRID_COLUMNS:
                given = cells.get(column) if isinstance(cells, Mapping) else None
                if is_unanswered(given):
                    empty.append(names[column])
                    open_cells += 1
                    continue
                value = self._read(tid, column, given)
                expected = key[column]
                cell = dict(treaty=_name(tid), column=names[column], words=expected["words"])
                label = self._label(tid, column, expected["value"])
                if value is None:
                    wrong += 1
                    choices = " | ".join(v for _, v in self.column_options(tid, column))
                    lines.append(
                        FeedbackLine(
                            "wrong",
                            self._t("unreadable", given=repr(given), choices=choices, **cell),
                        )
                    )
                elif value == expected["value"]:
                    right += 1
                    lines.append(
                        FeedbackLine(
                            "ok", self._t("right", value=label, **cell), expected["sources"]
                        )
                    )
                elif value in expected["accept"]:
                    right += 1
                    text = self._t(
                        "also", given=self._label(tid, column, value), value=label, **cell
                    )
                    lines.append(FeedbackLine("ok", text, expected["sources"]))
                else:
                    wrong += 1
                    text = self._t(
                        "differs", given=self._label(tid, column, value), value=label, **cell
                    )
                    if expected["why"] and expected["why"] not in text:
                        text += " " + expected["why"]
                    lines.append(FeedbackLine("wrong", text, expected["sources"]))
            if empty and len(empty) < len(GRID_COLUMNS):
                lines.append(
                    FeedbackLine(
                        "info", self._t("open_cells", treaty=_name(tid), cells=", ".join(empty))
                    )
                )
        total = len(ids) * len(GRID_COLUMNS)
        if right + wrong == 0:
            return Feedback(
                self.exercise_id, "unanswered", self._t("none_yet", how=self.how_to_answer()), lines
            )
        if wrong == 0 and open_cells == 0:
            status = "correct"
        elif right:
            status = "partly"
        else:
            status = "wrong"
        summary = self._t("summary", right=right, total=total, open=open_cells)
        return Feedback(self.exercise_id, status, summary, lines)

    def _label(self, item: str, column: str, value: str) -> str:
        return dict((v, label) for label, v in self.column_options(item, column)).get(value, value)


class ClauseKinds(Exercise):
    """What kind of clause each article is: defence, consultation, non-aggression, scope,
    withdrawal or other; the feedback quotes the words that decide it.
    """

    shape = "per-item"
    strings = "kinds"
    about = ("clauses",)
    clauses: str

    def _rows(self) -> list[pd.Series]:
        table = load("clause_grid").set_index(["treaty_id", "article"])
        out = []
        for item in self.clauses.split():
            tid, art = item.split(":")
            out.append(table.loc[(tid, art)].rename(item))
        return out

    def items(self) -> list[tuple[str, str]]:
        articles = load("articles").set_index(["treaty_id", "article", "language", "version"])
        out = []
        for row in self._rows():
            tid, art = row.name.split(":")
            text = str(articles.loc[(tid, art, row["language"], row["version"])]["text"])
            short = text if len(text) <= 220 else text[:217].rsplit(" ", 1)[0] + " …"
            out.append((row.name, self._t("item", clause=clause_label(tid, art), text=short)))
        return out

    def options(self) -> list[tuple[str, str]]:
        return [(self._t(f"kind.{k}"), k) for k in _enum("clause_grid", "clause_kind")]

    @property
    def answer_example(self) -> str:
        first = self.clauses.split()[0]
        return self._t("example", example=f'{{"{first}": "consultation", ...}}')

    def evaluate(self, answer) -> Feedback:
        if not isinstance(answer, Mapping):
            return wrong_shape(self.exercise_id, answer, self.answer_example)
        rows = self._rows()
        known = [r.name for r in rows]
        lines = [
            FeedbackLine(
                "wrong",
                self._t(
                    "unknown", given=repr(k), hint=did_you_mean(k, known), ids=", ".join(known)
                ),
            )
            for k in answer
            if k not in known
        ]
        right = answered = 0
        labels = dict((v, label) for label, v in self.options())
        for row in rows:
            given = answer.get(row.name)
            tid, art = row.name.split(":")
            where = dict(clause=clause_label(tid, art), words=_quote(row["clause_kind_quote"]))
            if is_unanswered(given):
                lines.append(FeedbackLine("info", self._t("open", **where)))
                continue
            answered += 1
            value = self._resolve(given)
            if value is None:
                lines.append(self._unknown_line(given))
            elif value == row["clause_kind"]:
                right += 1
                lines.append(
                    FeedbackLine(
                        "ok", self._t("right", kind=labels[value], **where), [row["source_id"]]
                    )
                )
            else:
                lines.append(
                    FeedbackLine(
                        "wrong",
                        self._t(
                            "differs",
                            given=labels[value],
                            kind=labels[row["clause_kind"]],
                            why=localized(row, "explanation"),
                            **where,
                        ),
                        [row["source_id"]],
                    )
                )
        if answered == 0:
            return Feedback(
                self.exercise_id, "unanswered", self._t("none_yet", how=self.how_to_answer()), lines
            )
        status = "correct" if right == len(rows) else ("partly" if right else "wrong")
        summary = self._t("summary", right=right, total=len(rows), open=len(rows) - answered)
        return Feedback(self.exercise_id, status, summary, lines)
