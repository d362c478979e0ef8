"""`cstokit export`: pages that open from file:// with no network, and a folder it never spoils."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from browser import COUNT_MAP_SHAPES, browser_page
from conftest import ROOT, chromium_or_skip

CSTOKIT = str(Path(sys.executable).with_name("cstokit"))
MANIFEST = ".cstokit-export.json"
# Pages whose figure is a map: each must draw country shapes.
MAP_PAGES = re.compile(r"^(members-|map-|deployment-|notebook-01_maps)")


def _notebook(path: Path, cells: list[str], title: str) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_markdown_cell(f"# {title}\n\nSee [the kit](https://example.org).")]
    nb.cells += [nbformat.v4.new_code_cell(src) for src in cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """One real export (CLI, fresh process) of the kit's figures and two small notebooks."""
    base = tmp_path_factory.mktemp("export")
    notebooks = base / "notebooks"
    _notebook(
        notebooks / "01_maps.ipynb",
        [
            "import cstokit\ncstokit.member_map('nato', '1982-06-01')",
            "cstokit.membership_animation(['nato', 'warsaw_pact'], 1985, 1992)",
            "cstokit.members_at('cst', '2022-01-06').head(3)",
            # A widget must not make execution wait for the cell timeout.
            "import ipywidgets as w\nw.interact(lambda x: print(x * 2), x=3)",
            "cstokit.contributions_chart('csto_kaz_2022')",
            "open('written_by_notebook.txt', 'w').write('x')",
        ],
        "Maps",
    )
    _notebook(notebooks / "teacher" / "guide.ipynb", ["1 / 0"], "Guide")
    dashboard = ROOT / "notebooks" / "teacher" / "dashboard.ipynb"
    (notebooks / "teacher" / "dashboard.ipynb").write_bytes(dashboard.read_bytes())
    before = sorted(p.relative_to(notebooks).as_posix() for p in notebooks.rglob("*"))
    out = base / "out"
    env = dict(os.environ, CSTOKIT_NOTEBOOKS_DIR=str(notebooks), JUPYTER_PLATFORM_DIRS="1")
    run = subprocess.run(
        [CSTOKIT, "export", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=400,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    after = sorted(p.relative_to(notebooks).as_posix() for p in notebooks.rglob("*"))
    return out, run.stdout, before, after


@pytest.mark.slow
def test_export_folder(exported):
    out, said, before, after = exported
    assert before == after, "executing the notebooks wrote into their folder"
    manifest = json.loads((out / MANIFEST).read_text())
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert sorted(manifest["files"]) == [f for f in files if f != MANIFEST]
    assert manifest["status"] == "complete"
    # plotly.js (its geo bundle, and the full one for any other figure) and one outline for
    # the whole folder.
    assert sorted(f for f in files if f.endswith(".js")) == [
        "assets/plotly-geo.min.js",
        "assets/plotly.min.js",
        "assets/world-outline.js",
    ]
    assert (out / "assets/plotly.min.js").stat().st_size > 3_000_000
    # Every page of the kit's own figures and notebooks loads the geo bundle.
    for page in out.glob("*.html"):
        if page.name != "index.html" and "plotly" in page.read_text():
            assert "assets/plotly-geo.min.js" in page.read_text(), page.name
            assert "assets/plotly.min.js" not in page.read_text(), page.name
    # A progress line per file.
    for rel in manifest["files"]:
        assert re.search(rf"\] {re.escape(rel)} \d", said), f"no progress line for {rel}"
    pages = [f for f in files if f.endswith(".html")]
    for kind in ("members-nato", "map-cst-2022-01-06", "deployment-csto_kaz_2022"):
        assert f"{kind}.html" in pages
    for kind in ("contributions-csto_kaz_2022", "timeline-csto_kaz_2022", "invocations"):
        assert f"{kind}.html" in pages
    assert {"articles.html", "slideshow.html", "notebook-01_maps.html"} <= set(pages)
    assert "notebook-teacher-guide.html" in pages
    assert "notebook-teacher-dashboard.html" not in pages
    assert "An interactive control was here" in (out / "notebook-01_maps.html").read_text()
    index = (out / "index.html").read_text()
    for page in pages:
        if page != "index.html":
            assert f'href="{page}"' in index, page
    from cstokit._export import external_loads

    for page in pages:
        text = (out / page).read_text(encoding="utf-8")
        assert external_loads(text) == [], page
        assert "cdnjs" not in text and "jsdelivr" not in text, page
    # Every article text the kit holds is on the articles page, with its version.
    import cstokit

    articles = html.unescape(" ".join((out / "articles.html").read_text(encoding="utf-8").split()))
    for row in cstokit.articles().itertuples():
        assert f"version: {row.version}" in articles
        assert " ".join(str(row.text).split()[:6]) in articles


def test_articles_page_gives_each_wording_its_instrument_dates_and_partial_note():
    import cstokit
    from cstokit._export import _articles_page

    page = _articles_page()
    treaties = {part.split('"')[0]: part for part in page.split('<h2 id="')[1:]}
    rows = cstokit.articles()
    assert page.count('<div class="cstokit-article" ') == len(rows)
    for row in rows.itertuples():
        blocks = treaties[row.treaty_id].split('<div class="cstokit-article" ')[1:]
        blocks = [html.unescape(" ".join(b.split())) for b in blocks]
        heading = f"<h3>Article {row.article} <span"
        wording = f"version: {row.version}</span>"
        (block,) = [
            b
            for b in blocks
            if b.startswith(f'lang="{row.language}"') and heading in b and wording in b
        ]
        assert " ".join(str(row.text).split()[:6]) in block
        assert f"Set by the {row.instrument}" in block
        ending = f" to {row.valid_to}." if isinstance(row.valid_to, str) else " (in force)."
        assert f"applied from {row.valid_from}{ending}" in block
        assert ("Partial text" in block) == bool(row.partial), (row.treaty_id, row.article)
    assert page.count('<nav class="cstokit-nav"><a href="index.html">') == 1


@pytest.mark.browser
@pytest.mark.slow
def test_exported_pages_open_offline(exported):
    chromium = chromium_or_skip()
    out = exported[0]
    pages = sorted(out.glob("*.html"))
    with browser_page(chromium) as (page, log):
        for path in pages:
            page.goto(path.as_uri())
            page.wait_for_function(
                "document.querySelectorAll('.plotly-graph-div').length =="
                " document.querySelectorAll('.js-plotly-plot').length",
                timeout=30_000,
            )
            shapes = page.evaluate(COUNT_MAP_SHAPES)
            if MAP_PAGES.match(path.name):
                assert shapes["geos"] >= 1 and shapes["countries"] >= 1, (path.name, shapes)
                assert shapes["globeFilling"] == 0, (path.name, shapes)
            if path.name.startswith(("contributions-", "timeline-", "invocations")):
                assert page.locator(".js-plotly-plot .scatterlayer .point").count() > 0, path.name
            assert page.errors == [], (path.name, page.errors)
        # The in-browser slider works from file:// with the shared outline.
        page.goto((out / "members-nato.html").as_uri())
        page.wait_for_selector(".js-plotly-plot .geo")
        drawn = "document.querySelectorAll('.choroplethlocation').length"
        first = page.evaluate(drawn)
        page.evaluate(
            """() => { const gd = document.querySelector('.js-plotly-plot');
            const names = gd._transitionData._frames.map(f => f.name);
            return Plotly.animate(gd, [names[names.length - 1]],
              {mode: 'immediate', frame: {duration: 0, redraw: true}, transition: {duration: 0}}); }"""
        )
        page.wait_for_function(f"{drawn} > {first}", timeout=15_000)
        assert page.errors == []
    assert log.outside == [], log.outside


# -- the folder is the user's: refusals, manifest, what is never deleted ----------------------


@pytest.fixture
def tiny(monkeypatch):
    """export() with a two-page plan, built in this process: the folder rules, quickly."""
    from cstokit import _export

    pages = {"assets/plotly.min.js": "/* plotly */", "a.html": "<p>a</p>"}

    def plan(include_notebooks=True, workdir=None):
        return [
            _export.Page(rel, rel, "assets" if rel.endswith(".js") else "S", lambda t=text: t)
            for rel, text in pages.items()
        ]

    monkeypatch.setattr(_export, "plan", plan)
    monkeypatch.setenv("CSTOKIT_EXPORT_WORKERS", "1")
    return _export, pages


def _manifest(folder: Path) -> list[str]:
    return json.loads((folder / MANIFEST).read_text())["files"]


def test_refuses_a_folder_with_other_files(tiny, tmp_path):
    export, _ = tiny
    out = tmp_path / "stick"
    out.mkdir()
    (out / "homework.docx").write_text("mine")
    with pytest.raises(FileExistsError, match=r"homework\.docx.*--overwrite"):
        export.export(out, notebooks=False)
    assert sorted(p.name for p in out.iterdir()) == ["homework.docx"]


def test_refuses_an_earlier_export_without_overwrite(tiny, tmp_path):
    export, _ = tiny
    out = tmp_path / "out"
    export.export(out, notebooks=False)
    with pytest.raises(FileExistsError, match="earlier export"):
        export.export(out, notebooks=False)


def test_overwrite_never_touches_what_it_did_not_write(tiny, tmp_path):
    export, pages = tiny
    out = tmp_path / "out"
    export.export(out, notebooks=False)
    assert set(_manifest(out)) == {"assets/plotly.min.js", "a.html", "index.html"}
    (out / "notes.txt").write_text("the teacher's")
    (out / "assets" / "logo.png").write_bytes(b"png")
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    # A manifest edited to name files outside the folder must not make it delete them.
    manifest = json.loads((out / MANIFEST).read_text())
    manifest["files"] += ["../outside.txt", str(outside)]
    (out / MANIFEST).write_text(json.dumps(manifest))
    # The next export no longer has a.html: the kit's own old page goes, nothing else does.
    del pages["a.html"]
    pages["b.html"] = "<p>b</p>"
    result = export.export(out, overwrite=True, notebooks=False)
    assert (out / "notes.txt").read_text() == "the teacher's"
    assert (out / "assets" / "logo.png").read_bytes() == b"png"
    assert outside.read_text() == "keep"
    assert not (out / "a.html").exists() and (out / "b.html").exists()
    assert result.removed == ["a.html"]
    assert sorted(result.kept) == ["assets/logo.png", "notes.txt"]
    assert set(_manifest(out)) == {"assets/plotly.min.js", "b.html", "index.html"}


def test_overwrite_refuses_to_replace_a_file_it_did_not_write(tiny, tmp_path):
    export, _ = tiny
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("the school's own index")
    with pytest.raises(FileExistsError, match=r"index\.html.*did not write"):
        export.export(out, overwrite=True, notebooks=False)
    assert (out / "index.html").read_text() == "the school's own index"
    assert not (out / MANIFEST).exists()


def test_never_writes_into_data(tiny, data_copy):
    export, _ = tiny
    with pytest.raises(FileExistsError, match="data/"):
        export.export(data_copy / "export", overwrite=True, notebooks=False)
    assert not (data_copy / "export").exists()


@pytest.mark.slow
def test_cli_refusal_explains_and_exits_2(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "photo.jpg").write_bytes(b"jpg")
    run = subprocess.run(
        [CSTOKIT, "export", "--out", str(out), "--no-notebooks"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2
    assert "refused" in run.stderr and "photo.jpg" in run.stderr and "--overwrite" in run.stderr
    assert sorted(p.name for p in out.iterdir()) == ["photo.jpg"]
