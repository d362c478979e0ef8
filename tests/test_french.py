"""The French edition: one string table in two languages, French figures and feedback with no
English wording of the kit's own, authentic French treaty texts, and French notebooks that
stay in step with the English ones. Browser tests open a French export and the French deck.
"""

from __future__ import annotations

import json
import os
import re
import string
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from browser import DECK_LIVE, browser_page, step_through_deck
from conftest import ROOT, chromium_or_skip
from servers import Present, free_port

import cstokit
from cstokit._text import LANGUAGES, STRINGS

NOTEBOOKS = ROOT / "notebooks"
FRENCH = NOTEBOOKS / "fr"
CSTOKIT = str(Path(sys.executable).with_name("cstokit"))

# The two editions, lesson by lesson and teacher file by teacher file.
LESSONS = {
    "00_start_here.ipynb": "00_commencer_ici.ipynb",
    "01_kazakhstan_2022.ipynb": "01_kazakhstan_2022.ipynb",
    "01b_reading_the_press.ipynb": "01b_lire_la_presse.ipynb",
    "02_reading_the_treaties.ipynb": "02_lire_les_traites.ipynb",
    "03_members_through_time.ipynb": "03_les_membres_dans_le_temps.ipynb",
    "04_invoking_the_clauses.ipynb": "04_invoquer_les_clauses.ipynb",
    "05_compare_and_argue.ipynb": "05_comparer_et_argumenter.ipynb",
}
TEACHER = {
    "guide.ipynb": "guide.ipynb",
    "answers.ipynb": "corrige.ipynb",
    "dashboard.ipynb": "tableau_de_bord.ipynb",
    "crisis_context.md": "contexte_de_la_crise.md",
    "differentiation.md": "differenciation.md",
    "grid_formulas.md": "grille_formules.md",
    "grid_mistakes.md": "grille_erreurs.md",
    "lateral_reading.md": "lecture_laterale.md",
    "law_explainer.md": "le_droit_explique.md",
    "lesson_plan.md": "plan_des_seances.md",
    "model_answer_case_question.md": "reponse_modele_question_de_cas.md",
    "readings.md": "lectures.md",
    "request_and_decision.md": "demande_et_decision.md",
    "roleplay_csc_2022.md": "jeu_de_role_csc_2022.md",
    "roleplay_nac_2001.md": "jeu_de_role_can_2001.md",
    "rubric.md": "grille_evaluation.md",
    "sensitive_topics.md": "sujets_sensibles.md",
}
# What a student meets in a lesson, by the marker each edition writes it with.
MARKERS = {
    "prompt": (r"\*\*Prompt \d", r"\*\*Consigne \d"),
    "discuss": (r"> \*\*Discuss\.\*\*", r"> \*\*Discutez\.\*\*"),
    "step": (r"\*\*Step \d", r"\*\*Étape \d"),
    "exit": (r"^## Exit ticket", r"^## Ticket de sortie"),
    "answer": (r"^\*\*Your answer\*\*", r"^\*\*Votre réponse\*\*"),
    "key points": (r"^## Key points", r"^## À retenir"),
}
EXERCISE_CALL = re.compile(r"cstokit\.(exercise|check)\(\s*\"([a-z0-9_]+)\"")

# English words that no French label, caption or feedback of the kit's own may contain. Quoted
# words (a source's headline, an English treaty text, the equipment a source lists) are cut out
# before looking, and so are source labels (a publisher's name is a name).
ENGLISH = re.compile(
    r"\b(the|and|of|with|from|which|was|were|members?|since|until|troops|requested|"
    r"decided|decision|official|reposts?|independent|shown|click|hover|years?|months?|"
    r"borders?|signed|party|treaty|days|planned|deployed|reported|estimate|outcome|"
    r"cases?|none|not|by|to|for|at|is|are|who|sent|where|answer|correct|wrong|"
    r"right|choices?|expected|partly|yet|held|state|states)\b"
)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»|'[^']{3,}'|<i>[^<]*</i>")
SOURCE_LABEL = re.compile(r"(Sources?|La meilleure|la meilleure|Cité d'après)\s?:[^<\n]*")


def _publishers() -> list[str]:
    names = cstokit.load("sources")["publisher"].dropna().unique()
    return sorted(map(str, names), key=len, reverse=True)  # longest first: no partial cut


def _kit_words(text: str) -> str:
    """The kit's own wording in a text: markup, quotations, publishers' names, source labels
    removed."""
    text = re.sub(r"<[^>]+>", " ", text)
    for name in PUBLISHERS:
        text = text.replace(name, " ")
    text = SOURCE_LABEL.sub(" ", QUOTED.sub(" ", text))
    text = re.sub(r"\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b", " ", text)  # ids: sources, claims, cases
    return re.sub(r"https?://\S+", " ", text)


def _english(text: str) -> list[str]:
    return sorted({m.group(0) for m in ENGLISH.finditer(_kit_words(text))})


PUBLISHERS = _publishers()


@pytest.fixture
def french():
    cstokit.set_language("fr")
    yield
    cstokit.set_language("en")


# -- one string table ------------------------------------------------------------------------


def test_every_string_has_every_language_with_the_same_placeholders():
    fields = string.Formatter()
    for key, entry in STRINGS.items():
        assert set(entry) == set(LANGUAGES), f"{key}: languages {sorted(entry)}"
        names = {
            lang: {f for _, f, _, _ in fields.parse(text) if f} for lang, text in entry.items()
        }
        assert names["fr"] == names["en"], key
        assert all(text.strip() or key.endswith("colon") for text in entry.values()), key


def test_the_command_line_offers_the_kits_languages():
    from cstokit import _cli

    assert _cli.LANGUAGES == LANGUAGES


def test_a_missing_key_in_one_language_falls_back_rather_than_showing_its_name(monkeypatch):
    monkeypatch.setitem(STRINGS, "test.only_english", {"en": "Only English"})
    from cstokit._text import t

    assert t("test.only_english", language="fr") == "Only English"


# -- French figures, exercises, errors, texts ----------------------------------------------


def _figure_texts(fig) -> list[str]:
    """Every text a reader meets on a figure: titles, legend, axes, annotations, hover text."""
    data = json.loads(fig.to_json())
    found: list[str] = []

    def walk(node, key=""):
        if isinstance(node, dict):
            for k, v in node.items():
                if k not in ("geojson", "locations", "x", "y", "lat", "lon", "ids", "legendgroup"):
                    walk(v, k)
        elif isinstance(node, list):
            for v in node:
                walk(v, key)
        elif isinstance(node, str) and key in (
            "text",
            "name",
            "hovertemplate",
            "customdata",
            "texttemplate",
            "label",
            "prefix",
        ):
            found.append(node)

    walk(data)
    found.append(fig.caption or "")
    return found


FIGURES = {
    "member_map": lambda: cstokit.member_map("cst", "2022-01-06"),
    "nato_map": lambda: cstokit.member_map("nato", "1982-06-01"),
    "animation": lambda: cstokit.membership_animation(["nato", "warsaw_pact"], 1954, 1956),
    "deployment": lambda: cstokit.deployment_map("csto_kaz_2022"),
    "contributions": lambda: cstokit.contributions_chart("csto_kaz_2022"),
    "timeline": lambda: cstokit.timeline("csto_kaz_2022"),
    "timeline_records": lambda: cstokit.timeline("csto_kaz_2022", records=True),
    "invocations": lambda: cstokit.invocations_chart(),
    "invocation_records": lambda: cstokit.invocations_chart(records=True),
}


@pytest.mark.parametrize("name", FIGURES)
def test_french_figures_carry_no_english_wording_of_the_kit(french, name):
    fig = FIGURES[name]()
    leaks = {t[:90]: _english(t) for t in _figure_texts(fig) if _english(t)}
    assert leaks == {}, leaks
    assert re.search(r"[éèàç]", fig.layout.title.text + fig.layout.title.subtitle.text), name


def test_french_figures_write_dates_numbers_and_countries_the_french_way(french):
    nato = cstokit.member_map("nato", "2025-06-01")
    assert "1er juin 2025" in nato.layout.title.text
    hover = " ".join(str(t) for trace in nato.data for t in (trace.text or ()))
    assert "États-Unis" in hover and "Membre depuis le 24 août 1949" in hover
    contributions = " ".join(
        str(t) for trace in cstokit.contributions_chart("csto_kaz_2022").data for t in trace.text
    )
    assert "2\u202f030" in contributions and "Kirghizstan" in contributions
    assert cstokit.country_code if hasattr(cstokit, "country_code") else True
    from cstokit._members import country_code

    assert country_code("Kirghizstan") == country_code("Kirghizistan") == "KGZ"


def test_french_exercises_ask_and_answer_in_french(french):
    for exercise_id in cstokit.exercise_ids():
        question = str(cstokit.exercise(exercise_id))
        feedback = str(cstokit.check(exercise_id, "zzz"))
        for text in (question, feedback):
            body = text.split("Sources :")[0]
            # Code the student types stays code: ids, column names, examples in code.
            body = re.sub(r"`[^`]*`|cstokit\.\w+\([^)]*\)|\{[^}]*\}|\[[^\]]*\]", " ", body)
            body = body.replace("où answer est", " ")  # the variable the code names
            assert _english(body) == [], (exercise_id, _english(body), body[:300])


def test_french_errors_say_what_was_wrong_and_what_is_valid(french):
    with pytest.raises(
        cstokit.UnknownIdError,
        match=r"Identifiant inconnu \(traité\) : 'nat'\. "
        r"Vouliez-vous dire 'nato' \?",
    ):
        cstokit.member_map("nat", "2022-01-06")
    with pytest.raises(cstokit.DateFormatError, match="n'est pas une date que le kit comprend"):
        cstokit.member_map("nato", "06/01/2022")
    with pytest.raises(cstokit.NoDataError, match="Le kit ne détient pas de chronologie"):
        cstokit.timeline("nato_efp_est")
    with pytest.raises(cstokit.UnknownIdError, match="Identifiants valides \\(langue\\) : en, fr"):
        cstokit.set_language("de")


AUTHENTIC_FRENCH = {
    ("nato", "5"): "Les Parties conviennent qu'une attaque armée",
    (
        "un_charter",
        "51",
    ): "Aucune disposition de la présente Charte ne porte atteinte au droit naturel",
    ("teu", "42(7)"): "Au cas où un État membre serait l’objet d’une agression armée",
    ("rio", "3"): "1. Les Hautes Parties Contractantes conviennent qu'une attaque armee",
}


@pytest.mark.parametrize("treaty, number", AUTHENTIC_FRENCH)
def test_in_french_article_quotes_the_authentic_french_text(french, treaty, number):
    text = cstokit.article(treaty, number, at="2022-01-06")
    assert text.language == "fr" and text.notice is None
    assert text.text.startswith(AUTHENTIC_FRENCH[treaty, number])
    assert "translation" not in text.version


def test_without_a_french_text_article_says_so_and_never_passes_a_translation_off(french):
    anzus = cstokit.article("anzus", "IV", at="2022-01-06")
    assert anzus.language == "en" and "un texte authentique" in anzus.notice
    cst = cstokit.article("cst", 4, at="2022-01-06")
    # The kit holds the 2010 wording only in the CSTO's English translation: it says so.
    assert cst.version == "translation-csto" and "non le texte du traité" in cst.notice
    assert "Le kit ne détient ni texte français" in cst._repr_html_()
    cst_1999 = cstokit.article("cst", 4, at="1999-01-01")
    assert cst_1999.language == "ru" and "texte russe" in cst_1999.notice
    assert "fixée par le Traité de sécurité collective (Tachkent, 15 mai 1992)" in str(cst_1999)
    # An explicit language is always honoured.
    assert cstokit.article("nato", 5, "en").language == "en"


def test_english_stays_english():
    assert cstokit.article("nato", 5, at="2022-01-06").language == "en"
    assert "members on 2022-01-06" in cstokit.member_map("cst", "2022-01-06").layout.title.text


# -- the two editions stay in step ---------------------------------------------------------


def _cells(path: Path):
    return nbformat.read(path, as_version=4).cells


def _shape(cells, edition: int) -> list[tuple]:
    """Per cell: its type, the student-facing markers it holds, the exercises it calls."""
    shape = []
    for cell in cells:
        marks = tuple(
            name
            for name, patterns in MARKERS.items()
            if re.search(patterns[edition], cell.source, re.M)
        )
        calls = tuple(EXERCISE_CALL.findall(cell.source)) if cell.cell_type == "code" else ()
        shape.append((cell.cell_type, marks, calls))
    return shape


@pytest.mark.parametrize(
    "english, french_name",
    list(LESSONS.items())
    + [(f"teacher/{e}", f"enseignant/{f}") for e, f in TEACHER.items() if e.endswith(".ipynb")],
)
def test_each_french_notebook_has_the_english_cells_exercises_and_answer_prompts(
    english, french_name
):
    en, fr = _cells(NOTEBOOKS / english), _cells(FRENCH / french_name)
    assert len(en) == len(fr), f"{french_name}: {len(fr)} cells, the English has {len(en)}"
    for i, (a, b) in enumerate(zip(_shape(en, 0), _shape(fr, 1), strict=True)):
        assert a == b, f"{french_name} cell {i}: English {a}, French {b}"
    first_code = next(c.source for c in fr if c.cell_type == "code")
    assert 'set_language("fr")' in first_code or 'language="fr"' in first_code, french_name
    assert all(not c.get("outputs") for c in fr if c.cell_type == "code"), french_name


def test_every_teacher_file_has_its_french_counterpart():
    english = {p.name for p in (NOTEBOOKS / "teacher").iterdir() if p.suffix in (".md", ".ipynb")}
    french = {p.name for p in (FRENCH / "enseignant").iterdir() if p.suffix in (".md", ".ipynb")}
    assert english == set(TEACHER) and french == set(TEACHER.values())
    for name, french_name in TEACHER.items():
        if name.endswith(".md"):
            en = (NOTEBOOKS / "teacher" / name).read_text(encoding="utf-8")
            fr = (FRENCH / "enseignant" / french_name).read_text(encoding="utf-8")
            # The same evidence: every source the English cites, the French cites too.
            missing = _split(en) - _split(fr)
            assert not missing, (name, sorted(missing))


def _split(text: str) -> set[str]:
    return {
        part.strip() for ids in re.findall(r"\[src: ([^\]]+)\]", text) for part in ids.split(";")
    }


# -- in a browser: a French export page and the French deck --------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_a_french_export_shows_french_titles_legends_and_hover_text(tmp_path):
    chromium = chromium_or_skip()
    notebooks = tmp_path / "notebooks"
    for folder, text in (("", "English"), ("fr/", "Français")):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nb.cells = [
            nbformat.v4.new_markdown_cell(f"# {text}"),
            nbformat.v4.new_code_cell('import cstokit\ncstokit.set_language("fr")'),
        ]
        (notebooks / folder).mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, notebooks / folder / "01_lecon.ipynb")
    out = tmp_path / "out"
    env = dict(os.environ, CSTOKIT_NOTEBOOKS_DIR=str(notebooks), JUPYTER_PLATFORM_DIRS="1")
    run = subprocess.run(
        [CSTOKIT, "export", "--out", str(out), "--language", "fr"],
        capture_output=True,
        text=True,
        env=env,
        timeout=400,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in index and "Les parties à des dates clés" in index
    # The French edition of the notebooks, and only it.
    assert (
        "notebook-01_lecon.html" in index
        and "Français" in (out / "notebook-01_lecon.html").read_text()
    )
    with browser_page(chromium, viewport=(1280, 720)) as (page, log):
        page.goto((out / "map-nato-2025-06-01.html").as_uri()) if (
            out / "map-nato-2025-06-01.html"
        ).exists() else page.goto(sorted(out.glob("map-nato-*.html"))[-1].as_uri())
        page.wait_for_selector(".js-plotly-plot .geo")
        title = page.locator(".gtitle").first.text_content()
        legend = page.locator(".legendtext").all_text_contents()
        hover = page.evaluate(
            "() => document.querySelector('.js-plotly-plot').data.flatMap(d => d.text || [])"
        )
        assert "membres au" in title and re.search(
            r"\d+ (janvier|février|mars|avril|mai|juin|"
            r"juillet|août|septembre|octobre|novembre|décembre)",
            title,
        )
        assert "Membre" in legend, legend
        assert any("Membre depuis le" in h for h in hover), hover[:3]
        assert page.inner_text("nav").startswith("←") and "Toutes les pages" in page.inner_text(
            "nav"
        )
        assert page.errors == []
    assert log.outside == [], log.outside


@pytest.mark.browser
@pytest.mark.slow
def test_the_french_deck_speaks_french_and_its_control_switches_language():
    chromium = chromium_or_skip()
    server = Present(free_port(), "--language", "fr")
    try:
        url = server.wait_ready()
        with browser_page(chromium, viewport=(1280, 720)) as (page, log):
            page.goto(url)
            page.wait_for_function(DECK_LIVE, timeout=60_000)
            assert "La crise phase par phase" in page.inner_text(".cstokit-scene.cstokit-current")
            # French runs longer than English: every scene, frame and reveal must still fit.
            problems = step_through_deck(page, "1280x720 fr")
            assert problems == [], "\n".join(problems)
            page.keyboard.press("End")
            page.keyboard.press("Home")
            page.keyboard.type("2")
            page.keyboard.press("Enter")
            page.wait_for_selector(
                ".cstokit-scene.cstokit-current .js-plotly-plot .geo", timeout=60_000
            )
            current = page.locator(".cstokit-scene.cstokit-current")
            assert "Qui était partie à la date" in current.inner_text()
            legend = current.locator(".legendtext").all_text_contents()
            assert "Membre" in legend, legend
            hover = page.evaluate(
                "() => document.querySelector('.cstokit-scene.cstokit-current .js-plotly-plot')"
                ".data.flatMap(d => d.text || [])"
            )
            assert any("Membre depuis le" in h for h in hover), hover[:3]
            # The EN/FR control switches the whole deck.
            current.locator(".cstokit-kit-language button", has_text="EN").click()
            page.wait_for_function(
                "() => document.querySelector('.cstokit-scene.cstokit-current').innerText.includes('Who was a party')",
                timeout=60_000,
            )
            assert page.errors == []
        assert log.outside == [], log.outside
    finally:
        server.stop()


def test_english_columns_stay_english_after_a_french_figure(french):
    # members_at is cached by treaty and date: its name_en column must not depend on who asked
    # first (a French figure built first once left "Ouzbékistan" in it).
    cstokit.member_map("cst", "2021-03-03")
    assert "Uzbekistan" in set(cstokit.members_at("cst", "2021-03-03", include="all")["name_en"])
