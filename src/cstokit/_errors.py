"""Errors the kit raises: each says what was wrong and what is valid."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class CstokitError(ValueError):
    """Base class of the kit's errors (a ValueError, so beginners' `except ValueError` works)."""


class UnknownIdError(CstokitError, KeyError):
    """An id (treaty, operation, resource, article...) that the data does not hold."""

    def __init__(self, kind: str, given: object, valid: Iterable[str], more: str = ""):
        self.kind, self.given = kind, given
        self.valid = sorted({str(v) for v in valid})
        close = difflib.get_close_matches(str(given).lower(), self.valid, n=1, cutoff=0.5)
        self.closest = close[0] if close else None
        from ._text import t

        word = id_kind(kind)
        hint = t("error.did_you_mean", close=repr(self.closest)) if self.closest else ""
        super().__init__(
            t("error.unknown", kind=word, given=repr(given), hint=hint, valid=", ".join(self.valid))
            + more
        )

    def __str__(self) -> str:  # KeyError would otherwise print the repr of the message
        return self.args[0]


class DateFormatError(CstokitError):
    """A date the kit cannot read."""


class DataIntegrityError(CstokitError):
    """A data file that is missing, damaged, or differs from its pinned hash."""


class NoDataError(CstokitError):
    """A valid request for which the data holds nothing to show (e.g. no contribution figures)."""


def id_kind(kind: str) -> str:
    """What an id names, in the kit's language ("treaty" -> "traité"); composite kinds as given."""
    from ._text import STRINGS, t

    return t(f"id.{kind}") if f"id.{kind}" in STRINGS else kind


def check_choice(kind: str, value: object, valid: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``valid``; otherwise raise UnknownIdError."""
    valid = list(valid)
    if value not in valid:
        raise UnknownIdError(kind, value, valid)
    return value  # type: ignore[return-value]
