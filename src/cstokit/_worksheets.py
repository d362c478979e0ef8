"""Printable worksheets: one PDF per lesson, made by nbconvert's webpdf exporter, offline.

Each lesson is executed in a fresh kernel, as ``cstokit export`` executes it, then printed by
nbconvert's :class:`~nbconvert.WebPDFExporter` in the machine's Chromium (Debian's
``/usr/bin/chromium``; never a downloaded browser). The page is the kit's export template
with plotly.js's geo bundle and the map outline inlined, so Chromium draws every figure from
the page itself and asks the network for nothing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ._export import EDITIONS, TEMPLATES, executed_notebook, notebooks_dir
from ._text import LANGUAGES, get_language, t

CHROMIUM = "/usr/bin/chromium"
# The browser tests' flags: no background networking, no first-run calls, no DNS at all.
OFFLINE_FLAGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND",
]


def _exporter():
    from nbconvert import WebPDFExporter

    class KitWebPDF(WebPDFExporter):
        """webpdf in the machine's Chromium, on the kit's offline page template."""

        def run_playwright(self, html):
            from playwright.async_api import BrowserType

            launch = BrowserType.launch

            async def local_chromium(browser_type, **kwargs):
                kwargs.setdefault("executable_path", chromium_path())
                return await launch(browser_type, **kwargs)

            # nbconvert gives no option for the browser's path: lend it ours for this call.
            BrowserType.launch = local_chromium
            try:
                return super().run_playwright(html)
            finally:
                BrowserType.launch = launch

    exporter = KitWebPDF(
        template_name="cstokit_export",
        extra_template_basedirs=[TEMPLATES],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.allow_chromium_download = False
    exporter.disable_sandbox = os.geteuid() == 0 if hasattr(os, "geteuid") else False
    exporter.browser_args = list(OFFLINE_FLAGS)
    exporter.paginate = True
    exporter.language_code = get_language()  # <html lang>: hyphenation and the reader's voice
    # plotly.js draws after the page has loaded: give every figure time to be drawn.
    exporter.page_render_timeout = 4000
    return exporter


def chromium_path() -> str:
    """The Chromium that prints the worksheets, or a clear error saying how to get it."""
    from ._errors import CstokitError

    if not Path(CHROMIUM).exists():
        raise CstokitError(
            f"Printing worksheets needs Chromium at {CHROMIUM}: install Debian's package "
            "(apt-get install chromium), or run `make worksheets`, which does."
        )
    return CHROMIUM


def worksheet(rel: str, workdir: Path) -> bytes:
    """One lesson's worksheet as PDF bytes (``rel``: e.g. ``"01_kazakhstan_2022.ipynb"``)."""
    from ._figures import plotly_js
    from ._geo import geo_assets_js

    chromium_path()
    nb, title, status = executed_notebook(rel, workdir)
    resources = {
        "metadata": {"name": title, "path": str((workdir / rel).parent)},
        "cstokit_inline_js": [plotly_js(full=status["full"]), geo_assets_js()]
        if status["figures"]
        else [],
        "cstokit_note": t("worksheets.note", path=f"notebooks/{rel}"),
        "cstokit_print": True,
    }
    pdf, _ = _exporter().from_notebook_node(nb, resources=resources)
    return pdf


def _edition(language: str | None) -> Path:
    from ._errors import check_choice

    return (
        notebooks_dir() / EDITIONS[check_choice("language", language or get_language(), LANGUAGES)]
    )


def lessons(language: str | None = None) -> list[str]:
    """The student lessons of an edition, in course order: the notebooks at the top of
    notebooks/ (English) or notebooks/fr/ (French).
    """
    return sorted(p.name for p in _edition(language).glob("*.ipynb"))


def worksheets(
    out: Path, notebooks: list[str] | None = None, *, say=print, language: str | None = None
) -> list[Path]:
    """Write one PDF per lesson into ``out`` (all lessons, or ``notebooks``); returns the files.

    ``language`` picks the edition (default: the kit's language). The lessons run from a copy
    of their folder, so nothing is written into the course folder.
    """
    import shutil

    from ._errors import CstokitError

    held = lessons(language)
    chosen = notebooks or held
    unknown = sorted(set(chosen) - set(held))
    if unknown:
        raise CstokitError(t("worksheets.unknown", given=", ".join(unknown), valid=", ".join(held)))
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="cstokit-worksheets-") as tmp:
        workdir = Path(tmp) / "notebooks"
        shutil.copytree(
            _edition(language), workdir, ignore=shutil.ignore_patterns(".ipynb_checkpoints")
        )
        for rel in chosen:
            target = out / (Path(rel).stem + ".pdf")
            part = target.with_name(target.name + ".part")
            part.write_bytes(worksheet(rel, workdir))
            part.replace(target)  # an interrupted run never leaves half a PDF
            say(f"{target} ({target.stat().st_size / 1024:.0f} KB)")
            written.append(target)
    return written
