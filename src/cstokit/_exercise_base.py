"""What every exercise of the course shares: the base classes and the wording helpers.

:class:`Exercise` knows how a question shows and how a missing answer is met ("not answered
yet", never an error); :class:`SetExercise` grades a set-valued answer with the one scorer.
The exercises themselves live in ``_exercises`` (lookups and sets) and ``_exercise_grid``
(the comparison grid and the press claims).
"""

from __future__ import annotations

from ._data import resource
from ._exercise_feedback import Feedback, FeedbackLine
from ._exercise_scoring import (
    SetScore,
    is_unanswered,
    read_set,
    score_set,
    unknown_line,
    wrong_shape,
)
from ._exercise_widget import exercise_widget, question_html, question_text
from ._members import treaty_row
from ._operations import operation_row
from ._text import get_language, localized, show_number, t

# ---------------------------------------------------------------------------
# Wording shared by the exercises
# ---------------------------------------------------------------------------


def _count(n) -> str:
    """A whole number with its thousands marked: 2,600 (English), 2 600 (French)."""
    return show_number(n)


def _status_words(status: str) -> str:
    """A status as a sentence says it: 'former member', 'membre'."""
    label = t(f"status.{status}")
    return label[:1].lower() + label[1:]


def _end(text: object) -> str:
    """A sentence from the data with exactly one full stop at its end."""
    return str(text).rstrip().rstrip(".") + "."


def _name(treaty_id: str) -> str:
    """The treaty's name in the figures' language (English where the data has no other)."""
    return localized(treaty_row(treaty_id), "name")


def _in_sentence(treaty_id: str) -> str:
    """The name after a preposition: 'the Rio Treaty...', 'The North Atlantic Treaty'.

    French sentences set the name apart (after a colon, in brackets), so it needs no article.
    """
    name = _name(treaty_id)
    if get_language() != "en" or name.startswith("The "):
        return name
    return "the " + name


def _treaty_label(treaty_id: str) -> str:
    """E.g. 'nato: The North Atlantic Treaty (NATO)'."""
    row = treaty_row(treaty_id)
    return t(
        "exercise.treaty_label",
        treaty_id=treaty_id,
        name=_name(treaty_id),
        organisation=localized(row, "organisation"),
    )


def _enum(resource_name: str, field: str) -> list[str]:
    """The allowed values of a column, as the data catalogue lists them."""
    for spec in resource(resource_name)["schema"]["fields"]:
        if spec["name"] == field:
            return list(spec.get("constraints", {}).get("enum", []))
    raise KeyError(field)  # pragma: no cover - the catalogue defines these fields


# ---------------------------------------------------------------------------
# What every exercise shares
# ---------------------------------------------------------------------------


class Exercise:
    """One exercise: its question, its choices, and how an answer is checked.

    Shows in a notebook as the question and a control with a "Check" button;
    ``str()`` gives the question as text. ``.check(answer)`` is :func:`check`.
    Its sentences are the ``exercise.<strings>.*`` keys of ``_strings_exercises``.
    """

    shape = "one"  # "one", "many" or "per-item"
    strings = ""
    # What the registry says the exercise is about, besides its notebook (e.g. treaty_id, date).
    about: tuple[str, ...] = ()

    def __init__(self, exercise_id: str, notebook: str, **about: str):
        if set(about) != set(self.about):
            raise TypeError(
                f"{type(self).__name__} ({exercise_id}) takes {', '.join(self.about) or 'nothing'}"
                f" besides notebook; the registry gives {', '.join(about) or 'nothing'}."
            )
        self.exercise_id = exercise_id
        self.notebook = notebook
        for name, value in about.items():
            setattr(self, name, value)
        # A typo in the registry fails here, with the valid ids.
        if "treaty_id" in about:
            treaty_row(about["treaty_id"])
        if "operation_id" in about:
            operation_row(about["operation_id"])

    # -- what subclasses define -------------------------------------------------
    def options(self) -> list[tuple[str, str]]:
        """(label, value) pairs the widget offers."""
        raise NotImplementedError

    def evaluate(self, answer) -> Feedback:
        """Feedback on an answer that is there (``check`` handles a missing one)."""
        raise NotImplementedError

    def items(self) -> list[tuple[str, str]]:
        """For per-item exercises: (item id, item text)."""
        return []

    # -- sentences, read in the language of the moment ---------------------------
    def _t(self, name: str, /, **values: object) -> str:
        return t(f"exercise.{self.strings}.{name}", **values)

    @property
    def title(self) -> str:
        return self._t("title")

    @property
    def answer_example(self) -> str:
        return self._t("example")

    def question(self) -> str:
        return self._t("question")

    def how_to_answer(self) -> str:
        return t(
            "exercise.how_to_answer", exercise_id=self.exercise_id, example=self.answer_example
        )

    # -- checking -------------------------------------------------------------------
    def check(self, answer=...) -> Feedback:
        """Check an answer (see :func:`check`)."""
        if is_unanswered(answer):
            return Feedback(
                self.exercise_id,
                "unanswered",
                t("exercise.unanswered", example=self.answer_example),
            )
        return self.evaluate(answer)

    def _resolve(self, text: object) -> str | None:
        """The choice a typed label or value stands for (any case), or None."""
        table = {}
        for label, value in self.options():
            table[str(value).lower()] = value
            table[str(label).lower()] = value
        return table.get(str(text).strip().lower())

    def _unknown_line(self, text: object, example: str | None = None) -> FeedbackLine:
        labels = [label for label, _ in self.options()]
        return unknown_line(text, labels, example or self.answer_example)

    # -- showing ------------------------------------------------------------------------
    def __str__(self) -> str:
        return question_text(self)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return question_html(self)

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        # The question as HTML survives a saved notebook; the controls need a live kernel.
        display(HTML(self._repr_html_()))
        display(self.widget())

    def widget(self):
        """The control for live use: choices, a "Check" button and the feedback below it."""
        return exercise_widget(self)


class SetExercise(Exercise):
    """An exercise whose answer is a set (tick all that apply), graded by ``score_set``.

    A subclass says what is expected and explains each item; reading the answer,
    scoring it and the summary sentence (``correct``, ``partly``, ``partly_extra``,
    ``wrong``) are shared.
    """

    shape = "many"

    def answer_key(self) -> tuple[list, object]:
        """The expected values, from the data, and the facts the explanations need."""
        raise NotImplementedError

    def explain_right(self, value, facts) -> FeedbackLine:
        raise NotImplementedError

    def explain_extra(self, value, facts) -> FeedbackLine:
        raise NotImplementedError

    def explain_missing(self, missing: tuple, facts) -> list[FeedbackLine]:
        raise NotImplementedError

    def closing(self) -> list[FeedbackLine]:
        """Lines shown after every answer (a caution, a method)."""
        return []

    def summary_values(self, score: SetScore) -> dict:
        """Values the summary sentence needs besides the counts."""
        return {}

    def read(self, item: object):
        """One item of the answer as a value (None when it is none of the choices)."""
        return self._resolve(item)

    def evaluate(self, answer) -> Feedback:
        labels = [label for label, _ in self.options()]
        given = read_set(answer, self.read, labels, self.answer_example)
        if given.values is None:
            return wrong_shape(self.exercise_id, answer, self.answer_example)
        expected, facts = self.answer_key()
        score = score_set(expected, given.values, unreadable=len(given.problems))
        lines = list(given.problems)
        for value in given.values:
            explain = self.explain_right if value in score.right else self.explain_extra
            lines.append(explain(value, facts))
        lines += self.explain_missing(score.missing, facts) + self.closing()
        name = "partly_extra" if score.status == "partly" and score.extra else score.status
        summary = self._t(name, **score.counts(), **self.summary_values(score))
        return Feedback(self.exercise_id, score.status, summary, lines)
