"""cstokit: helpers for a teaching kit on collective security treaties.

Everything a notebook calls is named here; other modules are private.

Data
    load, datasets, cite, treaty_ids
Cases (one row per invocation of a clause, with its evidence)
    cases, case_records
Treaties and members
    article (the wording in force on a date), article_history, compare_wordings,
    articles, members_at, membership_changes, statuses
Figures (plotly; each has ``.table()`` and ``.sources()``)
    member_map, membership_animation, deployment_map, contributions_chart,
    timeline, invocations_chart, save_html
Exercises (feedback in the notebook; see notebooks/)
    exercise, check, exercise_ids
Language of figures
    set_language
"""

__version__ = "0.1.0"

from ._cases import case_records, cases
from ._charts import contributions_chart, invocations_chart, timeline
from ._data import datasets, load
from ._errors import (
    CstokitError,
    DataIntegrityError,
    DateFormatError,
    NoDataError,
    UnknownIdError,
)
from ._exercises import check, exercise, exercise_ids
from ._figures import KitFigure, save_html
from ._maps import deployment_map, member_map, membership_animation
from ._members import members_at, membership_changes, statuses, treaty_ids
from ._sources import cite
from ._text import set_language
from ._treaties import article, article_history, articles, compare_wordings

__all__ = [
    "CstokitError",
    "DataIntegrityError",
    "DateFormatError",
    "KitFigure",
    "NoDataError",
    "UnknownIdError",
    "article",
    "article_history",
    "articles",
    "case_records",
    "cases",
    "check",
    "cite",
    "compare_wordings",
    "contributions_chart",
    "datasets",
    "deployment_map",
    "exercise",
    "exercise_ids",
    "invocations_chart",
    "load",
    "member_map",
    "members_at",
    "membership_animation",
    "membership_changes",
    "save_html",
    "set_language",
    "statuses",
    "timeline",
    "treaty_ids",
]


def _jupyter_server_extension_points():
    # Jupyter loads cstokit._server: the route that serves map outlines offline.
    return [{"module": "cstokit._server"}]
