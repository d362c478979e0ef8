"""Reading and scoring answers: the one scorer every set-valued exercise grades with.

- :func:`read_set` turns what a student typed (a list, or a string of items separated
  by commas) into choice values, with a line for every item it could not read; an
  answer of another shape is reported, never raised.
- :func:`score_set` compares the answered set with the expected one: which items are
  right, extra and missing, and the status (see :data:`STATUS_RULE`).

The exercises decide what a value means and how to explain it; nothing here knows a
treaty, a country or an obligation.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from ._exercise_feedback import Feedback, FeedbackLine
from ._text import t

STATUS_RULE = (
    "correct: every expected item and nothing else, every item readable; "
    "partly: at least one expected item; wrong: none; unanswered: no answer at all"
)
# Above this many choices an unreadable item is answered with the expected shape, not a list.
LISTED_CHOICES = 12


def is_unanswered(value: object) -> bool:
    """``...``, ``None`` or blank text. An empty list is an answer ("none of them")."""
    if value is ... or value is None:
        return True
    return isinstance(value, str) and not value.strip()


@dataclass(frozen=True)
class SetScore:
    """How an answered set compares with the expected one.

    ``right`` and ``extra`` keep the order of the answer, ``missing`` that of the
    expected set; ``unreadable`` counts the items that could not be read.
    """

    status: str
    right: tuple = ()
    extra: tuple = ()
    missing: tuple = ()
    unreadable: int = 0
    expected: tuple = ()

    def counts(self) -> dict[str, int]:
        """``right``, ``extra``, ``missing``, ``expected``: the numbers a summary sentence uses."""
        return dict(
            right=len(self.right),
            extra=len(self.extra),
            missing=len(self.missing),
            expected=len(self.expected),
        )


def score_set(
    expected: Iterable[Hashable],
    answered: Iterable[Hashable] | None,
    unreadable: int = 0,
) -> SetScore:
    """Score an answered set against the expected one (rule: :data:`STATUS_RULE`).

    Parameters
    ----------
    expected : iterable
        The right answer, worked out from the data.
    answered : iterable or None
        The values read from the answer; None when there is no answer yet.
    unreadable : int
        How many items of the answer could not be read: an answer with any is never
        ``correct``.
    """
    wanted = tuple(dict.fromkeys(expected))
    if answered is None:
        return SetScore("unanswered", missing=wanted, expected=wanted)
    given = tuple(dict.fromkeys(answered))
    right = tuple(v for v in given if v in wanted)
    extra = tuple(v for v in given if v not in wanted)
    missing = tuple(v for v in wanted if v not in given)
    if not extra and not missing and not unreadable:
        status = "correct"
    elif right:
        status = "partly"
    else:
        status = "wrong"
    return SetScore(status, right, extra, missing, unreadable, wanted)


def did_you_mean(given: object, choices: Iterable[str]) -> str:
    """`` Did you mean 'Kazakhstan'?`` for the closest choice, or nothing when none is close."""
    close = difflib.get_close_matches(str(given), [str(c) for c in choices], n=1, cutoff=0.5)
    return t("exercise.did_you_mean", close=repr(close[0])) if close else ""


def unknown_line(given: object, choices: Sequence[str], example: str) -> FeedbackLine:
    """A line for an item that is none of the choices: the closest choice, and what is expected."""
    labels = [str(c) for c in choices]
    hint = did_you_mean(given, labels)
    if len(labels) <= LISTED_CHOICES:
        text = t(
            "exercise.unknown_choices", given=repr(given), hint=hint, choices="; ".join(labels)
        )
    else:
        text = t("exercise.unknown_shape", given=repr(given), hint=hint, example=example)
    return FeedbackLine("wrong", text)


def wrong_shape(exercise_id: str, answer: object, example: str) -> Feedback:
    """Feedback for an answer of the wrong shape (a number where a list is asked, ...)."""
    return Feedback(
        exercise_id,
        "wrong",
        t("exercise.wrong_shape", example=example, kind=type(answer).__name__),
    )


def split_text(value: str) -> list[str]:
    """``"RUS, Armenia; KAZ"`` -> ``["RUS", "Armenia", "KAZ"]`` (commas, semicolons, new lines)."""
    return [part.strip() for part in re.split(r"[,;\n]", value) if part.strip()]


@dataclass
class ReadSet:
    """A set-valued answer as read: its values (None when its shape is wrong) and the problems."""

    values: list | None
    problems: list[FeedbackLine] = field(default_factory=list)


def read_set(
    answer: object,
    resolve: Callable[[object], Hashable | None],
    choices: Sequence[str],
    example: str,
) -> ReadSet:
    """Read a set-valued answer: a list (tuple, set, Series...) or a comma-separated string.

    ``resolve`` turns one item into its value (None when it is none of the choices);
    every item it cannot read gets a line from :func:`unknown_line`. A mapping, a
    table or a single number has the wrong shape: ``values`` is then None.
    """
    if isinstance(answer, str):
        items: list = split_text(answer)
    elif isinstance(answer, Mapping | pd.DataFrame) or not isinstance(answer, Iterable):
        return ReadSet(None)
    else:
        items = list(answer)
    values, problems = [], []
    for item in items:
        value = resolve(item)
        if value is None:
            problems.append(unknown_line(item, choices, example))
        elif value not in values:
            values.append(value)
    return ReadSet(values, problems)
