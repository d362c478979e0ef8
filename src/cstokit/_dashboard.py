"""Teacher mode: the course's scenes as a deck of widgets that `cstokit present` serves.

notebooks/teacher/dashboard.ipynb calls :func:`dashboard`. Voila shows the deck with the
kit's template, whose deck script (scenes.js) shows one full-screen scene at a time and
moves between them on a presenter's keys. The scenes themselves are built by
`_scenes.py`, the same ones the export's slideshow shows.

Only the first scene is built when the notebook runs, so a preheated kernel is ready in a
few seconds; the others are built when the deck first shows them (their hidden "draw"
button is pressed by the deck script), and the next scene is fetched ahead. Every scene
catches its own errors and says in a sentence what is missing: the audience never sees
a traceback, and the other scenes still work.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os

from ._html import render_macro
from ._text import get_language, localized, set_language, t

log = logging.getLogger("cstokit.dashboard")

# Set by `cstokit present --lan`: the address students open, and how many may at once.
JOIN_URL_ENV = "CSTOKIT_JOIN_URL"
CAP_ENV = "CSTOKIT_VIEWER_CAP"
# Set by `cstokit present`: a folder of its own where the kernels of one server share the
# scenes they have built, so thirty students opening the animation build it once, not thirty
# times (4.5 s of a 2-core laptop each). Never data/; removed when the server stops.
CACHE_ENV = "CSTOKIT_SCENE_CACHE"
# Set by `cstokit present --language fr`: the language the deck starts in.
LANGUAGE_ENV = "CSTOKIT_LANGUAGE"


@functools.lru_cache(maxsize=1)
def _pinned() -> tuple[str, ...]:
    """The pinned hashes of every resource: a shared scene is reused only for the same data."""
    from ._data import data_key, datasets

    return data_key(*datasets()["name"])


def _cache_path(key: str, options: dict):
    """Where a built scene is shared, or None when the server gave no folder."""
    import hashlib
    import json
    from pathlib import Path

    from ._text import get_language

    folder = os.environ.get(CACHE_ENV)
    if not folder or not Path(folder).is_dir():
        return None
    ident = json.dumps([key, get_language(), sorted(options.items()), _pinned()], default=str)
    return Path(folder) / f"{key}-{hashlib.sha256(ident.encode()).hexdigest()[:16]}.json"


def _cached_scene(key: str, options: dict) -> dict | None:
    import json

    path = _cache_path(key, options)
    if path is None or not path.is_file():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a half-written or damaged entry: build the scene again


def _share_scene(key: str, options: dict, shown: dict) -> None:
    import json
    import tempfile

    path = _cache_path(key, options)
    if path is None:
        return
    try:  # written whole, then renamed: another kernel never reads half a scene
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, suffix=".tmp") as f:
            json.dump(shown, f)
        os.replace(f.name, path)
    except OSError:
        log.warning("could not share scene %s in %s", key, path.parent)


LANGUAGE_NAMES = {"en": "English", "fr": "Français", "ru": "Русский", "kk": "Қазақ тілі"}


class SceneView:
    """One scene as widgets: its header (and live controls), figure, body and notes."""

    def __init__(self, deck: Deck, spec, n: int, total: int, eager: bool):
        import ipywidgets as w

        self.w = w
        self.deck = deck
        self.spec = spec
        self.options: dict = dict(deck.scene_options.get(spec.key, {}))
        self.n, self.total = n, total
        self.head = w.HTML(self._head())
        self.controls = self._controls()
        top = w.HBox([self.head, *self.controls], layout=w.Layout(width="100%"))
        top.add_class("cstokit-scene-top")
        self.figure = w.Output(layout=w.Layout(width="100%"))
        self.figure.add_class("cstokit-scene-figure")
        self.body = w.HTML(layout=w.Layout(width="100%", flex="1 1 auto"))
        self.notes = w.HTML(layout=w.Layout(width="100%"))
        self.draw_button = w.Button(description=t("scene.draw"))
        self.draw_button.add_class("cstokit-draw")
        self.draw_button.on_click(lambda _b: self.render())
        self.root = w.VBox([top, self.figure, self.body, self.notes, self.draw_button])
        self.root.add_class("cstokit-scene")
        self.root.add_class(f"cstokit-scene-{spec.key}")
        self.built = None
        if eager:
            self.render()
        else:
            self.body.value = render_macro("scenes.html.j2", "missing", message=t("scene.drawing"))

    def _head(self) -> str:
        spec = self.spec
        return render_macro(
            "scenes.html.j2",
            "head",
            n=self.n,
            total=self.total,
            lesson=spec.lesson_title,
            title=spec.title,
        )

    def relabel(self) -> None:
        """Say everything again in the kit's language (the deck's language control)."""
        self.head.value = self._head()
        self.draw_button.description = t("scene.draw")
        for name, key in (("treaty", "scene.parties.treaty"), ("date", "scene.parties.date")):
            if hasattr(self, name):
                getattr(self, name).description = t(key)
        if hasattr(self, "treaty"):
            chosen = self.treaty.value
            self.treaty.options = _treaty_options()  # resets the value: set it back
            self.treaty.value = chosen
        if hasattr(self, "language"):
            self.language.description = t("scene.article.language")
        if self.built is not None:
            self.render()
        else:
            self.body.value = render_macro("scenes.html.j2", "missing", message=t("scene.drawing"))

    def _controls(self) -> list:
        w = self.w
        out = []
        if "treaty" in self.spec.controls:
            self.treaty = w.Dropdown(
                options=_treaty_options(),
                value=self.options.get("treaty", "cst"),
                description=t("scene.parties.treaty"),
                style={"description_width": "initial"},
                layout=w.Layout(width="13em"),
            )
            self.treaty.observe(lambda _c: self._set(treaty=self.treaty.value), names="value")
            out.append(self.treaty)
        if "date" in self.spec.controls:
            from ._scenes import PARTIES_DATE

            self.date = w.DatePicker(
                value=self.options.get("date", PARTIES_DATE),
                description=t("scene.parties.date"),
                style={"description_width": "initial"},
                layout=w.Layout(width="13em"),
            )
            self.date.observe(self._on_date, names="value")
            out.append(self.date)
        if "language" in self.spec.controls:
            self.language = w.ToggleButtons(
                options=[("English", "en"), ("Русский", "ru")],
                value=self.options.get("language", "en"),
                description=t("scene.article.language"),
                style={"button_width": "auto", "description_width": "initial"},
            )
            self.language.observe(lambda _c: self._set(language=self.language.value), names="value")
            out.append(self.language)
        # The kit's language, on every scene: a teacher switches the whole deck from any scene.
        self.kit_language = w.ToggleButtons(
            options=[("EN", "en"), ("FR", "fr")],
            value=get_language(),
            tooltips=[LANGUAGE_NAMES["en"], LANGUAGE_NAMES["fr"]],
            style={"button_width": "3em"},
        )
        self.kit_language.add_class("cstokit-kit-language")
        self.kit_language.observe(lambda c: self.deck.set_language(c["new"]), names="value")
        out.append(self.kit_language)
        return out

    def _on_date(self, change) -> None:
        if isinstance(change["new"], dt.date):
            self._set(date=change["new"])

    def _set(self, **options) -> None:
        self.options.update(options)
        self.render()

    def render(self) -> None:
        """Build the scene (again, after a control changed) and show it."""
        from IPython.display import display

        from ._figures import plotly_mime_bundle
        from ._scenes import Scene, build_scene

        self.draw_button.layout.display = "none"
        key = self.spec.key
        shown = None if key == "join" else _cached_scene(key, self.options)
        if shown is None:
            scene = build_scene(key, **self.options)
            shown = dict(
                figure=plotly_mime_bundle(scene.figure) if scene.figure is not None else None,
                body=scene.body,
                notes=scene.notes,
            )
            if scene.error is None and key != "join":
                _share_scene(key, self.options, shown)
        else:
            scene = Scene(key, body=shown["body"], notes=shown["notes"])
        self.built = scene
        self.figure.clear_output(wait=True)
        if shown["figure"] is not None:
            with self.figure:
                display(shown["figure"], raw=True)
        self.body.value = shown["body"]
        self.notes.value = shown["notes"]


class Deck:
    """Every scene of teacher mode, in course order, as one widget tree."""

    def __init__(
        self, join_url: str | None = None, cap: int | None = None, language: str | None = None
    ):
        import ipywidgets as w

        from ._scenes import JOIN, SCENES

        if language is not None:
            set_language(language)

        join_url = os.environ.get(JOIN_URL_ENV, "") if join_url is None else join_url
        cap = int(os.environ.get(CAP_ENV, "0") or 0) if cap is None else cap
        self.scene_options = {"join": {"url": join_url, "cap": cap}}
        specs = ([JOIN] if join_url else []) + list(SCENES)
        first = 0 if join_url else 1
        total = len(SCENES)
        self.views = [
            SceneView(self, spec, n, total, eager=(i == 0))
            for i, (n, spec) in enumerate(zip(range(first, first + len(specs)), specs, strict=True))
        ]
        self.strings = w.HTML(self._strings())
        self.root = w.VBox(
            [self.strings, *(v.root for v in self.views)], layout=w.Layout(width="100%")
        )
        self.root.add_class("cstokit-deck")

    @staticmethod
    def _strings() -> str:
        return (
            f'<span hidden data-index-title="{_attr(t("scene.index"))}" '
            f'data-index-hint="{_attr(t("scene.index_hint"))}"></span>'
        )

    def set_language(self, language: str) -> None:
        """Switch the kit and every scene to ``language`` (what the EN/FR control does)."""
        set_language(language)
        self.strings.value = self._strings()
        for view in self.views:
            if view.kit_language.value != language:
                view.kit_language.value = language  # its observer calls back here: no loop
            view.relabel()

    def cover(self) -> str:
        """The first scene as plain HTML, for the server to write into the page (see the
        kit's Voila template): it paints before Voila's scripts and widgets have loaded.
        """
        first = self.views[0]
        scene = first.built
        return render_macro(
            "scenes.html.j2",
            "cover",
            head=first.head.value,
            body=scene.body,
            notes=scene.notes,
            key=first.spec.key,
        )

    def view(self, key: str) -> SceneView:
        for view in self.views:
            if view.spec.key == key:
                return view
        raise KeyError(key)


def _treaty_options() -> list[tuple[str, str]]:
    from ._members import treaty_ids, treaty_row

    return [(localized(treaty_row(tid), "organisation"), tid) for tid in treaty_ids()]


def _attr(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def dashboard(join_url: str | None = None, cap: int | None = None, language: str | None = None):
    """Build teacher mode's deck and return its root widget (display it, or let Voila show it).

    ``language`` ("en", "fr") switches the kit first; by default the deck speaks the kit's
    language, or the one ``cstokit present --language`` set (CSTOKIT_LANGUAGE).
    """
    try:
        deck = Deck(
            join_url=join_url, cap=cap, language=language or os.environ.get(LANGUAGE_ENV) or None
        )
        if os.environ.get("VOILA_BASE_URL") is not None:  # served by Voila, not in JupyterLab
            from IPython.display import display

            display({"text/html": deck.cover()}, raw=True, metadata={"cstokit": "cover"})
        return deck.root
    except Exception as exc:  # noqa: BLE001
        import ipywidgets as w

        from ._errors import CstokitError

        log.exception("dashboard failed")
        reason = (
            str(exc).split("\n")[0][:400] if isinstance(exc, CstokitError) else type(exc).__name__
        )
        return w.HTML(
            render_macro(
                "scenes.html.j2",
                "failed",
                message=t("dashboard.failed", reason=reason),
            )
        )
