"""Maps in real JupyterLab, in real Chromium: drawn live, after the slider moves, after a
save and reopen, and from a notebook executed headless; never a request off the machine."""

from __future__ import annotations

import json

import nbformat
import pytest
from browser import COUNT_MAP_SHAPES, browser_page
from conftest import chromium_or_skip
from servers import jupyter_lab

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CELLS = [
    "import cstokit\ncstokit.member_map('cst', '2022-01-06')",
    "cstokit.membership_animation('nato', 1949, 2024, 5)",
]


def _notebook(path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in CELLS]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


def _wait_for_maps(page, n, timeout=90_000):
    page.wait_for_function(
        f"document.querySelectorAll('.js-plotly-plot .geo').length >= {n}"
        " && document.querySelectorAll('.choroplethlocation').length > 5",
        timeout=timeout,
    )
    page.wait_for_timeout(1000)
    return page.evaluate(COUNT_MAP_SHAPES)


def _open(page, base, token, name):
    page.goto(f"{base}/lab/tree/{name}?token={token}")
    page.wait_for_selector(".jp-Notebook", timeout=90_000)


def _run_all(page):
    # Wait until the kernel is up, as a student would before pressing Run All.
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=90_000)
    page.locator(".jp-Notebook").first.click()
    page.keyboard.press("Escape")
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()


def _move_slider(page):
    """Click the end of the animation slider's rail; return (year shown, countries drawn)."""
    rail = page.locator(".slider-rail-rect").first
    box = rail.bounding_box()
    page.mouse.click(box["x"] + box["width"] - 2, box["y"] + box["height"] / 2)
    page.wait_for_timeout(1500)
    return page.locator(".slider-group .current-value, .slider-container text").all_inner_texts()


def test_maps_draw_live_move_and_survive_a_reopen(tmp_path):
    chromium = chromium_or_skip()
    _notebook(tmp_path / "maps.ipynb")
    with jupyter_lab(tmp_path) as (base, token), browser_page(chromium) as (page, log):
        _open(page, base, token, "maps.ipynb")
        _run_all(page)
        _wait_for_maps(page, 1)
        page.locator(".jp-Cell").last.scroll_into_view_if_needed()
        live = _wait_for_maps(page, 2)
        assert live["countries"] >= 6 and live["globeFilling"] == 0, live
        assert live["borders"] >= 2, live  # the outline file's country borders were drawn

        before = page.evaluate(COUNT_MAP_SHAPES)["countries"]
        _move_slider(page)
        after = page.evaluate(COUNT_MAP_SHAPES)["countries"]
        assert after > before, (before, after)  # NATO grew between 1949 and 2024

        page.keyboard.press("Control+s")
        page.wait_for_timeout(1500)
        saved = json.loads((tmp_path / "maps.ipynb").read_text())
        bundles = [o for c in saved["cells"] for o in c.get("outputs", [])]
        assert any("application/vnd.plotly.v1+json" in o.get("data", {}) for o in bundles)

        page.reload()
        page.wait_for_selector(".jp-Notebook", timeout=90_000)
        reopened = _wait_for_maps(page, 1)
        # JupyterLab renders only the cells in view: bring the animation in too.
        page.locator(".jp-Cell").last.scroll_into_view_if_needed()
        reopened = _wait_for_maps(page, 2)
        assert reopened["countries"] >= 6 and reopened["globeFilling"] == 0, reopened
        assert not page.errors, page.errors
    assert log.outside == [], log.outside[:10]


def test_a_notebook_executed_headless_shows_its_maps_when_opened(tmp_path):
    chromium = chromium_or_skip()
    from nbclient import NotebookClient

    path = tmp_path / "executed.ipynb"
    _notebook(path)
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    nbformat.write(nb, path)
    with jupyter_lab(tmp_path) as (base, token), browser_page(chromium) as (page, log):
        _open(page, base, token, "executed.ipynb")
        _wait_for_maps(page, 1)
        page.locator(".jp-Cell").last.scroll_into_view_if_needed()
        shapes = _wait_for_maps(page, 2)
        assert shapes["countries"] >= 6 and shapes["globeFilling"] == 0, shapes
    assert log.outside == [], log.outside[:10]


def test_save_hook_drops_only_the_snapshots_of_kit_figures():
    from cstokit._server import PLOTLY_MIME, drop_kit_snapshots

    kit = {"data": [], "layout": {"meta": {"cstokit": True}}}
    other = {"data": [], "layout": {}}
    model = {
        "type": "notebook",
        "content": {
            "cells": [
                {"cell_type": "code", "outputs": [{"data": {PLOTLY_MIME: kit, "image/png": "x"}}]},
                {
                    "cell_type": "code",
                    "outputs": [{"data": {PLOTLY_MIME: other, "image/png": "y"}}],
                },
                {"cell_type": "markdown", "source": "text"},
            ]
        },
    }
    drop_kit_snapshots(model)
    first, second = (c["outputs"][0]["data"] for c in model["content"]["cells"][:2])
    assert "image/png" not in first and first[PLOTLY_MIME] == kit
    assert second["image/png"] == "y"


def test_the_comparison_grid_is_filled_and_checked_in_jupyterlab(tmp_path):
    """The grid a student meets in 02: drop-downs in live JupyterLab, Check, feedback that
    quotes the deciding words; no request off the machine."""
    chromium = chromium_or_skip()
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('import cstokit\ncstokit.exercise("treaty_grid")')]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, tmp_path / "grid.ipynb")
    with jupyter_lab(tmp_path) as (base, token), browser_page(chromium, (1280, 720)) as (page, log):
        _open(page, base, token, "grid.ipynb")
        _run_all(page)
        first = page.locator(".jp-OutputArea select").first
        first.wait_for(timeout=90_000)
        assert (
            page.locator(".jp-OutputArea select").count() == 4 * 7
        )  # four treaties, seven columns
        first.select_option(label="an armed attack")  # NATO's trigger
        page.locator(".jp-OutputArea button.widget-button", has_text="Check").click()
        feedback = page.locator(".cstokit-feedback, .jp-OutputArea-output").filter(
            has_text="1 of 28 cells"
        )
        feedback.first.wait_for(timeout=30_000)
        text = feedback.first.inner_text()
        assert (
            "The deciding words" in text and "an armed attack against one or more of them" in text
        )
        page.screenshot(path=str(tmp_path / "grid.png"))
        assert log.outside == []
