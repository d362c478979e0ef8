"""Exercises that give feedback, as plain function calls and as widgets.

Every right answer is derived from data/ at the moment an answer is checked
(``members_at``, ``load("factcheck")``, ``load("provisions")``...): nothing here
repeats a fact the data holds, so a corrected data file corrects the exercise.
An answer left as ``...`` (or ``None``) gets a "not answered yet" note, never an
error, so "Run all" always goes through a student notebook.

Three shapes of exercise share one check and one widget builder:

- ``one``: pick one choice (a dropdown);
- ``many``: pick every choice that applies (checkboxes);
- ``per-item``: one verdict per item, e.g. per claim of an article (a dropdown each).
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Iterable

import pandas as pd

from ._data import load, resource
from ._dates import to_date
from ._errors import UnknownIdError
from ._members import country_name, members_at, membership_changes, status_at, treaty_row
from ._operations import contributions_table, operation_row
from ._sources import cite, split_ids

# ---------------------------------------------------------------------------
# Feedback
# ---------------------------------------------------------------------------

STATUS_TEXT = {
    "correct": "Correct",
    "partly": "Partly right",
    "wrong": "Not yet right",
    "unanswered": "Not answered yet",
}
# Okabe-Ito colours; the symbol and the words carry the meaning too.
STATUS_COLOUR = {
    "correct": "#009E73",
    "partly": "#E69F00",
    "wrong": "#D55E00",
    "unanswered": "#56B4E9",
}
MARKS = {"ok": "\u2713", "wrong": "\u2717", "missing": "\u2717", "hint": "?", "info": "\u00b7"}


class FeedbackLine:
    """One line of feedback: a mark (ok, wrong, missing, hint, info), a sentence, its sources."""

    __slots__ = ("mark", "text", "source_ids")

    def __init__(self, mark: str, text: str, source_ids: Iterable[str] = ()):
        self.mark = mark
        self.text = text
        self.source_ids = tuple(i for s in source_ids if s for i in split_ids(s))


class Feedback:
    """What :func:`check` returns: right or not, why, and the sources behind the why.

    Shows as HTML in a notebook and as plain text in Python (``print(feedback)``).

    Attributes
    ----------
    exercise_id : str
    status : {"correct", "partly", "wrong", "unanswered"}
    summary : str
        One sentence.
    lines : list of FeedbackLine
        One per item of the answer: what was right or wrong, and why.
    """

    def __init__(
        self,
        exercise_id: str,
        status: str,
        summary: str,
        lines: Iterable[FeedbackLine] = (),
    ):
        self.exercise_id = exercise_id
        self.status = status
        self.summary = summary
        self.lines = list(lines)

    @property
    def correct(self) -> bool | None:
        """True when fully right, False when not (yet), None when not answered."""
        return None if self.status == "unanswered" else self.status == "correct"

    @property
    def answered(self) -> bool:
        """False only for an answer left as ``...`` or ``None``."""
        return self.status != "unanswered"

    def source_ids(self) -> list[str]:
        """Every source the explanation draws on, each once, in order of use."""
        return list(dict.fromkeys(i for line in self.lines for i in line.source_ids))

    def sources(self):
        """References of those sources (see :func:`cstokit.cite`)."""
        return cite(self.source_ids())

    def __str__(self) -> str:
        out = [f"{STATUS_TEXT[self.status]} ({self.exercise_id}): {self.summary}"]
        numbers = {sid: n for n, sid in enumerate(self.source_ids(), 1)}
        for line in self.lines:
            refs = "".join(f" [{numbers[i]}]" for i in dict.fromkeys(line.source_ids))
            out.append(f"  {MARKS[line.mark]} {line.text}{refs}")
        refs = self.sources()
        if refs:
            out.append("Sources:")
            out.extend(f"  [{n}] {ref}" for n, ref in enumerate(refs, 1))
        return "\n".join(out)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        colour = STATUS_COLOUR[self.status]
        numbers = {sid: n for n, sid in enumerate(self.source_ids(), 1)}
        items = ""
        for line in self.lines:
            refs = "".join(f"<sup>[{numbers[i]}]</sup>" for i in dict.fromkeys(line.source_ids))
            items += (
                f"<li><span aria-hidden='true'>{MARKS[line.mark]}</span> "
                f"{html.escape(line.text)}{refs}</li>"
            )
        refs = self.sources()
        sources = (
            "<small>Sources:<ol style='margin:2px 0'>"
            + "".join(f"<li>{html.escape(r)}</li>" for r in refs)
            + "</ol></small>"
            if refs
            else ""
        )
        return (
            f"<div class='cstokit-feedback cstokit-{self.status}' style='border-left:6px solid "
            f"{colour};padding:4px 10px;margin:6px 0;overflow-wrap:anywhere'>"
            f"<strong>{STATUS_TEXT[self.status]}</strong> "
            f"<code>{html.escape(self.exercise_id)}</code>: {html.escape(self.summary)}"
            + (
                f"<ul style='list-style:none;padding-left:0.6em;margin:4px 0'>{items}</ul>"
                if items
                else ""
            )
            + sources
            + "</div>"
        )


def _is_unanswered(value: object) -> bool:
    """``...``, ``None`` or blank text. An empty list is an answer ("none of them")."""
    if value is ... or value is None:
        return True
    return isinstance(value, str) and not value.strip()


# ---------------------------------------------------------------------------
# Small helpers shared by the exercises
# ---------------------------------------------------------------------------


def _fmt(n) -> str:
    return f"{int(n):,}"


def _end(text: object) -> str:
    """A sentence from the data with exactly one full stop at its end."""
    return str(text).rstrip().rstrip(".") + "."


def _source_short(source_id: str) -> str:
    """'Publisher, date' of the first source of a cell (for inline mentions)."""
    sources = load("sources").set_index("source_id")
    first = split_ids(source_id)[0]
    row = sources.loc[first]
    date = f", {row['date']}" if pd.notna(row["date"]) else ""
    return f"{row['publisher']}{date}"


def _treaty_label(treaty_id: str) -> str:
    """E.g. 'nato: The North Atlantic Treaty (NATO)'."""
    row = treaty_row(treaty_id)
    return f"{treaty_id}: {row['name_en']} ({row['organisation']})"


def _the(treaty_id: str) -> str:
    """The treaty's name after a preposition: 'the Rio Treaty...', 'The North Atlantic Treaty'."""
    name = str(treaty_row(treaty_id)["name_en"])
    return name if name.startswith("The ") else "the " + name


def _official_references(treaty_id: str) -> list[str]:
    """References of a treaty's official sources (all its sources if none is official)."""
    sources = load("sources").set_index("source_id")
    ids = split_ids(treaty_row(treaty_id)["source_id"])
    official = [i for i in ids if i in sources.index and sources.loc[i, "kind"] == "official"]
    return list(cite(official or ids))


def _country_lookup() -> dict[str, str]:
    """Lower-case ISO-3 codes and English names -> ISO-3 code."""
    lookup: dict[str, str] = {}
    countries = load("countries")
    historic = load("historic_states")
    for iso3, name in list(zip(countries["iso3"], countries["name_en"], strict=True)) + list(
        zip(historic["iso3"], historic["name_en"], strict=True)
    ):
        lookup[str(iso3).lower()] = iso3
        lookup[str(name).lower()] = iso3
    return lookup


def _split_text(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", value) if part.strip()]


def _enum(resource_name: str, field: str) -> list[str]:
    """The allowed values of a column, as the data catalogue lists them."""
    for spec in resource(resource_name)["schema"]["fields"]:
        if spec["name"] == field:
            return list(spec.get("constraints", {}).get("enum", []))
    raise KeyError(field)  # pragma: no cover - the catalogue defines these fields


# ---------------------------------------------------------------------------
# Exercises
# ---------------------------------------------------------------------------


class Exercise:
    """One exercise: its question, its choices, and how an answer is checked.

    Shows in a notebook as the question and a control with a "Check" button;
    ``str()`` gives the question as text. ``.check(answer)`` is :func:`check`.
    """

    shape = "one"  # "one", "many" or "per-item"
    title = ""
    notebook = ""
    answer_example = ""

    def __init__(self, exercise_id: str):
        self.exercise_id = exercise_id

    # -- what subclasses define -------------------------------------------------
    def question(self) -> str:
        raise NotImplementedError

    def options(self) -> list[tuple[str, str]]:
        """(label, value) pairs the widget offers."""
        raise NotImplementedError

    def evaluate(self, answer) -> Feedback:
        raise NotImplementedError

    # -- shared behaviour ---------------------------------------------------------
    def items(self) -> list[tuple[str, str]]:
        """For per-item exercises: (item id, item text)."""
        return []

    def how_to_answer(self) -> str:
        return (
            f'In code: cstokit.check("{self.exercise_id}", answer), where answer is '
            f"{self.answer_example}."
        )

    def check(self, answer=...) -> Feedback:
        """Check an answer (see :func:`check`)."""
        if _is_unanswered(answer):
            return Feedback(
                self.exercise_id,
                "unanswered",
                f"replace ... with your answer ({self.answer_example}) and run the cell "
                "again, or use the controls of cstokit.exercise.",
            )
        return self.evaluate(answer)

    def __str__(self) -> str:
        out = [f"Exercise {self.exercise_id}: {self.title}", "", self.question()]
        for n, (item_id, text) in enumerate(self.items(), 1):
            out.append(f"  {n}. [{item_id}] {text}")
        labels = [label for label, _ in self.options()]
        if labels and self.shape != "per-item":
            out.append("Choices: " + "; ".join(labels))
        elif labels:
            out.append("Verdicts: " + ", ".join(labels))
        out.append(self.how_to_answer())
        return "\n".join(out)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        items = "".join(
            f"<li><code>{html.escape(i)}</code> {html.escape(text)}</li>"
            for i, text in self.items()
        )
        return (
            "<div class='cstokit-exercise' style='border:1px solid #0072B2;border-radius:4px;"
            "padding:6px 10px;margin:6px 0'>"
            f"<strong>Exercise <code>{html.escape(self.exercise_id)}</code>: "
            f"{html.escape(self.title)}</strong>"
            f"<p style='margin:4px 0'>{html.escape(self.question())}</p>"
            + (f"<ol>{items}</ol>" if items else "")
            + f"<small>{html.escape(self.how_to_answer())}</small></div>"
        )

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        # The question as HTML survives a saved notebook; the controls need a live kernel.
        display(HTML(self._repr_html_()))
        display(self.widget())

    # -- normalising answers ------------------------------------------------------
    def _lookup(self) -> dict[str, str]:
        table = {}
        for label, value in self.options():
            table[str(value).lower()] = value
            table[str(label).lower()] = value
        return table

    def _resolve(self, text: object) -> str | None:
        return self._lookup().get(str(text).strip().lower())

    def _unknown_line(self, text: object) -> FeedbackLine:
        known = [label for label, _ in self.options()]
        close = difflib.get_close_matches(str(text), known, n=1, cutoff=0.5)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        return FeedbackLine(
            "wrong", f"{text!r} is not one of the choices.{hint} Choices: {'; '.join(known)}."
        )

    # -- the widget -----------------------------------------------------------------
    def widget(self):
        """The control for live use: choices, a "Check" button and the feedback below it."""
        import ipywidgets as w

        status = w.HTML(value="")
        button = w.Button(description="Check", button_style="primary", icon="check")
        if self.shape == "one":
            control = w.Dropdown(
                options=[("(choose)", None)] + self.options(),
                value=None,
                description="Answer:",
                layout=w.Layout(width="max-content"),
            )
            controls = {"answer": control}
            body = [control]
        elif self.shape == "many":
            controls = {
                value: w.Checkbox(
                    value=False, description=label, indent=False, layout=w.Layout(width="auto")
                )
                for label, value in self.options()
            }
            # Short labels (countries, obligations) in three columns; long ones (treaty names)
            # one per line, so no label is cut.
            columns = 3 if max(len(label) for label, _ in self.options()) <= 24 else 1
            body = [
                w.GridBox(
                    list(controls.values()),
                    layout=w.Layout(
                        grid_template_columns=f"repeat({columns}, max-content)",
                        grid_gap="0 16px",
                    ),
                )
            ]
        else:
            controls = {}
            body = []
            for n, (item_id, text) in enumerate(self.items(), 1):
                drop = w.Dropdown(
                    options=[("(choose)", None)] + self.options(),
                    value=None,
                    layout=w.Layout(width="10em"),
                )
                controls[item_id] = drop
                body.append(
                    w.HBox(
                        [drop, w.HTML(f"{n}. {html.escape(text)}")],
                        layout=w.Layout(align_items="center"),
                    )
                )
        box = ExerciseBox(body + [button, status])
        box.exercise_id = self.exercise_id
        box.controls = controls
        box.status_html = status
        box.button = button

        def read_answer():
            if self.shape == "one":
                return controls["answer"].value
            if self.shape == "many":
                picked = [value for value, cb in controls.items() if cb.value]
                # Ticking nothing is an answer too ("none of them"), once the button is pressed.
                return picked
            return {item: drop.value for item, drop in controls.items()}

        def on_click(_button):
            try:
                feedback = self.check(read_answer())
            except Exception as exc:  # noqa: BLE001 - shown to the student, never a traceback
                feedback = Feedback(
                    self.exercise_id, "wrong", f"could not check this answer: {exc}"
                )
            box.feedback = feedback
            status.value = feedback._repr_html_()

        box.read_answer = read_answer
        button.on_click(on_click)
        return box


_BOX_CLASS = None


def ExerciseBox(children):  # noqa: N802 - reads like the widget class it builds
    """A VBox of exercise controls that reads as one short line where widgets cannot be drawn
    (a saved notebook reopened, an HTML export): ipywidgets would print its whole repr.
    """
    global _BOX_CLASS
    if _BOX_CLASS is None:
        import ipywidgets as w

        class _ExerciseBox(w.VBox):
            feedback: Feedback | None = None
            exercise_id = ""

            def __repr__(self) -> str:
                return f"[exercise {self.exercise_id}: run the cell to use its controls]"

        _BOX_CLASS = _ExerciseBox
    return _BOX_CLASS(children)


# ---------------------------------------------------------------------------
# The exercises of the course
# ---------------------------------------------------------------------------


class OldestTreaty(Exercise):
    shape = "one"
    title = "Which treaty of the kit is the oldest?"
    notebook = "00_start_here"
    answer_example = 'a treaty id from cstokit.treaty_ids(), e.g. "nato"'

    def question(self) -> str:
        return (
            'Look at the table of treaties (cstokit.load("treaties")): which treaty in the kit '
            "was signed first?"
        )

    def options(self):
        return [(_treaty_label(t), t) for t in sorted(load("treaties")["treaty_id"])]

    def evaluate(self, answer) -> Feedback:
        value = self._resolve(answer)
        if value is None:
            return Feedback(
                self.exercise_id,
                "wrong",
                "that is not a treaty of the kit.",
                [self._unknown_line(answer)],
            )
        treaties = load("treaties").copy()
        treaties["_signed"] = treaties["signed"].map(to_date)
        first = treaties["_signed"].min()
        row = treaties.set_index("treaty_id").loc[value]
        signed = _end(f"{row['name_en']} was signed on {row['signed']} in {row['signed_place']}")
        if row["_signed"] == first:
            return Feedback(
                self.exercise_id,
                "correct",
                f"{_treaty_label(value)} is the oldest treaty in the kit.",
                [FeedbackLine("ok", signed, [row["source_id"]])],
            )
        later = int((treaties["_signed"] < row["_signed"]).sum())
        return Feedback(
            self.exercise_id,
            "wrong",
            f"{later} treaty(ies) in the kit were signed earlier.",
            [
                FeedbackLine("wrong", signed, [row["source_id"]]),
                FeedbackLine(
                    "hint", "Sort the table by the 'signed' column: .sort_values(\"signed\")."
                ),
            ],
        )


class MembersAt(Exercise):
    """Which states were parties to a treaty on a date (members_at)."""

    shape = "many"
    answer_example = 'a list of ISO-3 codes or English names, e.g. ["USA", "Canada"]'

    def __init__(self, exercise_id: str, treaty_id: str, date: str, notebook: str):
        super().__init__(exercise_id)
        self.treaty_id, self.date, self.notebook = treaty_id, date, notebook
        self.title = f"Parties to {_the(treaty_id)} on {date}"

    def question(self) -> str:
        return (
            f"Which states were parties to {_the(self.treaty_id)} on "
            f"{self.date}? Tick every one (the choices are all states the kit records with any "
            "tie to the treaty)."
        )

    def options(self):
        tied = membership_changes(self.treaty_id).drop_duplicates("iso3")
        return sorted(((country_name(i), i) for i in tied["iso3"]), key=lambda p: p[0])

    def _parse(self, answer) -> tuple[list[str], list[FeedbackLine]]:
        raw = _split_text(answer) if isinstance(answer, str) else list(answer)
        lookup = _country_lookup()
        chosen, problems = [], []
        for item in raw:
            code = lookup.get(str(item).strip().lower())
            if code is None:
                close = difflib.get_close_matches(
                    str(item), [n for n, _ in self.options()], n=1, cutoff=0.5
                )
                hint = f" Did you mean {close[0]!r}?" if close else ""
                problems.append(
                    FeedbackLine(
                        "wrong",
                        f"{item!r} is not a country the kit knows.{hint} Use ISO-3 codes (e.g. USA) or English names.",
                    )
                )
            elif code not in chosen:
                chosen.append(code)
        return chosen, problems

    def evaluate(self, answer) -> Feedback:
        if not isinstance(answer, str | list | tuple | set):
            return Feedback(
                self.exercise_id,
                "wrong",
                f"expected {self.answer_example}, got {type(answer).__name__}.",
            )
        chosen, problems = self._parse(answer)
        expected = list(members_at(self.treaty_id, self.date)["iso3"])
        by_iso = status_at(self.treaty_id, self.date).set_index("iso3")
        right = [c for c in chosen if c in expected]
        extra = [c for c in chosen if c not in expected]
        missing = [c for c in expected if c not in chosen]
        lines = list(problems)
        for code in right:
            row = by_iso.loc[code]
            lines.append(
                FeedbackLine(
                    "ok",
                    f"{row['name_en']}: {row['status']} since {row['since']} (last event before "
                    f"that date: {row['event']}, {row['event_date']}).",
                    [row["source_id"]],
                )
            )
        lines += [self._why_not(code, by_iso) for code in extra]
        if missing:
            lines.append(
                FeedbackLine(
                    "missing",
                    f"{len(missing)} more state(s) were parties on {self.date}. Look at the map: "
                    f'cstokit.member_map("{self.treaty_id}", "{self.date}").',
                )
            )
        if not extra and not missing and not problems:
            status, summary = "correct", f"all {len(expected)} parties, and no other state."
        elif right:
            status = "partly"
            summary = f"{len(right)} of {len(expected)} parties" + (
                f", and {len(extra)} state(s) that were not parties." if extra else " so far."
            )
        else:
            status = "wrong"
            summary = f"none of the {len(expected)} parties on {self.date} in this answer yet."
        return Feedback(self.exercise_id, status, summary, lines)

    def _why_not(self, code: str, by_iso: pd.DataFrame) -> FeedbackLine:
        name = country_name(code)
        if code in by_iso.index:
            row = by_iso.loc[code]
            note = f" Note in the data: {_end(row['note'])}" if pd.notna(row["note"]) else ""
            return FeedbackLine(
                "wrong",
                f"{name} was not a party on {self.date}: status {row['status']} since "
                f"{row['since']} ({row['event']}, {row['event_date']}).{note}",
                [row["source_id"]],
            )
        later = membership_changes(self.treaty_id)
        later = later[later["iso3"] == code]
        if len(later):
            first = later.iloc[0]
            return FeedbackLine(
                "wrong",
                f"{name} had no tie to the treaty yet on {self.date}: its first recorded event is "
                f"{first['event']} on {first['date']}.",
                [first["source_id"]],
            )
        # A present-day state drawn in place of a historic one (Russia for the Soviet Union).
        tied = set(membership_changes(self.treaty_id)["iso3"])
        historic = load("historic_states")
        meant = [
            f"{row.name_en} ({row.iso3})"
            for row in historic.itertuples()
            if row.iso3 in tied and code in str(row.drawn_as).split(";")
        ]
        hint = (
            f" Did you mean {' or '.join(meant)}? The maps draw it on today's borders of its "
            f"successor states, {name} among them."
            if meant
            else ""
        )
        return FeedbackLine("wrong", f"{name}: the kit records no tie to this treaty at all.{hint}")


class ContributionGap(Exercise):
    """Which country's troop figure do the sources disagree on most (contributions_chart)."""

    shape = "one"
    notebook = "01_kazakhstan_2022"
    answer_example = 'a country\'s ISO-3 code or English name, e.g. "KGZ"'

    def __init__(self, exercise_id: str, operation_id: str):
        super().__init__(exercise_id)
        self.operation_id = operation_id
        self.title = "Reading the contributions chart: where do sources disagree most?"

    def question(self) -> str:
        name = operation_row(self.operation_id)["name_en"]
        return (
            f"In the contributions chart of the {name}, which contributing country's personnel "
            "figure do the sources disagree on most (the largest gap between the highest and the "
            "lowest figure given for that country)? The stated totals do not count: they are not "
            "one country's figure."
        )

    def _gaps(self) -> pd.DataFrame:
        table = contributions_table(self.operation_id)
        table = table[(table["iso3"] != "ALL")].dropna(subset=["personnel"])
        rows = []
        for iso3, part in table.groupby("iso3", sort=True):
            low = part.loc[part["personnel"].astype(int).idxmin()]
            high = part.loc[part["personnel"].astype(int).idxmax()]
            rows.append(
                dict(
                    iso3=iso3,
                    n_figures=len(part),
                    n_sources=part["source_id"].nunique(),
                    gap=int(high["personnel"]) - int(low["personnel"]),
                    low=low,
                    high=high,
                )
            )
        return pd.DataFrame(rows).set_index("iso3")

    def options(self):
        table = contributions_table(self.operation_id)
        codes = sorted(set(table["iso3"]) - {"ALL"})
        return sorted(((country_name(c), c) for c in codes), key=lambda p: p[0])

    def _explain(self, code: str, gaps: pd.DataFrame, mark: str) -> FeedbackLine:
        name = country_name(code)
        if code not in gaps.index:
            return FeedbackLine(
                mark, f"{name}: the sources give no personnel figure at all, only other details."
            )
        row = gaps.loc[code]
        low, high = row["low"], row["high"]
        if row["n_figures"] == 1:
            return FeedbackLine(
                mark,
                f"{name}: only one source gives a figure ({_fmt(low['personnel'])}, "
                f"{low['qualifier']}), so there is nothing to disagree about in the kit's data.",
                [low["source_id"]],
            )
        if row["gap"] == 0:
            return FeedbackLine(
                mark,
                f"{name}: all {row['n_figures']} figures agree ({_fmt(low['personnel'])}).",
                [low["source_id"], high["source_id"]],
            )
        notes = [f"{_fmt(r['personnel'])}: {r['note']}" for r in (low, high) if pd.notna(r["note"])]
        return FeedbackLine(
            mark,
            f"{name}: from {_fmt(low['personnel'])} ({_source_short(low['source_id'])}) to "
            f"{_fmt(high['personnel'])} ({_source_short(high['source_id'])}), a gap of "
            f"{_fmt(row['gap'])}."
            + (" What the sources say they count: " + " | ".join(notes) if notes else ""),
            [low["source_id"], high["source_id"]],
        )

    def evaluate(self, answer) -> Feedback:
        text = str(answer).strip().lower()
        if text in {"all", "total", "total (as stated)"}:
            return Feedback(
                self.exercise_id,
                "wrong",
                "the stated totals are not one country's figure; pick a country.",
                [FeedbackLine("hint", "Compare the marks on each country's row of the chart.")],
            )
        value = self._resolve(answer)
        if value is None:
            code = _country_lookup().get(text)
            if code is None:
                return Feedback(
                    self.exercise_id,
                    "wrong",
                    "that is not one of the countries in the chart.",
                    [self._unknown_line(answer)],
                )
            return Feedback(
                self.exercise_id,
                "wrong",
                f"{country_name(code)} did not contribute to this operation in the kit's data.",
                [self._unknown_line(answer)],
            )
        gaps = self._gaps()
        largest = gaps["gap"].max()
        winners = list(gaps.index[gaps["gap"] == largest])
        if value in winners:
            lines = [self._explain(value, gaps, "ok")]
            lines.append(
                FeedbackLine(
                    "info",
                    "A gap is not always a contradiction: check the date and what each source "
                    "counts (planned force, first echelon, deployed troops).",
                )
            )
            return Feedback(
                self.exercise_id,
                "correct",
                f"the sources disagree most about {country_name(value)}.",
                lines,
            )
        return Feedback(
            self.exercise_id,
            "wrong",
            "another country's figures are further apart.",
            [
                self._explain(value, gaps, "wrong"),
                FeedbackLine(
                    "hint",
                    "For each country, subtract the lowest figure from the highest: the chart's "
                    "caption and fig.table() give them.",
                ),
            ],
        )


class FactCheck(Exercise):
    """Holds, wrong or disputed: the claims of a press article against the kit's sources."""

    shape = "per-item"
    notebook = "01_kazakhstan_2022"
    title = "Fact-check: claims of a January 2022 press article about the CSTO"

    def __init__(self, exercise_id: str):
        super().__init__(exercise_id)
        # The example shows the shape only: a real verdict would give an answer away.
        verdicts = " | ".join(f'"{v}"' for v in _enum("factcheck", "verdict"))
        self.answer_example = (
            f'a dict of claim id -> verdict, e.g. {{"{self.items()[0][0]}": {verdicts}, ...}}'
        )

    def question(self) -> str:
        return (
            "A French-language press article of January 2022 made these claims (paraphrased; the "
            "kit could not retrieve the article itself). Check each against the kit's data and "
            "texts: does it hold, is it wrong, or is it disputed (only partly right, or sources "
            "disagree)?"
        )

    def items(self):
        table = load("factcheck")
        return list(zip(table["claim_id"], table["claim_en"], strict=True))

    def options(self):
        return [(v, v) for v in _enum("factcheck", "verdict")]

    def evaluate(self, answer) -> Feedback:
        if not isinstance(answer, dict):
            return Feedback(self.exercise_id, "wrong", f"expected {self.answer_example}.")
        table = load("factcheck").set_index("claim_id")
        lines, right, done = [], 0, 0
        for key in answer:
            if key not in table.index:
                close = difflib.get_close_matches(str(key), list(table.index), n=1, cutoff=0.5)
                hint = f" Did you mean {close[0]!r}?" if close else ""
                lines.append(
                    FeedbackLine(
                        "wrong",
                        f"{key!r} is not a claim id.{hint} Claim ids: {', '.join(table.index)}.",
                    )
                )
        for n, (claim_id, row) in enumerate(table.iterrows(), 1):
            given = answer.get(claim_id, None)
            why = str(row["explanation_en"])
            label = f"Claim {n} ({row['claim_en']})"
            if _is_unanswered(given):
                lines.append(FeedbackLine("info", f"{label}: not answered yet."))
                continue
            done += 1
            verdict = self._resolve(given)
            if verdict is None:
                lines.append(self._unknown_line(given))
            elif verdict == row["verdict"]:
                right += 1
                lines.append(FeedbackLine("ok", f"{label}: {verdict}. {why}", [row["source_id"]]))
            else:
                lines.append(
                    FeedbackLine(
                        "wrong",
                        f"{label}: you said {verdict}; the kit's sources say {row['verdict']}. {why}",
                        [row["source_id"]],
                    )
                )
            lines.extend(self._evidence(claim_id, row))
        total = len(table)
        if done == 0:
            return Feedback(
                self.exercise_id,
                "unanswered",
                "no claim has a verdict yet. " + self.how_to_answer(),
                [line for line in lines if line.mark == "wrong"],
            )
        if right == total:
            status = "correct"
        elif right:
            status = "partly"
        else:
            status = "wrong"
        summary = f"{right} of {total} claims judged as the kit's sources do" + (
            f"; {total - done} not answered yet." if done < total else "."
        )
        return Feedback(self.exercise_id, status, summary, lines)

    def _evidence(self, claim_id: str, row: pd.Series) -> list[FeedbackLine]:
        """Extra lines computed from the kit's other tables, where a claim touches them.

        Keyed on words of the claim, not on its id, so a reworded claim still finds its evidence.
        """
        text = str(row["claim_en"]).lower()
        lines: list[FeedbackLine] = []
        if "member states" in text:
            parties = status_at("cst", "2022-01-06")
            parties = parties[parties["status"].isin(["member", "frozen"])]
            lines.append(
                FeedbackLine(
                    "info",
                    f'In the kit: cstokit.members_at("cst", "2022-01-06") lists {len(parties)} '
                    f"parties: {', '.join(parties['name_en'])}.",
                    parties["source_id"],
                )
            )
        if "founded" in text:
            treaties = load("treaties").set_index("treaty_id")
            for tid in ("cst", "csto_charter"):
                if tid in treaties.index:
                    t = treaties.loc[tid]
                    lines.append(
                        FeedbackLine(
                            "info",
                            f"In the kit: the {t['name_en']} was signed on {t['signed']} in "
                            f"{t['signed_place']} (in force {t['in_force']}).",
                            [t["source_id"]],
                        )
                    )
        if "2,600" in text or "2600" in text:
            table = load("contributions")
            totals = table[(table["operation_id"] == "csto_kaz_2022") & (table["iso3"] == "ALL")]
            totals = totals.dropna(subset=["personnel"])
            if len(totals):
                values = sorted({int(v) for v in totals["personnel"]})
                lines.append(
                    FeedbackLine(
                        "info",
                        "In the kit: totals stated by sources for this operation: "
                        + ", ".join(_fmt(v) for v in values)
                        + ' (see cstokit.contributions_chart("csto_kaz_2022")).',
                    )
                )
        return lines


class ClauseCoding(Exercise):
    """Which obligations (defense, consultation...) a treaty article creates, against load("provisions")."""

    shape = "many"
    notebook = "02_reading_the_treaties"
    answer_example = 'a list of obligations, e.g. ["consultation"], or [] for none'
    # Plain-language meanings of the obligation types (in the sense of the ATOP
    # project's codebook): what a student needs to code a clause.
    MEANINGS = {
        "defense": "help a partner that is attacked, with military means if needed",
        "offense": "join a partner in military action even when no partner has been attacked",
        "neutrality": "stay out of (not help the other side in) a war a partner is fighting",
        "non-aggression": "not use force against the other parties",
        "consultation": "talk with the partners when a crisis or threat arises",
    }

    def __init__(self, exercise_id: str, treaty_id: str, article: str):
        super().__init__(exercise_id)
        self.treaty_id, self.article = treaty_id, article
        name = str(treaty_row(treaty_id)["name_en"])
        if f"Article {article}" not in name:
            name = f"{name}, Article {article}"
        self.title = f"Code the obligations of {name}"

    def _text_hint(self) -> str:
        texts = load("articles")
        texts = texts[(texts["treaty_id"] == self.treaty_id) & (texts["article"] == self.article)]
        if len(texts):
            langs = ", ".join(f'"{lang}"' for lang in dict.fromkeys(texts["language"]))
            return (
                f'Read it with cstokit.article("{self.treaty_id}", "{self.article}", language=...) '
                f"(the kit holds it in: {langs})."
            )
        everywhere = " | ".join(_official_references(self.treaty_id))
        parts = load("articles")
        parts = parts[
            (parts["treaty_id"] == self.treaty_id)
            & parts["article"].str.startswith(f"{self.article}(")
        ]
        if len(parts):
            labels = ", ".join(f'"{a}"' for a in dict.fromkeys(parts["article"]))
            return (
                f"The kit holds only part of this article ({labels}): read it with "
                f'cstokit.article("{self.treaty_id}", {labels.split(", ")[0]}), and the whole '
                f"article where the treaty is published: {everywhere}"
            )
        return (
            "The kit holds no text of this article: read it where the treaty is published: "
            + everywhere
        )

    def question(self) -> str:
        meanings = "; ".join(
            f"{k}: {v}" for k, v in self.MEANINGS.items() if k in self._vocabulary()
        )
        return (
            f"Which obligations does Article {self.article} of {_the(self.treaty_id)} create for "
            f"the parties? Tick all that apply. {self._text_hint()} Meanings: {meanings}."
        )

    def _vocabulary(self) -> list[str]:
        return _enum("provisions", "obligation")

    def options(self):
        return [(o, o) for o in self._vocabulary()]

    def evaluate(self, answer) -> Feedback:
        raw = _split_text(answer) if isinstance(answer, str) else answer
        if not isinstance(raw, list | tuple | set):
            return Feedback(self.exercise_id, "wrong", f"expected {self.answer_example}.")
        lines, chosen = [], []
        for item in raw:
            value = self._resolve(item)
            if value is None:
                lines.append(self._unknown_line(item))
            elif value not in chosen:
                chosen.append(value)
        provisions = load("provisions")
        treaty = provisions[provisions["treaty_id"] == self.treaty_id]
        here = treaty[treaty["article"] == self.article].set_index("obligation")
        expected = list(here.index)
        for ob in chosen:
            if ob in here.index:
                lines.append(
                    FeedbackLine(
                        "ok",
                        f"{ob}: the kit codes it too. {here.loc[ob, 'note']}",
                        [here.loc[ob, "source_id"]],
                    )
                )
            else:
                elsewhere = treaty[treaty["obligation"] == ob]
                where = (
                    f" The kit codes {ob} for this treaty in Article {elsewhere.iloc[0]['article']} instead: "
                    f"{elsewhere.iloc[0]['note']}"
                    if len(elsewhere)
                    else ""
                )
                lines.append(
                    FeedbackLine(
                        "wrong",
                        f"{ob}: the kit does not code this obligation for Article {self.article}.{where}",
                        elsewhere["source_id"].head(1),
                    )
                )
        for ob in expected:
            if ob not in chosen:
                lines.append(
                    FeedbackLine(
                        "missing",
                        f"{ob}: the kit codes this obligation here and you did not. {here.loc[ob, 'note']}",
                        [here.loc[ob, "source_id"]],
                    )
                )
        lines.append(
            FeedbackLine(
                "info",
                "Coding a clause is a reading, not arithmetic: where you differ from the kit, argue "
                "from the words of the text.",
            )
        )
        right = [o for o in chosen if o in expected]
        wrong_or_missing = len(chosen) - len(right) + len(expected) - len(right)
        bad_input = any(
            line.mark == "wrong" and "not one of the choices" in line.text for line in lines
        )
        if wrong_or_missing == 0 and not bad_input:
            status, summary = (
                "correct",
                "your coding matches the kit's: " + (", ".join(expected) or "no obligation") + ".",
            )
        elif right:
            status, summary = (
                "partly",
                f"{len(right)} of {len(expected)} obligation(s) match the kit's coding; "
                f"{len(chosen) - len(right)} you ticked and the kit does not code here.",
            )
        else:
            status, summary = "wrong", "your coding differs from the kit's."
        return Feedback(self.exercise_id, status, summary, lines)


class InvokedAfter(Exercise):
    """Which treaties' clauses were invoked in a window of time (load("invocations"))."""

    shape = "many"
    notebook = "04_invoking_the_clauses"
    answer_example = 'a list of treaty ids from cstokit.treaty_ids(), e.g. ["seato"]'

    def __init__(self, exercise_id: str, start: str, end: str, about: str):
        super().__init__(exercise_id)
        self.start, self.end, self.about = start, end, about
        self.title = f"Which clauses were invoked after {about}?"

    def question(self) -> str:
        return (
            f"After {self.about}, the parties of some treaties invoked a collective-defence or "
            f"consultation clause between {self.start} and {self.end}. Which treaties? Tick all "
            "that apply."
        )

    def options(self):
        return [(_treaty_label(t), t) for t in sorted(load("treaties")["treaty_id"])]

    def _records(self) -> pd.DataFrame:
        table = load("invocations").dropna(subset=["date"]).copy()
        table["_d"] = table["date"].map(to_date)
        start, end = to_date(self.start), to_date(self.end)
        return table[(table["_d"] >= start) & (table["_d"] <= end)].sort_values("_d")

    def evaluate(self, answer) -> Feedback:
        raw = _split_text(answer) if isinstance(answer, str) else answer
        if not isinstance(raw, list | tuple | set):
            return Feedback(self.exercise_id, "wrong", f"expected {self.answer_example}.")
        lines, chosen = [], []
        for item in raw:
            value = self._resolve(item)
            if value is None:
                lines.append(self._unknown_line(item))
            elif value not in chosen:
                chosen.append(value)
        records = self._records()
        expected = list(dict.fromkeys(records["treaty_id"]))
        for tid in chosen:
            if tid in expected:
                mine = records[records["treaty_id"] == tid]
                # Quote the first record that says what happened, and date the earliest one.
                told = mine.dropna(subset=["outcome"])
                first = told.iloc[0] if len(told) else mine.iloc[0]
                art = f" Art. {first['article']}" if pd.notna(first["article"]) else ""
                what = first["outcome"] if pd.notna(first["outcome"]) else first["note"]
                lines.append(
                    FeedbackLine(
                        "ok",
                        f"{_treaty_label(tid)}: {len(mine)} record(s) from {mine.iloc[0]['date']}; "
                        f"{first['date']}{art}: {_end(what)}",
                        [mine.iloc[0]["source_id"], first["source_id"]],
                    )
                )
            else:
                lines.append(self._why_not(tid))
        missing = [t for t in expected if t not in chosen]
        if missing:
            lines.append(
                FeedbackLine(
                    "missing",
                    f"{len(missing)} more treaty(ies) have invocations recorded in that window. Look "
                    "at cstokit.invocations_chart() around that date.",
                )
            )
        right = [t for t in chosen if t in expected]
        if (
            right
            and len(right) == len(chosen) == len(expected)
            and not any(line.mark == "wrong" for line in lines)
        ):
            status, summary = (
                "correct",
                f"all {len(expected)} treaties whose clauses were invoked then.",
            )
        elif right:
            status, summary = "partly", f"{len(right)} of {len(expected)} right."
        else:
            status, summary = "wrong", "none of the treaties invoked in that window yet."
        return Feedback(self.exercise_id, status, summary, lines)

    def _why_not(self, tid: str) -> FeedbackLine:
        row = treaty_row(tid)
        start = to_date(self.start)
        if pd.notna(row["ended"]) and to_date(row["ended"]) < start:
            return FeedbackLine(
                "wrong",
                f"{_treaty_label(tid)}: it had ended on {row['ended']}.",
                [row["source_id"]],
            )
        if pd.notna(row["in_force"]) and to_date(row["in_force"]) > start:
            return FeedbackLine(
                "wrong",
                f"{_treaty_label(tid)}: not yet in force (in force from {row['in_force']}).",
                [row["source_id"]],
            )
        return FeedbackLine(
            "wrong",
            f"{_treaty_label(tid)}: the kit records no invocation between {self.start} and {self.end}.",
        )


def _clause_id(treaty_id: str, article: str) -> str:
    return "code_" + re.sub(r"[^a-z0-9]+", "_", f"{treaty_id}_{article}".lower()).strip("_")


def _registry() -> dict[str, Exercise]:
    """Every exercise of the course, by id, in course order."""
    exercises: list[Exercise] = [
        OldestTreaty("oldest_treaty"),
        MembersAt("cst_members_2022", "cst", "2022-01-06", "01_kazakhstan_2022"),
        ContributionGap("kaz_contributions_gap", "csto_kaz_2022"),
        FactCheck("kaz_factcheck"),
    ]
    provisions = load("provisions")
    for treaty_id, article in dict.fromkeys(
        zip(provisions["treaty_id"], provisions["article"], strict=True)
    ):
        exercises.append(ClauseCoding(_clause_id(treaty_id, article), treaty_id, article))
    exercises += [
        MembersAt("warsaw_members_1970", "warsaw_pact", "1970-12-31", "03_members_through_time"),
        InvokedAfter(
            "invoked_after_9_11", "2001-09-11", "2001-12-31", "the attacks of 11 September 2001"
        ),
    ]
    return {ex.exercise_id: ex for ex in exercises}


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
    return list(_registry())


def _get(exercise_id: str) -> Exercise:
    registry = _registry()
    if exercise_id not in registry:
        raise UnknownIdError("exercise", exercise_id, registry)
    return registry[exercise_id]


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
