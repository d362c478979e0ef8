"""`cstokit export --out DIR`: HTML pages that open from a USB stick, with no Python and no network.

The folder holds one page per figure (membership animations with their in-browser
slider, member maps at key dates, deployment maps, contribution charts, timelines,
the invocations chart), a page of every article text with its source and version,
a static rendering of every course notebook executed fresh, and index.html. Every
page loads the folder's one copy of plotly.js (assets/plotly.min.js) and one copy of
the map outline (assets/world-outline.js) by relative path, which works from file://.

The folder is the user's: the command writes a manifest (.cstokit-export.json) of the
files it wrote, refuses a folder holding anything else unless told to overwrite,
and even then replaces or deletes only files that an earlier manifest names. It never
writes into data/ or notebooks/ (notebooks are executed from a temporary copy).
``CSTOKIT_NOTEBOOKS_DIR`` points it at another notebooks folder (used by the tests);
``CSTOKIT_EXPORT_WORKERS`` sets how many processes build figure pages (default: cores, max 4).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import __version__
from ._errors import NoDataError, check_choice
from ._text import LANGUAGES, get_language, localized, set_language, t

MANIFEST = ".cstokit-export.json"
PLOTLY_JS = "assets/plotly.min.js"
# The geo bundle: every figure the kit draws needs nothing more, and it parses in a third
# of the time (see src/cstokit/vendor/README.md). Pages fall back to the full bundle when a
# notebook draws any other trace type.
PLOTLY_GEO_JS = "assets/plotly-geo.min.js"
# nbconvert's templates of the kit (the export page, also used by the worksheets).
TEMPLATES = str(Path(__file__).parent / "jupyter_data" / "nbconvert" / "templates")
OUTLINE_JS = "assets/world-outline.js"

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
GEO_TYPES = ("choropleth", "scattergeo")
# A widget app, not a text to read: it needs Python (`make present`).
# The dashboards need Python (Voila); each edition's teacher folder has one.
SKIP_NOTEBOOKS = {"teacher/dashboard.ipynb", "enseignant/tableau_de_bord.ipynb"}
# Where each edition's notebooks live, under notebooks/: the English at the top, the French
# in fr/ (same numbering). An English export leaves the other editions' folders out.
EDITIONS = {"en": "", "fr": "fr"}
CELL_TIMEOUT = 300
# What a page may load by itself: anything but a relative or data:/blob: URL is a request
# that leaves the machine (links a reader clicks, <a href>, are not counted).
_LOADS = re.compile(
    r"""<(?:script|img|iframe|source|video|audio|embed)\b[^>]*?\bsrc\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)"""
    r"""|<link\b[^>]*?\bhref\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)"""
    r"""|@import\s+(?:url\()?\s*["']?((?:https?:)?//[^"')\s]+)""",
    re.IGNORECASE,
)


@dataclass
class Page:
    """One file of the export and how to make it."""

    rel: str
    title: str
    section: str
    build: Callable[[], str | bytes]
    note: str = ""


@dataclass
class ExportResult:
    """What an export did: files written, pages that failed, files it left alone."""

    out: Path
    written: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, list[str]]] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    sizes: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when every planned page was written."""
        return not self.failed

    def __bool__(self) -> bool:
        return self.ok


def _say(message: str) -> None:
    print(f"cstokit export: {message}", flush=True)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1024 / 1024:.1f} MB"
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} B"


def _repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def notebooks_dir() -> Path:
    """The notebooks folder to render (``CSTOKIT_NOTEBOOKS_DIR`` overrides the repo's)."""
    env = os.environ.get("CSTOKIT_NOTEBOOKS_DIR")
    return Path(env).resolve() if env else _repo_root() / "notebooks"


def external_loads(text: str) -> list[str]:
    """URLs a page would fetch by itself from outside the machine (scripts, styles, images)."""
    return [next(g for g in m.groups() if g) for m in _LOADS.finditer(text)]


def _neutralise(text: str) -> str:
    """Turn what a page would fetch from the network into inert attributes."""

    def fix(match: re.Match) -> str:
        whole = match.group(0)
        url = next(g for g in match.groups() if g)
        if whole.lstrip().startswith("@import"):
            return "/* removed for offline use: " + url.replace("*/", "") + " */"
        return whole.replace(url, "about:blank#offline-removed:" + url.replace("//", "", 1), 1)

    return _LOADS.sub(fix, text)


# -- the folder: manifest, refusal, safe writes ---------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _read_manifest(out: Path) -> list[str]:
    path = out / MANIFEST
    if not path.is_file():
        return []
    try:
        files = json.loads(path.read_text(encoding="utf-8")).get("files", [])
    except (OSError, json.JSONDecodeError, AttributeError):
        return []
    # Only plain relative paths inside the folder count as the kit's own files.
    own = []
    for rel in files:
        if not isinstance(rel, str) or rel.startswith(("/", "\\")) or ".." in Path(rel).parts:
            continue
        if _inside(out / rel, out):
            own.append(Path(rel).as_posix())
    return own


def _files_in(out: Path) -> list[str]:
    found = []
    for path in sorted(out.rglob("*")):
        if path.is_file() or path.is_symlink():
            rel = path.relative_to(out).as_posix()
            if rel != MANIFEST:
                found.append(rel)
    return found


def _write_manifest(out: Path, files: list[str], status: str) -> None:
    content = {
        "tool": "cstokit export",
        "version": __version__,
        "status": status,
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "note": "Files cstokit export wrote here. `cstokit export --overwrite` replaces or "
        "deletes only these; every other file in this folder is left alone.",
        "files": sorted(set(files)),
    }
    _atomic_write(out / MANIFEST, json.dumps(content, indent=2) + "\n")


def _atomic_write(target: Path, content: str | bytes) -> int:
    """Write beside the target and rename: never half a file, never through a symlink."""
    target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".cstokit-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return len(data)


def _check_folder(out: Path, planned: list[str], overwrite: bool) -> tuple[list[str], list[str]]:
    """Return (the earlier manifest's files, files the kit did not write); raise if refused."""
    from ._data import data_dir

    for forbidden, why in (
        (data_dir(), t("export.folder.data")),
        (notebooks_dir(), t("export.folder.notebooks")),
    ):
        if _inside(out, forbidden):
            raise FileExistsError(t("export.refused.inside", out=out, why=why, forbidden=forbidden))
    if out.exists() and not out.is_dir():
        raise FileExistsError(t("export.refused.not_folder", out=out))
    if not out.exists():
        return [], []
    own = set(_read_manifest(out))
    present = _files_in(out)
    foreign = [rel for rel in present if rel not in own]
    if not present:
        return sorted(own), []

    def listing(files: list[str]) -> str:
        shown = ", ".join(files[:8])
        return shown + (t("export.and_more", n=len(files) - 8) if len(files) > 8 else "")

    if not overwrite:
        if foreign:
            raise FileExistsError(
                t("export.refused.foreign", out=out, n=len(foreign), files=listing(foreign))
            )
        raise FileExistsError(t("export.refused.earlier", out=out, n=len(own), manifest=MANIFEST))
    clashes = [rel for rel in planned if rel in foreign]
    if clashes:
        raise FileExistsError(t("export.refused.clash", files=listing(clashes), out=out))
    return sorted(own), foreign


# -- pages -----------------------------------------------------------------------------------
# Every page is a template (templates/page.html.j2 and the pages extending it): the kit's
# CSS, a link back to index.html, and the page's own content.


def _figure_page(make: Callable[[], object], title: str) -> Callable[[], str]:
    def build() -> str:
        from ._figures import needs_full_plotly, to_standalone_html

        fig = make()
        bundle = PLOTLY_JS if needs_full_plotly([fig]) else PLOTLY_GEO_JS
        return to_standalone_html(
            fig, plotlyjs=bundle, geo=OUTLINE_JS, title=title, index="index.html"
        )

    return build


SCENES_STATIC = (
    Path(__file__).parent / "jupyter_data" / "voila" / "templates" / "cstokit" / "static"
)


def _slideshow_page() -> str:
    """Teacher mode's scenes as one page: the same deck script and keys, no Python.

    Figures are stored as JSON in the page and drawn by plotly.js when their scene is first
    shown (and the next one ahead), so the first scene paints without waiting for the maps.
    The parties map is the one of 6 January 2022; the animation keeps its own slider.
    """
    from ._figures import needs_full_plotly
    from ._html import render_macro
    from ._scenes import SCENES, build_scene

    scenes, figures = [], []
    for n, spec in enumerate(SCENES, 1):
        scene = build_scene(spec.key, **({"language": "all"} if spec.key == "article" else {}))
        figure_json = None
        if scene.figure is not None:
            figures.append(scene.figure)
            # Inside <script>, "</" would end the element early.
            figure_json = scene.figure.to_json().replace("</", "<\\/")
        scenes.append(
            dict(
                n=n,
                total=len(SCENES),
                lesson=spec.lesson_title,
                title=spec.title,
                key=spec.key,
                figure_json=figure_json,
                body=scene.body,
                notes=scene.notes,
            )
        )
    return render_macro(
        "scenes.html.j2",
        "slideshow",
        language=get_language(),
        title=t("export.slideshow_title"),
        scenes=scenes,
        plotlyjs_src=PLOTLY_JS if needs_full_plotly(figures) else PLOTLY_GEO_JS,
        geo_src=OUTLINE_JS,
        style=(SCENES_STATIC / "scenes.css").read_text(encoding="utf-8"),
        script=(SCENES_STATIC / "scenes.js").read_text(encoding="utf-8"),
        controls_note=t("scene.keys"),
    )


def _is_full_date(value) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


def key_dates(treaty_id: str, today: dt.date | None = None) -> list[tuple[dt.date, str]]:
    """Dates worth a map: signature, entry into force, the start of each operation, the end
    (its eve) or today.
    """
    from ._data import load
    from ._members import treaty_row

    today = today or dt.date.today()
    row = treaty_row(treaty_id)
    dates: list[tuple[dt.date, str]] = []
    if _is_full_date(row["signed"]):
        dates.append((dt.date.fromisoformat(row["signed"]), t("export.date.signature")))
    if _is_full_date(row["in_force"]):
        dates.append((dt.date.fromisoformat(row["in_force"]), t("export.date.in_force")))
    ops = load("operations")
    for op in ops[ops["treaty_id"] == treaty_id].itertuples():
        if _is_full_date(op.start):
            name = localized(op._asdict(), "name")
            dates.append((dt.date.fromisoformat(op.start), t("export.date.begins", name=name)))
    if _is_full_date(row["ended"]):
        eve = dt.date.fromisoformat(row["ended"]) - dt.timedelta(days=1)
        dates.append((eve, t("export.date.eve")))
    elif pd.isna(row["ended"]):
        dates.append((today, t("export.date.today")))
    seen, unique = set(), []
    for day, label in sorted(dates):
        if day not in seen and day <= today:
            seen.add(day)
            unique.append((day, label))
    return unique


def _articles_page() -> str:
    from ._data import load
    from ._html import render
    from ._members import text_ids, treaty_row
    from ._sources import cite
    from ._treaties import article, language_name

    texts = load("articles")
    provisions = load("provisions")
    treaties = []
    for tid in text_ids():
        rows = texts[texts["treaty_id"] == tid].sort_values(["article", "valid_from", "language"])
        wordings = [
            {
                "text": article(tid, row.article, row.language, version=row.version),
                "language": language_name(row.language),
            }
            for row in rows.itertuples()
        ]
        held = set(rows["article"])
        summary = provisions[(provisions["treaty_id"] == tid) & ~provisions["article"].isin(held)]
        described = [
            {
                "obligation": p.obligation,
                "article": p.article,
                "note": p.note,
                "references": cite(p.source_id),
            }
            for p in summary.itertuples()
        ]
        treaties.append(
            {
                "id": tid,
                "name": localized(treaty_row(tid), "name"),
                "wordings": wordings,
                "described": described,
            }
        )
    return render(
        "export_articles.html.j2",
        language=get_language(),
        title=t("export.articles_title"),
        index="index.html",
        treaties=treaties,
    )


# -- notebooks -------------------------------------------------------------------------------


def _plotly_to_html(nb) -> tuple[int, bool, bool]:
    """Turn every plotly output into plotly's own markup (a div and its script), drawn by
    the page's shared plotly.js, and every widget into a note that it needs a running
    notebook. Returns how many figures, whether any draws a map, and whether any needs the
    full plotly.js rather than its geo bundle.
    """
    import plotly.io as pio

    from ._figures import PLOTLY_MIME, needs_full_plotly
    from ._html import render

    count, geo, full = 0, False, False
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data") or {}
            if WIDGET_MIME in data:
                # No widget state is kept (nor could it run without a kernel): say so.
                out["data"] = {"text/html": render("export_widget_note.html.j2")}
                continue
            fig = data.get(PLOTLY_MIME)
            if not isinstance(fig, dict):
                continue
            count += 1
            traces = list(fig.get("data", []))
            for frame in fig.get("frames", []) or []:
                traces += frame.get("data", []) or []
            geo = geo or any(t.get("type") in GEO_TYPES for t in traces)
            full = full or needs_full_plotly([fig])
            config = {**(fig.get("config") or {}), "responsive": True, "displaylogo": False}
            markup = pio.to_html(
                fig,
                config=config,
                include_plotlyjs=False,
                include_mathjax=False,
                full_html=False,
                auto_play=False,
                default_height="520px",
                validate=False,
            )
            out["data"] = {"text/html": markup}
            out.pop("metadata", None)
            out["metadata"] = {}
    return count, geo, full


_STYLE = re.compile(r"(<style[^>]*>)(.*?)(</style>)", re.IGNORECASE | re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _quiet_css(page: str) -> str:
    """Drop CSS comments that name web addresses (credits in nbconvert's stylesheets), so the
    page names no external URL except the links a notebook's author wrote.
    """

    def style(match: re.Match) -> str:
        css = _CSS_COMMENT.sub(
            lambda c: "" if re.search(r"https?://", c.group(0)) else c.group(0), match.group(2)
        )
        return match.group(1) + css + match.group(3)

    return _STYLE.sub(style, page)


def _title_of(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def executed_notebook(rel: str, workdir: Path) -> tuple[object, str, dict]:
    """A notebook of ``workdir`` executed in a fresh kernel, its figures turned into plotly's
    markup: (notebook, title, status). ``status`` has the cells that raised (``errors``), the
    number of figures, whether one draws a map (``geo``) and whether one needs the full
    plotly.js (``full``). Shared by the export's pages and the printable worksheets.
    """
    import nbformat
    from nbclient import NotebookClient

    path = workdir / rel
    nb = nbformat.read(path, as_version=4)
    kernel = (nb.metadata.get("kernelspec") or {}).get("name") or "python3"
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        kernel_name=kernel,
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    # A widget open in a cell makes nbclient wait for the whole timeout (an open nbclient
    # issue); the static page has no use for widget state anyway.
    client.comm_open_handlers = {}
    previous = os.environ.get("PLOTLY_RENDERER")
    os.environ["PLOTLY_RENDERER"] = "plotly_mimetype"  # one JSON output per figure
    try:
        client.execute()
    finally:
        if previous is None:
            os.environ.pop("PLOTLY_RENDERER", None)
        else:
            os.environ["PLOTLY_RENDERER"] = previous
    errors = [
        i
        for i, cell in enumerate(nb.cells, 1)
        if any(o.get("output_type") == "error" for o in cell.get("outputs", []))
    ]
    figures, geo, full = _plotly_to_html(nb)
    title = _title_of(nb, Path(rel).stem)
    nb.metadata["title"] = title
    return nb, title, dict(errors=errors, figures=figures, geo=geo, full=full)


def _notebook_page(rel: str, workdir: Path, status: dict) -> Callable[[], str]:
    def build() -> str:
        from nbconvert import HTMLExporter

        nb, title, done = executed_notebook(rel, workdir)
        status["errors"] = done["errors"]
        bundle = PLOTLY_JS if done["full"] else PLOTLY_GEO_JS
        assets = ([bundle] if done["figures"] else []) + ([OUTLINE_JS] if done["geo"] else [])
        exporter = HTMLExporter(
            template_name="cstokit_export",
            extra_template_basedirs=[TEMPLATES],
            embed_images=True,
            language_code=get_language(),  # <html lang="fr"> on a French lesson's page
        )
        edition = EDITIONS[get_language()]
        resources = {
            "metadata": {"name": title, "path": str((workdir / rel).parent)},
            "cstokit_assets": assets,
            "cstokit_back": t("export.back"),
            "cstokit_note": t(
                "export.nb_executed",
                path="/".join(p for p in ("notebooks", edition, rel) if p),
                date=dt.date.today(),
            ),
        }
        body, _ = exporter.from_notebook_node(nb, resources=resources)
        return _quiet_css(body)

    return build


def _notebook_pages(workdir: Path) -> list[Page]:
    pages = []
    others = [folder + "/" for folder in EDITIONS.values() if folder]
    for path in sorted(workdir.rglob("*.ipynb")):
        rel = path.relative_to(workdir).as_posix()
        if ".ipynb_checkpoints" in rel or rel in SKIP_NOTEBOOKS or rel.startswith(tuple(others)):
            continue
        stem = rel[: -len(".ipynb")].replace("/", "-")
        teacher = rel.startswith(("teacher/", "enseignant/"))
        section = t("export.section.teacher" if teacher else "export.section.course")
        status: dict = {}
        page = Page(
            f"notebook-{stem}.html",
            rel,
            section,
            _notebook_page(rel, workdir, status),
            note=t("export.executed"),
        )
        page.status = status  # type: ignore[attr-defined]
        pages.append(page)
    return pages


# -- the plan --------------------------------------------------------------------------------


def plan(include_notebooks: bool = True, workdir: Path | None = None) -> list[Page]:
    """Every page of the export, in order (built lazily when written)."""
    from . import _charts, _maps
    from ._data import load
    from ._figures import plotly_js
    from ._geo import geo_assets_js
    from ._members import treaty_ids, treaty_row

    today = dt.date.today()
    pages = [
        Page(PLOTLY_GEO_JS, "plotly.js (geo bundle)", "assets", lambda: plotly_js(full=False)),
        Page(PLOTLY_JS, "plotly.js (full)", "assets", lambda: plotly_js(full=True)),
        Page(OUTLINE_JS, "map outline", "assets", geo_assets_js),
    ]
    for tid in treaty_ids():
        row = treaty_row(tid)
        name, short = localized(row, "name"), localized(row, "organisation")
        start = int(str(row["signed"])[:4])
        end = int(str(row["ended"])[:4]) if pd.notna(row["ended"]) else today.year - 1
        end = max(start, end)
        pages.append(
            Page(
                f"members-{tid}.html",
                t("export.members_years", name=name, start=start, end=end),
                t("export.section.animations"),
                _figure_page(
                    lambda tid=tid, start=start, end=end: _maps.membership_animation(
                        tid, start, end
                    ),
                    t("export.members_through", name=short),
                ),
            )
        )
    for tid in treaty_ids():
        short = localized(treaty_row(tid), "organisation")
        for day, label in key_dates(tid, today):
            pages.append(
                Page(
                    f"map-{tid}-{day.isoformat()}.html",
                    t("export.map_on", name=short, tid=tid, date=day, label=label),
                    t("export.section.maps"),
                    _figure_page(
                        lambda tid=tid, day=day: _maps.member_map(tid, day),
                        t("export.map_title", name=short, date=day),
                    ),
                )
            )
    ops = load("operations").sort_values("operation_id")
    with_figures = set(load("contributions")["operation_id"])
    with_events = set(load("events")["operation_id"].dropna())
    for op in ops.itertuples():
        oid = op.operation_id
        op_name = localized(op._asdict(), "name")
        makers = [("deployment", _maps.deployment_map)]
        if oid in with_figures:
            makers.append(("contributions", _charts.contributions_chart))
        if oid in with_events:
            makers.append(("timeline", _charts.timeline))
        for kind, maker in makers:
            title = t("export.op_page", name=op_name, label=t(f"export.op.{kind}"))
            pages.append(
                Page(
                    f"{kind}-{oid}.html",
                    title,
                    t("export.section.operations"),
                    _figure_page(lambda maker=maker, oid=oid: maker(oid), title),
                )
            )
    pages.append(
        Page(
            "invocations.html",
            t("export.invocations"),
            t("export.section.invocations"),
            _figure_page(_charts.invocations_chart, t("export.invocations_title")),
        )
    )
    pages.append(
        Page(
            "slideshow.html",
            t("export.slideshow"),
            t("export.section.slideshow"),
            _slideshow_page,
        )
    )
    pages.append(
        Page(
            "articles.html",
            t("export.articles"),
            t("export.section.texts"),
            _articles_page,
        )
    )
    if include_notebooks and workdir is not None:
        pages += _notebook_pages(workdir)
    return pages


def _index_page(pages: list[Page], result: ExportResult, notebooks_note: str) -> str:
    from ._html import render

    sections: dict[str, list[dict]] = {}
    for page in pages:
        if page.section == "assets" or page.rel not in result.sizes:
            continue
        sections.setdefault(page.section, []).append(
            {
                "rel": page.rel,
                "title": page.title,
                "note": page.note,
                "size": _size(result.sizes[page.rel]),
            }
        )
    return render(
        "export_index.html.j2",
        language=get_language(),
        title=t("export.title"),
        index=None,
        date=dt.date.today().isoformat(),
        version=__version__,
        sections=sections,
        notebooks_note=notebooks_note,
        plotly_js=PLOTLY_JS,
        plotly_size=_size(result.sizes.get(PLOTLY_JS, 0)),
        plotly_geo_js=PLOTLY_GEO_JS,
        plotly_geo_size=_size(result.sizes.get(PLOTLY_GEO_JS, 0)),
        outline_js=OUTLINE_JS,
        outline_size=_size(result.sizes.get(OUTLINE_JS, 0)),
        total=_size(sum(result.sizes.values())),
    )


# -- building pages, on every core ------------------------------------------------------------

_PAGES: list[Page] = []  # what forked workers build, by index


def _build_one(index: int) -> tuple[str, str | bytes, float]:
    page = _PAGES[index]
    t0 = time.monotonic()
    try:
        return "ok", page.build(), time.monotonic() - t0
    except NoDataError as exc:
        return "skipped", str(exc), 0.0
    except Exception as exc:  # noqa: BLE001 - one broken page must not stop the rest
        return "failed", f"{type(exc).__name__}: {exc}", 0.0


def _build_all(pages: list[Page]):
    """Yield (page, outcome, content, seconds) in order; figure pages are built in parallel."""
    global _PAGES
    _PAGES = pages
    parallel = [i for i, p in enumerate(pages) if not p.rel.startswith("notebook-")]
    wanted = os.environ.get("CSTOKIT_EXPORT_WORKERS", "")
    workers = int(wanted) if wanted.isdigit() else min(4, os.cpu_count() or 1)
    workers = max(1, min(workers, len(parallel)))
    try:
        if workers > 1 and sys.platform.startswith("linux"):
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # Forked workers inherit the loaded data and the page list; results come in order.
            with ProcessPoolExecutor(
                workers, mp_context=multiprocessing.get_context("fork")
            ) as pool:
                for i, outcome in zip(parallel, pool.map(_build_one, parallel), strict=True):
                    yield (pages[i], *outcome)
        else:
            for i in parallel:
                yield (pages[i], *_build_one(i))
        for i, page in enumerate(pages):
            if i not in parallel:
                _say(t("export.say.executing", rel=page.rel, title=page.title))
                yield (page, *_build_one(i))
    finally:
        _PAGES = []


# -- the command -----------------------------------------------------------------------------


def export(
    out, overwrite: bool = False, notebooks: bool = True, language: str | None = None
) -> ExportResult:
    """Write the export folder; raise FileExistsError (with the reason) when it refuses.

    ``language`` ("en", "fr"; default the kit's) is the language of every page, and picks the
    edition of the notebooks (notebooks/ or notebooks/fr/).
    """
    language = check_choice("language", language or get_language(), LANGUAGES)
    before = get_language()
    set_language(language)  # forked page builders inherit it
    try:
        return _export(out, overwrite, notebooks, language)
    finally:
        set_language(before)


def _export(out, overwrite: bool, notebooks: bool, language: str) -> ExportResult:
    started = time.monotonic()
    out = Path(out).expanduser().absolute()
    source_nb = notebooks_dir() / EDITIONS[language]
    with tempfile.TemporaryDirectory(prefix="cstokit-export-") as tmp:
        workdir = None
        if notebooks and source_nb.is_dir():
            # Executed from a copy: a notebook that saves a file never writes into notebooks/.
            workdir = Path(tmp) / "notebooks"
            shutil.copytree(
                source_nb,
                workdir,
                ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"),
                symlinks=True,
            )
        pages = plan(include_notebooks=notebooks, workdir=workdir)
        planned = [p.rel for p in pages] + ["index.html"]
        own_before, foreign = _check_folder(out, planned, overwrite)
        result = ExportResult(out=out, kept=foreign)
        out.mkdir(parents=True, exist_ok=True)
        # Recorded before anything is written: an interrupted export still knows its files.
        _write_manifest(out, own_before + planned, status="incomplete")
        n = len(planned)
        _say(t("export.say.writing", n=n, out=out))
        for i, (page, outcome, content, seconds) in enumerate(_build_all(pages), 1):
            label = f"[{i:>{len(str(n))}}/{n}] {page.rel}"
            if outcome == "skipped":
                result.skipped.append((page.rel, content))
                _say(t("export.say.skipped", label=label, why=content))
                continue
            if outcome == "failed":
                result.failed.append((page.rel, content))
                _say(t("export.say.failed", label=label, why=content[:300]))
                continue
            if isinstance(content, str) and page.rel.endswith(".html"):
                outside = external_loads(content)
                if outside:
                    # Offline means offline: the address stays readable, the browser never asks.
                    content = _neutralise(content)
                    result.warnings.append((page.rel, outside))
                    _say(t("export.say.neutralised", label=label, n=len(outside), first=outside[0]))
            size = _atomic_write(out / page.rel, content)
            result.written.append(page.rel)
            result.sizes[page.rel] = size
            extra = ""
            status = getattr(page, "status", {})
            if status.get("errors"):
                extra = t("export.say.cell_errors", cells=", ".join(map(str, status["errors"])))
            _say(f"{label} {_size(size)} ({seconds:.1f} s){extra}")
        if not notebooks:
            nb_note = t("export.nb_skipped")
        elif workdir is None:
            nb_note = t("export.nb_missing", path=source_nb)
        else:
            nb_note = t("export.nb_note")
        size = _atomic_write(out / "index.html", _index_page(pages, result, nb_note))
        result.written.append("index.html")
        result.sizes["index.html"] = size
        _say(f"[{n}/{n}] index.html {_size(size)}")
    # Files of the earlier export that this one did not write again: the kit's own, so removed.
    from ._data import data_dir

    for rel in own_before:
        if rel in result.written:
            continue
        target = out / rel
        protected = _inside(target, data_dir()) or _inside(target, source_nb)
        if (
            (target.is_file() or target.is_symlink())
            and _inside(target.parent, out)
            and not protected
        ):
            target.unlink()
            result.removed.append(rel)
    for folder in sorted({(out / rel).parent for rel in result.removed}, reverse=True):
        if folder != out and _inside(folder, out) and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    _write_manifest(out, result.written, status="complete" if result.ok else "partial")
    total = sum(result.sizes.values())
    _say(
        t(
            "export.say.done",
            seconds=f"{time.monotonic() - started:.0f}",
            n=len(result.written),
            size=_size(total),
            out=out,
            index=out / "index.html",
        )
    )
    if result.removed:
        _say(t("export.say.removed", n=len(result.removed), files=", ".join(result.removed[:8])))
    if result.kept:
        more = " …" if len(result.kept) > 8 else ""
        _say(t("export.say.kept", n=len(result.kept), files=", ".join(result.kept[:8]) + more))
    if result.failed:
        failed = "; ".join(r for r, _ in result.failed)
        _say(t("export.say.failed_pages", n=len(result.failed), pages=failed))
        print(f"cstokit export: {t('export.say.missing')}", file=sys.stderr)
    return result
