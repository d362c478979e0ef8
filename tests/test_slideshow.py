"""The export's slideshow: teacher mode's scenes in one page, with no Python and no network."""

from __future__ import annotations

import re

import pytest
from browser import DECK_SCENE, SCENE_DRAWN, browser_page, step_through_deck
from conftest import chromium_or_skip

SIZES = [(1280, 720), (1920, 1080)]


@pytest.fixture(scope="module")
def slideshow(tmp_path_factory):
    from cstokit._export import OUTLINE_JS, PLOTLY_GEO_JS, _slideshow_page
    from cstokit._figures import plotly_js
    from cstokit._geo import geo_assets_js

    out = tmp_path_factory.mktemp("slideshow")
    (out / "assets").mkdir()
    (out / PLOTLY_GEO_JS).write_text(plotly_js(full=False), encoding="utf-8")
    (out / OUTLINE_JS).write_text(geo_assets_js(), encoding="utf-8")
    page = out / "slideshow.html"
    page.write_text(_slideshow_page(), encoding="utf-8")
    return page


def test_the_slideshow_holds_every_scene_and_the_deck_script(slideshow):
    from cstokit._scenes import SCENES

    text = slideshow.read_text(encoding="utf-8")
    assert text.count('<section class="cstokit-scene ') == len(SCENES)
    assert "window.cstokitDeck" in text and "cstokit-figure-json" in text
    # Nothing is loaded from outside the folder (the sources' addresses are text to read).
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_slide_fits_from_file(slideshow, size):
    chromium = chromium_or_skip()
    with browser_page(chromium, viewport=size) as (page, log):
        page.goto(slideshow.as_uri())
        page.wait_for_function(DECK_SCENE)
        problems = step_through_deck(page, f"{size[0]}x{size[1]}")
        assert problems == [], "\n".join(problems)
        # The animation's own slider works in the page.
        page.keyboard.press("8")
        page.keyboard.press("Enter")
        page.wait_for_function(SCENE_DRAWN)
        assert page.locator(".cstokit-current .slider-container").count() == 1
        assert page.errors == []
    assert log.outside == [], log.outside


@pytest.mark.browser
@pytest.mark.slow
def test_the_slideshow_answers_the_same_keys(slideshow):
    chromium = chromium_or_skip()
    with browser_page(chromium, viewport=(1280, 720)) as (page, log):
        page.goto(slideshow.as_uri() + "#6")
        page.wait_for_function(DECK_SCENE)
        assert page.evaluate(DECK_SCENE) == "6"  # the address keeps the scene
        # The fact-check: → shows the verdict, → again the next claim.
        verdict = page.locator(".cstokit-current .cstokit-frame.cstokit-current .cstokit-verdict")
        assert not verdict.is_visible()
        page.keyboard.press("ArrowRight")
        assert verdict.is_visible()
        later = page.locator(".cstokit-current .cstokit-frame.cstokit-current .cstokit-later")
        assert not later.is_visible()  # what was learned later comes after the verdict
        page.keyboard.press("ArrowRight")
        assert later.is_visible()
        page.keyboard.press("ArrowRight")
        assert (
            "Claim 2 of 11"
            in page.locator(".cstokit-current .cstokit-frame.cstokit-current h2").inner_text()
        )
        page.keyboard.press("End")
        assert page.evaluate(DECK_SCENE) == "9"
        page.keyboard.press("3")
        page.keyboard.press("Enter")
        assert page.evaluate(DECK_SCENE) == "3"
        # The article's two languages are frames here (teacher mode has a control instead).
        russian = ".cstokit-current .cstokit-article-variant.cstokit-current [lang=ru]"
        assert page.locator(russian).count() == 1  # the authentic 1992 text first
        page.keyboard.press("ArrowRight")
        assert page.locator(russian).count() == 0
        page.keyboard.press("i")
        assert page.locator(".cstokit-index.cstokit-open li").count() == 9
        page.locator(".cstokit-index li[data-n='5']").click()
        assert page.evaluate(DECK_SCENE) == "5"
        page.keyboard.press("b")
        assert page.locator(".cstokit-blank.cstokit-open").is_visible()
        assert page.errors == []
    assert log.outside == [], log.outside
