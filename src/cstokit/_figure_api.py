"""What every figure function shares: keyword-only ``height=`` and ``language=``, and
one table of parameter descriptions, so ``treaty_id`` means the same in every docstring
(plotly.express documents its parameters once, in ``_doc.py``, the same way).
"""

from __future__ import annotations

import functools
import inspect

from ._errors import CstokitError
from ._text import LANGUAGES, get_language, set_language

PARAMETERS = {
    "treaty_id": (
        "str",
        'One of ``cstokit.treaty_ids()``, e.g. ``"cst"``, ``"nato"``, ``"warsaw_pact"``.',
    ),
    "treaty_ids": (
        "str or list of str",
        'One or several treaty ids, e.g. ``["nato", "warsaw_pact"]``: drawn side by side.',
    ),
    "operation_id": (
        "str",
        'An operation of ``cstokit.load("operations")``, e.g. ``"csto_kaz_2022"``.',
    ),
    "date": (
        "str or datetime.date",
        '``"YYYY-MM-DD"``, e.g. ``"2022-01-06"`` (``"YYYY-MM"`` or ``"YYYY"`` read as the first day).',
    ),
    "start, end": ("int", "First and last year; each frame shows the end of that year."),
    "step": ("int", "Years between frames (default 1)."),
    "region": (
        "str, optional",
        '``"world"``, ``"eurasia"``, ``"europe"``, ``"north_atlantic"``, ``"americas"`` or '
        '``"asia_pacific"``; by default a view fitted to the states the map shows.',
    ),
    "records": (
        "bool",
        "``False`` (default): the cases or key events a class reads; ``True``: every source's "
        "record behind them, one mark each (keyword only).",
    ),
    "height": (
        "int, optional",
        "Height in pixels (keyword only); by default one that reads on a projector.",
    ),
    "language": (
        "str, optional",
        f"Language of titles, legends and hover text (keyword only): {', '.join(LANGUAGES)}; "
        "by default the one chosen with ``cstokit.set_language``.",
    ),
}


def _parameter_block(names: list[str]) -> str:
    lines = []
    for name in names + ["height", "language"]:
        kind, text = PARAMETERS[name]
        lines += [f"{name} : {kind}", f"    {text}"]
    return "\n    ".join(lines)


def figure_function(*names: str):
    """Give a figure function ``height=`` and ``language=`` and its parameter docs from the table.

    ``names`` are the table entries of the function's own parameters, in order; the
    docstring's ``{parameters}`` line is replaced by their descriptions.
    """

    def wrap(build):
        @functools.wraps(build)
        def figure(*args, height: int | None = None, language: str | None = None, **kwargs):
            if height is not None and (not isinstance(height, int) or height < 200):
                raise CstokitError(
                    f"height={height!r}: give a whole number of pixels, 200 or more (for example 600)."
                )
            previous = get_language()
            if language is not None:
                set_language(language)  # says which languages are valid if this one is not
            try:
                fig = build(*args, **kwargs)
            finally:
                set_language(previous)
            if height is not None:
                fig.update_layout(height=height)
            return fig

        signature = inspect.signature(build)
        extra = [
            inspect.Parameter(
                "height", inspect.Parameter.KEYWORD_ONLY, default=None, annotation="int | None"
            ),
            inspect.Parameter(
                "language", inspect.Parameter.KEYWORD_ONLY, default=None, annotation="str | None"
            ),
        ]
        figure.__signature__ = signature.replace(
            parameters=[*signature.parameters.values(), *extra]
        )
        figure.__doc__ = (build.__doc__ or "").replace(
            "{parameters}", _parameter_block(list(names))
        )
        return figure

    return wrap
