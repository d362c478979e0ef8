"""Reading dates: full ISO dates, and partial ones (YYYY-MM, YYYY) as the data keeps them."""

from __future__ import annotations

import datetime as dt
import re

from ._errors import DateFormatError

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_date(value: object, what: str = "date") -> tuple[dt.date, str]:
    """Return ``(date, precision)`` for an ISO date string, a partial one, or a date object.

    A partial date stands for the first day of the period it names; ``precision``
    ('day', 'month' or 'year') keeps that visible.
    """
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if hasattr(value, "to_pydatetime"):  # pandas.Timestamp
        return value.to_pydatetime().date(), "day"
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return dt.date(value, 1, 1), "year"
    text = str(value).strip() if isinstance(value, str) else None
    match = _ISO.match(text) if text else None
    if not match:
        raise DateFormatError(
            _t(
                "error.date",
                what=_what(what),
                value=repr(value),
                expected=_t("error.date_expected"),
            )
        )
    year, month, day = match.groups()
    try:
        parsed = dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise DateFormatError(
            _t(
                "error.date_missing",
                what=_what(what),
                value=repr(value),
                reason=exc,
                expected=_t("error.date_expected"),
            )
        ) from None
    precision = "day" if day else "month" if month else "year"
    return parsed, precision


def _t(key: str, **values) -> str:
    from ._text import t  # _text reads dates with this module: imported when an error is raised

    return t(key, **values)


def _what(what: str) -> str:
    words = {"date": "error.date_word", "date for at=": "error.at_word"}
    return _t(words[what]) if what in words else what.capitalize()


def to_date(value: object, what: str = "date") -> dt.date:
    """Like :func:`parse_date` but return only the date."""
    return parse_date(value, what)[0]
