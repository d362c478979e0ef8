"""The exercises of the course: what each asks, where its right answer comes from, and the registry.

Every right answer is derived from data/ when an answer is checked (``members_at``,
``provision``, ``load("factcheck")``...): nothing here repeats a fact the data holds, so a
corrected data file corrects the exercise. An answer left as ``...`` (or ``None``) gets a
"not answered yet" note, never an error, so "Run all" always goes through a student notebook.

Each exercise class knows only its question, its expected answer and the explanations
particular to it. The rest is shared:

- ``_exercise_scoring``: reading an answer and the one scorer of set-valued answers;
- ``_exercise_feedback``: the :class:`Feedback` a check returns, as text and HTML;
- ``_exercise_widget``: the question as text and HTML, and the ipywidgets controls;
- ``_strings_exercises``: every sentence, in English and French (``t(key)``).

:data:`REGISTRY` lists the exercises, one line each; they are built once per pinned
version of the data they are built from.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import pandas as pd

from ._data import data_key, load
from ._dates import to_date
from ._errors import UnknownIdError
from ._exercise_base import (
    Exercise,
    SetExercise,
    _count,
    _end,
    _enum,
    _in_sentence,
    _name,
    _status_words,
    _treaty_label,
)
from ._exercise_feedback import Feedback, FeedbackLine
from ._exercise_grid import ClauseKinds, TreatyGrid
from ._exercise_scoring import (
    did_you_mean,
    is_unanswered,
    score_set,
    wrong_shape,
)
from ._members import (
    country_code,
    country_name,
    members_at,
    membership_changes,
    status_at,
    status_meanings,
    treaty_ids,
    treaty_row,
)
from ._operations import contributions_table, operation_row
from ._sources import short_label, split_ids
from ._text import Code, get_language, localized, t

# ---------------------------------------------------------------------------
# The exercises of the course
# ---------------------------------------------------------------------------


def _rendering(english: str) -> str:
    return f" ({english})" if get_language() == "en" else ""


class OldestTreaty(Exercise):
    """Which collective-defence treaty of the kit was signed first (cstokit.treaty_ids()).

    The UN Charter is held for its Article 51 only: it is not one of the alliances asked about.
    """

    strings = "oldest"

    def options(self):
        return [(_treaty_label(i), i) for i in treaty_ids()]

    def evaluate(self, answer) -> Feedback:
        value = self._resolve(answer)
        if value is None:
            return Feedback(
                self.exercise_id,
                "wrong",
                self._t("not_a_treaty"),
                [self._unknown_line(answer)],
            )
        signed = load("treaties").set_index("treaty_id").loc[treaty_ids(), "signed"].map(to_date)
        row = treaty_row(value)
        line = self._t(
            "signed",
            name=_name(value),
            date=row["signed"],
            place=str(row["signed_place"]).rstrip("."),
        )
        if signed[value] == signed.min():
            return Feedback(
                self.exercise_id,
                "correct",
                self._t("correct", treaty=_treaty_label(value)),
                [FeedbackLine("ok", line, [row["source_id"]])],
            )
        return Feedback(
            self.exercise_id,
            "wrong",
            self._t("wrong", n=int((signed < signed[value]).sum())),
            [
                FeedbackLine("wrong", line, [row["source_id"]]),
                FeedbackLine("hint", self._t("hint")),
            ],
        )


class MembersAt(SetExercise):
    """Which states were parties to a treaty on a date (members_at)."""

    strings = "members"
    about = ("treaty_id", "date")
    treaty_id: str
    date: str

    @property
    def title(self) -> str:
        return self._t("title", treaty=_in_sentence(self.treaty_id), date=self.date)

    def question(self) -> str:
        return self._t("question", treaty=_in_sentence(self.treaty_id), date=self.date)

    def options(self):
        tied = membership_changes(self.treaty_id).drop_duplicates("iso3")
        return sorted(((country_name(i), i) for i in tied["iso3"]), key=lambda p: p[0])

    def read(self, item: object):
        # Any country is readable: one with no tie to the treaty is explained, not refused.
        return country_code(item)

    def answer_key(self):
        expected = list(members_at(self.treaty_id, self.date)["iso3"])
        return expected, status_at(self.treaty_id, self.date).set_index("iso3")

    def explain_right(self, code, by_iso) -> FeedbackLine:
        row = by_iso.loc[code]
        return FeedbackLine(
            "ok",
            self._t(
                "party",
                name=country_name(code),
                status=_status_words(row["status"]),
                since=row["since"],
                event=t(f"event.{row['event']}"),
                event_date=row["event_date"],
            ),
            [row["source_id"]],
        )

    def explain_extra(self, code, by_iso) -> FeedbackLine:
        name = country_name(code)
        if code in by_iso.index:
            row = by_iso.loc[code]
            # The data's notes are the kit's English summaries of sources (see the table).
            english = get_language() == "en"
            note = (
                self._t("data_note", note=_end(row["note"]))
                if pd.notna(row["note"]) and english
                else ""
            )
            return FeedbackLine(
                "wrong",
                self._t(
                    "not_party",
                    name=name,
                    date=self.date,
                    meaning=_end(status_meanings()[row["status"]]),
                    status=_status_words(row["status"]),
                    since=row["since"],
                    event=t(f"event.{row['event']}"),
                    event_date=row["event_date"],
                    note=note,
                ),
                [row["source_id"]],
            )
        changes = membership_changes(self.treaty_id)
        later = changes[changes["iso3"] == code]
        if len(later):
            first = later.iloc[0]
            return FeedbackLine(
                "wrong",
                self._t(
                    "not_yet",
                    name=name,
                    date=self.date,
                    event=t(f"event.{first['event']}"),
                    event_date=first["date"],
                ),
                [first["source_id"]],
            )
        # A present-day state drawn in place of a historic one (Russia for the Soviet Union).
        tied = set(changes["iso3"])
        meant = [
            f"{country_name(row.iso3)} ({row.iso3})"
            for row in load("historic_states").itertuples()
            if row.iso3 in tied and code in str(row.drawn_as).split(";")
        ]
        hint = self._t("successor", meant=t("exercise.or").join(meant), name=name) if meant else ""
        return FeedbackLine("wrong", self._t("no_tie", name=name, hint=hint))

    def explain_missing(self, missing, _facts) -> list[FeedbackLine]:
        # Counted, not named: the map is where to look.
        if not missing:
            return []
        text = self._t(
            "missing", n=len(missing), date=self.date, iso=Code(self.date), treaty_id=self.treaty_id
        )
        return [FeedbackLine("missing", text)]

    def summary_values(self, score):
        return dict(date=self.date)


class ContributionGap(Exercise):
    """Which country's troop figure do the sources disagree on most (contributions_chart)."""

    strings = "gap"
    about = ("operation_id",)
    operation_id: str

    def question(self) -> str:
        return self._t("question", operation=localized(operation_row(self.operation_id), "name"))

    def _figures(self) -> pd.DataFrame:
        table = contributions_table(self.operation_id)
        return table[table["iso3"] != "ALL"]

    def _gaps(self) -> pd.DataFrame:
        rows = []
        figures = self._figures().dropna(subset=["personnel"])
        for iso3, part in figures.groupby("iso3", sort=True):
            low = part.loc[part["personnel"].astype(int).idxmin()]
            high = part.loc[part["personnel"].astype(int).idxmax()]
            gap = int(high["personnel"]) - int(low["personnel"])
            rows.append(dict(iso3=iso3, n_figures=len(part), gap=gap, low=low, high=high))
        return pd.DataFrame(rows).set_index("iso3")

    def options(self):
        codes = sorted(set(self._figures()["iso3"]))
        return sorted(((country_name(c), c) for c in codes), key=lambda p: p[0])

    def _explain(self, code: str, gaps: pd.DataFrame, mark: str) -> FeedbackLine:
        name = country_name(code)
        if code not in gaps.index:
            return FeedbackLine(mark, self._t("no_figure", name=name))
        row = gaps.loc[code]
        low, high = row["low"], row["high"]
        if row["n_figures"] == 1:
            qualifier = t(f"qualifier.{low['qualifier']}") if pd.notna(low["qualifier"]) else ""
            text = self._t("single", name=name, value=_count(low["personnel"]), qualifier=qualifier)
            return FeedbackLine(mark, text, [low["source_id"]])
        sources = [low["source_id"], high["source_id"]]
        if row["gap"] == 0:
            text = self._t("agree", name=name, n=row["n_figures"], value=_count(low["personnel"]))
            return FeedbackLine(mark, text, sources)
        notes = [
            f"{_count(r['personnel'])}: {r['note']}" for r in (low, high) if pd.notna(r["note"])
        ]
        text = self._t(
            "range",
            name=name,
            low=_count(low["personnel"]),
            low_source=short_label(low["source_id"]),
            high=_count(high["personnel"]),
            high_source=short_label(high["source_id"]),
            gap=_count(row["gap"]),
            counts=self._t("counts", notes=" | ".join(notes)) if notes else "",
        )
        return FeedbackLine(mark, text, sources)

    def evaluate(self, answer) -> Feedback:
        text = str(answer).strip().lower()
        totals = {"all", "total"} | {t("contrib.total", lang).lower() for lang in ("en", "fr")}
        if text in totals:
            hint = FeedbackLine("hint", self._t("total_hint"))
            return Feedback(self.exercise_id, "wrong", self._t("total"), [hint])
        value = self._resolve(answer)
        if value is None:
            code = country_code(text)
            summary = (
                self._t("not_contributor", name=country_name(code))
                if code
                else self._t("not_in_chart")
            )
            return Feedback(self.exercise_id, "wrong", summary, [self._unknown_line(answer)])
        gaps = self._gaps()
        largest = gaps.index[gaps["gap"] == gaps["gap"].max()]  # ties: each is right
        if value in largest:
            lines = [self._explain(value, gaps, "ok"), FeedbackLine("info", self._t("caution"))]
            summary = self._t("correct", name=country_name(value))
            return Feedback(self.exercise_id, "correct", summary, lines)
        lines = [self._explain(value, gaps, "wrong"), FeedbackLine("hint", self._t("hint"))]
        return Feedback(self.exercise_id, "wrong", self._t("wrong"), lines)


class FactCheck(Exercise):
    """The claims of a press article, quoted exactly, judged on what was known on its day.

    An answer gives each claim a verdict (holds, misleading, wrong, cannot-check) and a sentence
    saying why: ``{"kaz-fc-01": ("misleading", "because …")}``; a bare verdict is read too, with
    a reminder to justify it. What was learned later is shown apart, never held against the claim.
    """

    shape = "per-item"
    strings = "factcheck"
    about = ("treaty_id", "date", "operation_id")
    treaty_id: str
    date: str
    operation_id: str

    @property
    def answer_example(self) -> str:
        # The example shows the shape only: a real verdict would give an answer away.
        verdicts = " | ".join(f'"{v}"' for v in _enum("factcheck", "verdict"))
        first = self.items()[0][0]
        return self._t(
            "example", example=f'{{"{first}": ({verdicts}, "{t("exercise.factcheck.why")}"), ...}}'
        )

    def items(self):
        table = load("factcheck")
        return [
            # The French edition quotes the article alone (it is French already).
            (r.claim_id, self._t("item", quote=r.quote_fr, rendering=_rendering(r.quote_en)))
            for r in table.itertuples()
        ]

    def options(self):
        return [(self._t(f"verdict.{v}"), v) for v in _enum("factcheck", "verdict")]

    def _split(self, given) -> tuple[object, str]:
        """(verdict, justification) from a verdict, a (verdict, why) pair or a dict."""
        if isinstance(given, Mapping):
            return given.get("verdict"), str(given.get("why") or "").strip()
        if isinstance(given, (tuple, list)) and len(given) == 2:
            return given[0], str(given[1] or "").strip()
        return given, ""

    def evaluate(self, answer) -> Feedback:
        if not isinstance(answer, Mapping):
            return wrong_shape(self.exercise_id, answer, self.answer_example)
        table = load("factcheck").set_index("claim_id")
        lines = [self._unknown_claim(key, table.index) for key in answer if key not in table.index]
        unreadable = len(lines)
        answered, done = [], 0
        for n, (claim_id, row) in enumerate(table.iterrows(), 1):
            given, why = self._split(answer.get(claim_id))
            label = self._t("claim", n=n, claim=claim_id)
            if is_unanswered(given):
                lines.append(FeedbackLine("info", self._t("open", label=label)))
                continue
            done += 1
            verdict = self._resolve(given)
            kit = self._t(f"verdict.{row['verdict']}")
            reason = localized(row, "justification")
            if verdict is None:
                unreadable += 1
                verdicts = " | ".join(v for _, v in self.options())
                lines.append(self._unknown_line(given, verdicts))
                continue
            mark = "ok" if verdict == row["verdict"] else "wrong"
            name = "right" if mark == "ok" else "differs"
            text = self._t(
                name,
                label=label,
                given=self._t(f"verdict.{verdict}"),
                verdict=kit,
                why=reason,
                day=row["judged_as_of"],
            )
            lines.append(FeedbackLine(mark, text, [row["source_id"]]))
            if not why:
                lines.append(FeedbackLine("hint", self._t("justify", label=label)))
            if isinstance(row["later_en"], str) and row["later_en"]:
                later = self._t("later", day=row["judged_as_of"], text=localized(row, "later"))
                lines.append(FeedbackLine("info", later, [row["later_source_id"]]))
            answered.append((claim_id, verdict))
        if done == 0:
            summary = self._t("none_yet", how=self.how_to_answer())
            return Feedback(self.exercise_id, "unanswered", summary, lines[:unreadable])
        expected = list(zip(table.index, table["verdict"], strict=True))
        score = score_set(expected, answered, unreadable=unreadable)
        values = dict(right=len(score.right), total=len(table), open=len(table) - done)
        summary = self._t("summary_open" if done < len(table) else "summary", **values)
        quoted = split_ids(table["quoted_from"].iloc[0])
        lines.append(FeedbackLine("info", self._t("quoted"), quoted))
        return Feedback(self.exercise_id, score.status, summary, lines)

    def _unknown_claim(self, key: object, claim_ids: pd.Index) -> FeedbackLine:
        hint = did_you_mean(key, claim_ids)
        text = self._t("unknown_claim", given=repr(key), hint=hint, ids=", ".join(claim_ids))
        return FeedbackLine("wrong", text)


class InvokedAfter(SetExercise):
    """Which treaties' clauses were invoked in a window of time (load("invocations"))."""

    strings = "invoked"
    # ``event`` is a key of the string table: the event, worded in each language.
    about = ("start", "end", "event")
    start: str
    end: str
    event: str

    @property
    def title(self) -> str:
        return self._t("title", about=self._t(self.event))

    def question(self) -> str:
        return self._t("question", about=self._t(self.event), start=self.start, end=self.end)

    def options(self):
        return [(_treaty_label(i), i) for i in sorted(load("treaties")["treaty_id"])]

    def answer_key(self):
        table = load("invocations").dropna(subset=["date"])
        table = table.assign(_d=table["date"].map(to_date))
        start, end = to_date(self.start), to_date(self.end)
        records = table[(table["_d"] >= start) & (table["_d"] <= end)].sort_values("_d")
        return list(dict.fromkeys(records["treaty_id"])), records

    def explain_right(self, treaty_id, records) -> FeedbackLine:
        mine = records[records["treaty_id"] == treaty_id]
        # Quote the first record that says what happened, and date the earliest one.
        told = mine.dropna(subset=["outcome"])
        first = told.iloc[0] if len(told) else mine.iloc[0]
        what = first["outcome"] if pd.notna(first["outcome"]) else first["note"]
        text = self._t(
            "record",
            treaty=_treaty_label(treaty_id),
            n=len(mine),
            first=mine.iloc[0]["date"],
            date=first["date"],
            article=self._t("article", article=first["article"])
            if pd.notna(first["article"])
            else "",
            what=_end(what),
        )
        return FeedbackLine("ok", text, [mine.iloc[0]["source_id"], first["source_id"]])

    def explain_extra(self, treaty_id, _records) -> FeedbackLine:
        row = treaty_row(treaty_id)
        label = _treaty_label(treaty_id)
        start = to_date(self.start)
        if pd.notna(row["ended"]) and to_date(row["ended"]) < start:
            return FeedbackLine(
                "wrong", self._t("ended", treaty=label, ended=row["ended"]), [row["source_id"]]
            )
        if pd.notna(row["in_force"]) and to_date(row["in_force"]) > start:
            text = self._t("not_in_force", treaty=label, in_force=row["in_force"])
            return FeedbackLine("wrong", text, [row["source_id"]])
        return FeedbackLine("wrong", self._t("none", treaty=label, start=self.start, end=self.end))

    def explain_missing(self, missing, _records) -> list[FeedbackLine]:
        # Counted, not named: the chart is where to look.
        return [FeedbackLine("missing", self._t("missing", n=len(missing)))] if missing else []


# ---------------------------------------------------------------------------
# The registry: one line per exercise, in course order
# ---------------------------------------------------------------------------

# (exercise id, class, what it is about), in course order.
# fmt: off
REGISTRY: list[tuple[str, type[Exercise], dict]] = [
    ("oldest_treaty", OldestTreaty, dict(notebook="00_start_here")),
    ("cst_members_2022", MembersAt, dict(treaty_id="cst", date="2022-01-06", notebook="01_kazakhstan_2022")),
    ("kaz_contributions_gap", ContributionGap, dict(operation_id="csto_kaz_2022", notebook="01_kazakhstan_2022")),
    ("kaz_factcheck", FactCheck, dict(treaty_id="cst", date="2022-01-06", operation_id="csto_kaz_2022", notebook="01_kazakhstan_2022")),
    ("treaty_grid", TreatyGrid, dict(treaties="nato cst anzus teu", notebook="02_reading_the_treaties")),
    ("treaty_grid_more", TreatyGrid, dict(treaties="rio seato", notebook="02_reading_the_treaties")),
    ("clause_kinds", ClauseKinds, dict(clauses="nato:4 cst:1 nato:6 rio:6 teu:50 anzus:III un_charter:51 seato:IV(2)", notebook="02_reading_the_treaties")),
    ("warsaw_members_1970", MembersAt, dict(treaty_id="warsaw_pact", date="1970-12-31", notebook="03_members_through_time")),
    ("invoked_after_9_11", InvokedAfter, dict(start="2001-09-11", end="2001-12-31", event="event.9_11", notebook="04_invoking_the_clauses")),
]
# fmt: on

# What building the exercises reads (their ids are checked against it): the cache key.
_BUILT_FROM = ("treaties", "operations")


@functools.lru_cache(maxsize=2)
def _built(_key: tuple) -> dict[str, Exercise]:
    return {exercise_id: kind(exercise_id, **about) for exercise_id, kind, about in REGISTRY}


def _exercises() -> dict[str, Exercise]:
    """Every exercise by id, built once per pinned version of the data they are built from."""
    return _built(data_key(*_BUILT_FROM))


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def exercise_ids() -> list[str]:
    """The ids of every exercise of the course, in course order.

    Returns
    -------
    list of str
        E.g. ``["oldest_treaty", "cst_members_2022", ..., "code_cst_4", ...]``.
    """
    return [exercise_id for exercise_id, _, _ in REGISTRY]


def _get(exercise_id: str) -> Exercise:
    exercises = _exercises()
    if exercise_id not in exercises:
        raise UnknownIdError("exercise", exercise_id, exercises)
    return exercises[exercise_id]


def exercise(exercise_id: str) -> Exercise:
    """An exercise: its question, with controls and a "Check" button in a notebook.

    Parameters
    ----------
    exercise_id : str
        One of :func:`exercise_ids`, e.g. ``"cst_members_2022"``.

    Returns
    -------
    Exercise
        In a notebook, shows the question and an ipywidgets control (dropdown or
        checkboxes) whose "Check" button calls :func:`check`. ``print()`` gives the
        question as text; ``.widget()`` returns the controls alone.

    Raises
    ------
    UnknownIdError
        For an id that is not an exercise (the message lists the valid ids).
    """
    return _get(exercise_id)


def check(exercise_id: str, answer=...) -> Feedback:
    """Check an answer and explain why it is right or not, citing the kit's sources.

    The right answer is worked out from data/ when you call this, never stored.
    An answer left as ``...`` or ``None`` gets a "not answered yet" note and no
    error, so "Run all" never stops at an exercise.

    Parameters
    ----------
    exercise_id : str
        One of :func:`exercise_ids`, e.g. ``"cst_members_2022"``.
    answer : object
        What the exercise asks for: a treaty id, a list of ISO-3 codes or
        country names, a list of obligations, or a dict of verdicts per claim
        (``print(cstokit.exercise(exercise_id))`` says which).

    Returns
    -------
    Feedback
        Shows as HTML in a notebook and as text in Python; ``.correct`` is True,
        False, or None when not answered; ``.sources()`` lists the references.

    Raises
    ------
    UnknownIdError
        For an id that is not an exercise (the message lists the valid ids).

    Examples
    --------
    >>> check("cst_members_2022", ...).answered
    False
    """
    return _get(exercise_id).check(answer)
