"""Teacher mode's scenes, built without a browser: what each holds, and a scene that fails."""

from __future__ import annotations

import html
import re

import pytest

from cstokit import UnknownIdError
from cstokit._data import load
from cstokit._scenes import SCENES, build_scene, scene_keys, scene_spec
from cstokit._text import LANGUAGES, STRINGS


def test_scenes_follow_the_course():
    assert scene_keys() == [
        "timeline", "parties", "article", "contributions", "deployment",
        "factcheck", "grid", "membership", "cases",
    ]  # fmt: skip
    lessons = [spec.lesson for spec in SCENES]
    assert lessons == sorted(lessons), "scenes are grouped by lesson, in course order"
    for spec in SCENES:
        assert spec.title and spec.lesson_title


@pytest.mark.parametrize("key", scene_keys())
def test_every_scene_builds_with_its_sources(key):
    scene = build_scene(key)
    assert scene.error is None, scene.error
    assert scene.figure is not None or scene.body
    assert scene.source_ids, f"{key} names no source"
    assert "sources:" in scene.notes or "source:" in scene.notes
    if scene.figure is not None:
        assert scene.figure.layout.height <= 620  # fits with the header and notes at 720 px


def test_unknown_scene_lists_the_valid_ones():
    with pytest.raises(UnknownIdError) as info:
        scene_spec("timelime")
    assert "timeline" in str(info.value) and "cases" in str(info.value)


def test_a_scene_whose_data_is_missing_says_why_and_the_others_work(monkeypatch):
    import cstokit._scenes
    from cstokit import NoDataError

    real = cstokit._scenes.load

    def broken(name):
        if name == "factcheck":
            raise NoDataError("data/factcheck.csv is missing. Restore it with git.")
        return real(name)

    monkeypatch.setattr(cstokit._scenes, "load", broken)
    scene = build_scene("factcheck")
    assert scene.error and "factcheck.csv is missing" in scene.body
    assert "other scenes still work" in scene.body and "Traceback" not in scene.body
    assert build_scene("timeline").error is None


def test_the_timeline_has_a_frame_per_phase_with_key_events_in_full():
    body = build_scene("timeline").body
    events = load("events").query("operation_id == 'csto_kaz_2022' and key == True")
    assert body.count('class="cstokit-frame"') == events["phase"].nunique()
    for text in events["text_en"]:
        assert text in html.unescape(body)


def test_the_factcheck_reveals_each_claim_in_the_articles_own_words():
    body = build_scene("factcheck").body
    claims = load("factcheck")
    assert body.count('class="cstokit-frame"') == len(claims)
    assert body.count("cstokit-reveal cstokit-verdict") == len(claims)
    # What was learned later is a step of its own, after the verdict.
    assert body.count("cstokit-reveal cstokit-later") == claims["later_en"].notna().sum()
    for row in claims.itertuples():
        assert row.quote_fr in html.unescape(body)  # exact, non-breaking spaces included
    assert "on what was known by 9 January 2022" in html.unescape(body)


def test_the_article_scene_sets_the_wording_in_force_beside_1992():
    body = html.unescape(build_scene("article").body)
    assert "Protocol on amendments" in body and "Tashkent, 15 May 1992" in body
    # Each column says whose text it is; two English translators are flagged as such.
    assert "the CSTO's own translation. The authentic text is Russian." in body
    assert "the kit's translation of the Russian original" in body
    assert "by different translators" in body
    assert "The kit's copy stops here" in body  # the 2010 wording is held in part
    russian = html.unescape(build_scene("article", language="ru").body)
    assert 'lang="ru"' in russian and "Russian: the authentic text." in russian
    both = build_scene("article", language="all").body
    assert both.count("cstokit-article-variant cstokit-frame") == 2  # English, then Russian


def test_the_grid_shows_the_kits_reading_with_its_deciding_words():
    from cstokit._exercises import exercise

    body = html.unescape(build_scene("grid").body)
    assert body.count('<tr class="cstokit-reveal') == 6
    assert "NATO · Art. 5" in body and "Rio Treaty · Art. 3(1)" in body and "OAS" not in body
    assert "The kit's reading of each clause" in body
    key = exercise("treaty_grid").key("nato")
    assert key["trigger"]["words"] in html.unescape(body)
    assert "extension" in body


def test_the_join_scene_shows_the_address_as_a_qr_code():
    scene = build_scene("join", url="http://192.168.1.20:8866/?token=abc", cap=20)
    assert "<svg" in scene.body and "192.168.1.20:8866" in scene.body and "up to 20" in scene.body
    assert "--lan" in build_scene("join").body


def test_every_scene_string_is_in_both_languages():
    keys = [k for k in STRINGS if k.startswith("scene.")]
    assert len(keys) > 40
    for key in keys:
        for language in LANGUAGES:
            assert STRINGS[key].get(language), f"{key} has no {language}"
        placeholders = {lang: set(re.findall(r"{(\w+)}", STRINGS[key][lang])) for lang in LANGUAGES}
        assert len(set(map(frozenset, placeholders.values()))) == 1, key


def test_the_deck_builds_only_its_first_scene_and_follows_its_controls(monkeypatch):
    pytest.importorskip("ipywidgets")
    import IPython.display

    from cstokit._dashboard import Deck

    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: None)
    deck = Deck(join_url="", cap=20)
    assert [v.spec.key for v in deck.views] == scene_keys()
    assert deck.views[0].built is not None
    assert all(v.built is None for v in deck.views[1:])
    parties = deck.view("parties")
    parties.render()
    assert "Collective Security Treaty" in parties.built.figure.layout.title.text
    parties.treaty.value = "nato"
    assert "North Atlantic" in parties.built.figure.layout.title.text
    article = deck.view("article")
    article.render()
    assert 'lang="ru"' not in article.built.body
    article.language.value = "ru"
    assert 'lang="ru"' in article.built.body
    with_join = Deck(join_url="http://10.0.0.2:8866/?token=x", cap=5)
    assert with_join.views[0].spec.key == "join" and "<svg" in with_join.views[0].built.body


def test_kernels_of_one_server_share_the_scenes_they_build(monkeypatch, tmp_path):
    pytest.importorskip("ipywidgets")
    import IPython.display

    import cstokit._scenes
    from cstokit._dashboard import CACHE_ENV, Deck

    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: None)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    first = Deck(join_url="", cap=20).view("cases")
    first.render()
    shared = list(tmp_path.glob("cases-*.json"))
    assert len(shared) == 1 and '"application/vnd.plotly.v1+json"' in shared[0].read_text()

    def not_again(*_a, **_k):
        raise AssertionError("a shared scene was built again")

    monkeypatch.setattr(cstokit._scenes, "build_scene", not_again)
    second = Deck(join_url="", cap=20).view("cases")
    second.render()
    assert second.notes.value == first.notes.value
    # Another choice of a control is another scene; a damaged entry is built again.
    shared[0].write_text("{not json", encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.setattr(IPython.display, "display", lambda *a, **k: None)
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    third = Deck(join_url="", cap=20).view("cases")
    third.render()
    assert third.built.source_ids  # built afresh from data/
