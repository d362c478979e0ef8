"""What :func:`cstokit.check` returns, and how it shows: feedback lines, their sources, text and HTML.

A :class:`Feedback` holds sentences already worded (see ``_strings_exercises``); this module
only lays them out: a status in words and colour, a mark per line, numbered references.
The HTML comes from ``templates/feedback.html.j2`` (autoescaped).
"""

from __future__ import annotations

from collections.abc import Iterable

from ._html import render
from ._sources import Citations, cite, split_ids
from ._text import t

STATUSES = ("correct", "partly", "wrong", "unanswered")
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

    def __repr__(self) -> str:
        return f"FeedbackLine({self.mark!r}, {self.text!r})"


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
        if status not in STATUSES:
            raise ValueError(f"status {status!r}; valid: {', '.join(STATUSES)}")
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

    def sources(self) -> Citations:
        """References of those sources (see :func:`cstokit.cite`)."""
        return cite(self.source_ids())

    def _layout(self) -> dict:
        """What both renderings show: the status in words, each line with its reference numbers."""
        numbers = {sid: n for n, sid in enumerate(self.source_ids(), 1)}
        return dict(
            status=self.status,
            status_label=t(f"exercise.status.{self.status}"),
            colour=STATUS_COLOUR[self.status],
            colon=t("exercise.colon"),
            exercise_id=self.exercise_id,
            summary=self.summary,
            lines=[
                dict(
                    symbol=MARKS[line.mark],
                    text=line.text,
                    refs=[numbers[i] for i in dict.fromkeys(line.source_ids)],
                )
                for line in self.lines
            ],
            references=list(self.sources()),
            sources_label=t("exercise.sources"),
        )

    def __str__(self) -> str:
        view = self._layout()
        out = [f"{view['status_label']} ({self.exercise_id}){view['colon']}{self.summary}"]
        for line in view["lines"]:
            refs = "".join(f" [{n}]" for n in line["refs"])
            out.append(f"  {line['symbol']} {line['text']}{refs}")
        if view["references"]:
            out.append(view["sources_label"])
            out.extend(f"  [{n}] {ref}" for n, ref in enumerate(view["references"], 1))
        return "\n".join(out)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return render("feedback.html.j2", **self._layout())
