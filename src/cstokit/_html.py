"""HTML the kit writes itself: Jinja2 templates in templates/, always autoescaped."""

from __future__ import annotations

import functools

import jinja2


@functools.lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("cstokit", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render(template: str, **context: object) -> str:
    """Render one of the kit's templates (e.g. ``"article.html.j2"``) with ``context``."""
    return _environment().get_template(template).render(**context)
