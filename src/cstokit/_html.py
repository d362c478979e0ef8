"""HTML the kit writes itself: Jinja2 templates in templates/, always autoescaped.

A page is a template plus data. The only markup a template takes as it is (``|safe``) is
what plotly and plotly.js produce and the kit's own map-outline script; every other value
is escaped. Templates may call ``t(key)`` for the kit's strings (see ``_text.py``).
"""

from __future__ import annotations

import functools

import jinja2


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    from ._text import t

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cstokit", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["t"] = t
    return env


def render(template: str, **context: object) -> str:
    """Render one of the kit's templates (e.g. ``"article.html.j2"``) with ``context``."""
    return _environment().get_template(template).render(**context)


def render_macro(template: str, macro: str, /, **arguments: object) -> str:
    """Call one macro of a template, e.g. ``render_macro("scenes.html.j2", "notes", ...)``.

    For the pieces of a page that a widget shows one at a time (teacher mode's scenes).
    """
    return str(getattr(_environment().get_template(template).module, macro)(**arguments))
