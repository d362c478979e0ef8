"""Teacher mode's scenes: one full-screen view per step of the course, built from data/.

The same scenes are shown live by `cstokit present` (a Voila deck, `_dashboard.py`) and
as a static slideshow by `cstokit export` (`_export.py`); both use the one deck script
and style in the Voila template's static folder (scenes.js, scenes.css).

A scene is a figure, an HTML body, or both. A body may hold *frames* (one shown at a
time: a phase of the crisis, a claim of the press article) and *reveals* (a verdict, a
row of the grid, shown on the next key press), so a teacher can ask the class first.
A scene that cannot be built says why in its own frame; the other scenes still work.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from ._data import load
from ._errors import CstokitError, UnknownIdError
from ._html import render_macro
from ._text import STRINGS, get_language, localized, long_date, t

log = logging.getLogger("cstokit.scenes")

OPERATION = "csto_kaz_2022"
PARTIES_DATE = dt.date(2022, 1, 6)  # the day the CSTO's Collective Security Council decided
# Every year, so the years that matter (1955, 1991, 1999) each have their frame.
ANIMATION = (("nato", "warsaw_pact"), 1949, 2025, 1)
GRID_TREATIES = ("nato", "cst", "anzus", "teu")  # the in-class grid of lesson 02
GRID_EXTENSION = ("rio", "seato")  # its extension rows
# A grid row is named by its treaty (the Rio Treaty's parties are not the OAS's members).
GRID_NAMES = {"cst": "CST", "teu": "TEU", "rio": "Rio Treaty", "seato": "SEATO (Manila Pact)"}
# At 1280×720 the scene's header and its sources line take about 90 px, which leaves the
# 620 px the kit's maps are laid out for (their labels are placed for that frame). A
# figure's caption is therefore one click away, with its sources, not under it.
MAX_FIGURE_HEIGHT = 620


@dataclass(frozen=True)
class SceneSpec:
    """What a scene is: its key, the lesson it follows, and how to build it."""

    key: str
    lesson: str  # a course notebook's number: "01", "01b", ...
    build: Callable[..., Scene]
    controls: tuple[str, ...] = ()  # live controls in teacher mode: "treaty", "date", "language"

    @property
    def title(self) -> str:
        return t(f"scene.title.{self.key}")

    @property
    def lesson_title(self) -> str:
        return t(f"scene.lesson.{self.lesson}")


@dataclass
class Scene:
    """A built scene: a figure (a KitFigure) and/or an HTML body, and its sources line."""

    key: str
    figure: object | None = None
    body: str = ""
    notes: str = ""  # the caption and the compact sources line, the list one click away
    error: str | None = None
    source_ids: list[str] = field(default_factory=list)


def _notes(fig=None, *, caption: str = "", source_ids=()) -> str:
    """The sources line under a scene; a figure's caption goes with its sources, one click away."""
    from ._sources import cite_compact

    hidden = ""
    if fig is not None:
        refs = fig.sources()
        drawn = {a.text for a in fig.layout.annotations}
        hidden = fig.caption if fig.caption not in drawn else ""
    else:
        refs = cite_compact(list(source_ids))
    return render_macro(
        "scenes.html.j2",
        "notes",
        caption=caption,
        hidden_caption=hidden,
        lines=list(refs),
        summary=refs.summary,
    )


def _figure_scene(key: str, fig) -> Scene:
    if (fig.layout.height or 0) > MAX_FIGURE_HEIGHT:
        fig.update_layout(height=MAX_FIGURE_HEIGHT)
    table = fig.table()
    ids = list(table["source_id"].dropna()) if "source_id" in table else []
    return Scene(key, figure=fig, notes=_notes(fig), source_ids=ids)


# -- the builders, in course order ------------------------------------------------------------


def _timeline(**_) -> Scene:
    """The crisis by phase: one frame per phase, its key events in full sentences."""
    from ._charts import _events
    from ._data import enum_values
    from ._sources import short_label, split_ids

    events = _events(OPERATION)
    key = events[events["key"].fillna(False)]
    text_col = "text_fr" if get_language() == "fr" else "text_en"
    phases = [p for p in enum_values("events", "phase") if (key["phase"] == p).any()]
    frames = []
    for n, phase in enumerate(phases, 1):
        part = key[key["phase"] == phase]
        frames.append(
            dict(
                heading=t("scene.timeline.step", n=n, total=len(phases), phase=t(f"phase.{phase}")),
                phase=phase,
                events=[
                    dict(
                        date=long_date(r.date),
                        text=getattr(r, text_col),
                        source=short_label(r.best_source_id, kind=True),
                    )
                    for r in part.itertuples()
                ],
            )
        )
    strip = [(p, t(f"phase.{p}")) for p in phases]
    body = render_macro(
        "scenes.html.j2",
        "timeline",
        frames=frames,
        strip=strip,
        more=t("scene.timeline.more", op=OPERATION),
    )
    ids = [i for cell in key["best_source_id"] for i in split_ids(cell)]
    return Scene("timeline", body=body, notes=_notes(source_ids=ids), source_ids=ids)


def _parties(treaty: str = "cst", date: dt.date | str = PARTIES_DATE, **_) -> Scene:
    from ._maps import member_map

    return _figure_scene("parties", member_map(treaty, date))


def _article(language: str = "en", **_) -> Scene:
    """Article 4 in the wording in force on the day of the decision, beside the 1992 wording.

    ``language`` is the language shown (the 2010 wording is held only in the CSTO's English,
    the 1992 one in the authentic Russian and the kit's English); ``"all"`` gives one frame
    per language, for the static slideshow. Each column says whose text it is.
    """
    from ._sources import split_ids
    from ._treaties import article, languages_on

    original_day = dt.date(1994, 4, 20)  # the 1992 wording applied from the entry into force
    held_1992 = languages_on("cst", "4", original_day)
    wanted = held_1992 if language == "all" else [language]
    variants = []
    for lang in wanted:
        columns = []
        for heading, day in (
            (t("scene.article.in_force", date=long_date(PARTIES_DATE)), PARTIES_DATE),
            (t("scene.article.original"), original_day),
        ):
            held = languages_on("cst", "4", day)
            chosen = lang if lang in held else held[0]
            text = article("cst", "4", chosen, at=day)
            note = (
                None
                if chosen == lang
                else t(
                    "scene.article.none",
                    wanted=_language_name(lang),
                    shown=_language_name(chosen),
                )
            )
            whose = f"scene.article.{text.version}"
            if text.version == "original":
                whose = "scene.article.authentic"
            columns.append(
                dict(
                    heading=heading,
                    text=text,
                    note=note,
                    whose=t(whose) if whose in STRINGS else "",
                    partial=t("scene.article.partial"),
                )
            )
        both_english = all(c["text"].language == "en" for c in columns)
        variants.append(
            dict(columns=columns, note=t("scene.article.two_translators") if both_english else "")
        )
    body = render_macro("scenes.html.j2", "article_pair", variants=variants)
    ids = list(
        dict.fromkeys(
            i for v in variants for c in v["columns"] for i in split_ids(c["text"].source_id)
        )
    )
    return Scene("article", body=body, notes=_notes(source_ids=ids), source_ids=ids)


def _language_name(code: str) -> str:
    from babel import Locale

    return Locale.parse(code).get_display_name(get_language()) or code


def _contributions(**_) -> Scene:
    from ._charts import contributions_chart

    return _figure_scene("contributions", contributions_chart(OPERATION))


def _deployment(**_) -> Scene:
    from ._maps import deployment_map

    return _figure_scene("deployment", deployment_map(OPERATION))


def _factcheck(**_) -> Scene:
    """The seed article's claims, one frame each; the verdict is revealed on the next key."""
    from ._sources import source, split_ids

    claims = load("factcheck")
    frames = []
    ids: list[str] = []
    for n, row in enumerate(claims.itertuples(), 1):
        quoted = split_ids(row.quoted_from)
        first = source(quoted[0])
        verdict = t(f"exercise.factcheck.verdict.{row.verdict}")
        frames.append(
            dict(
                heading=t("scene.factcheck.claim", n=n, total=len(claims))
                + " · "
                + t(f"scene.factcheck.kind.{row.kind}"),
                quote_fr=row.quote_fr,
                # The English rendering is for English readers; French reads the quote itself.
                quote_en=row.quote_en if get_language() == "en" else "",
                quoted=t(
                    "scene.factcheck.from", site=first["publisher"], date=long_date(first["date"])
                ),
                verdict=row.verdict,
                verdict_line=t(
                    "scene.factcheck.verdict", date=long_date(row.judged_as_of), verdict=verdict
                ),
                why=localized(row._asdict(), "justification"),
                later=localized(row._asdict(), "later") if isinstance(row.later_en, str) else "",
            )
        )
        ids += quoted + split_ids(row.source_id)
    body = render_macro(
        "scenes.html.j2", "factcheck", frames=frames, later_label=t("scene.factcheck.later")
    )
    return Scene("factcheck", body=body, notes=_notes(source_ids=ids), source_ids=ids)


def _grid(**_) -> Scene:
    """The model comparison grid, a row revealed at a time; a cell shows its deciding words."""
    from ._exercise_grid import _grid_row
    from ._exercises import exercise
    from ._members import treaty_row

    rows = []
    columns = None
    ids: list[str] = []
    for exercise_id, extension in (("treaty_grid", False), ("treaty_grid_more", True)):
        ex = exercise(exercise_id)
        columns = columns or ex.columns()
        for tid, name in ex.items():
            key = ex.key(tid)
            cells = []
            for column, _label in ex.columns():
                cell = key[column]
                cells.append(dict(label=ex._label(tid, column, cell["value"]), words=cell["words"]))
                ids += [s for s in cell["sources"] if isinstance(s, str)]
            defence = _grid_row(tid, "defence")
            short = GRID_NAMES.get(tid, name)
            name = short
            if defence is not None:
                name = f"{short} · {t('exercise.grid.article', article=defence['article'])}"
            rows.append(
                dict(
                    name=name,
                    short=short,
                    treaty=treaty_row(tid)["name_en"],
                    cells=cells,
                    extension=extension,
                )
            )
    body = render_macro(
        "scenes.html.j2",
        "grid",
        columns=[label for _, label in columns],
        rows=rows,
        extension=t("scene.grid.extension"),
        hint=t("scene.evidence_hint"),
        treaty=t("scene.grid.treaty"),
        reading=t("scene.grid.reading"),
    )
    from ._sources import split_ids

    ids = [i for cell in ids for i in split_ids(cell)]
    return Scene("grid", body=body, notes=_notes(source_ids=ids), source_ids=ids)


def _membership(**_) -> Scene:
    from ._maps import membership_animation

    treaties, start, end, step = ANIMATION
    return _figure_scene("membership", membership_animation(list(treaties), start, end, step))


def _cases(**_) -> Scene:
    from ._charts import invocations_chart

    return _figure_scene("cases", invocations_chart())


def _join(url: str = "", cap: int = 0, **_) -> Scene:
    """The address students open, as a QR code: only when the dashboard is served on a network."""
    if not url:
        body = render_macro("scenes.html.j2", "join", url="", svg="", text=t("scene.join.local"))
        return Scene("join", body=body)
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=8, border=2, dark="#111")
    body = render_macro(
        "scenes.html.j2", "join", url=url, svg=svg, text=t("scene.join.scan", cap=cap)
    )
    return Scene("join", body=body)


JOIN = SceneSpec("join", "join", _join)
SCENES: tuple[SceneSpec, ...] = (
    SceneSpec("timeline", "01", _timeline),
    SceneSpec("parties", "01", _parties, controls=("treaty", "date")),
    SceneSpec("article", "01", _article, controls=("language",)),
    SceneSpec("contributions", "01", _contributions),
    SceneSpec("deployment", "01", _deployment),
    SceneSpec("factcheck", "01b", _factcheck),
    SceneSpec("grid", "02", _grid),
    SceneSpec("membership", "03", _membership),
    SceneSpec("cases", "04", _cases),
)


def scene_keys() -> list[str]:
    """The scenes of teacher mode, in course order (``"join"`` comes first when served on a LAN)."""
    return [spec.key for spec in SCENES]


def scene_spec(key: str) -> SceneSpec:
    """The spec of one scene; an unknown key lists the valid ones."""
    for spec in (JOIN, *SCENES):
        if spec.key == key:
            return spec
    raise UnknownIdError("scene", key, [JOIN.key, *scene_keys()])


def build_scene(key: str, **options: object) -> Scene:
    """Build one scene; a scene whose data is missing or damaged says why instead.

    ``options`` are the live controls' values (``treaty``, ``date``, ``language``) and, for
    the join scene, ``url`` and ``cap``.
    """
    spec = scene_spec(key)
    try:
        return spec.build(**options)
    except Exception as exc:  # noqa: BLE001 - one broken scene must not stop the deck
        log.exception("scene %s failed", key)
        reason = (
            str(exc).split("\n")[0][:400]
            if isinstance(exc, CstokitError)
            else (f"the kit could not build it ({type(exc).__name__}).")
        )
        message = t("scene.missing", reason=reason)
        body = render_macro("scenes.html.j2", "missing", message=message)
        return Scene(key, body=body, error=message)
