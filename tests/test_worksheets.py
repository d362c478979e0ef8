"""Printable worksheets: nbconvert's webpdf in Debian's Chromium, offline, one PDF per lesson."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import chromium_or_skip

from cstokit._errors import CstokitError
from cstokit._worksheets import OFFLINE_FLAGS, lessons, worksheets


def test_every_lesson_gets_a_worksheet_and_a_wrong_name_lists_the_lessons(tmp_path):
    assert lessons()[0] == "00_start_here.ipynb" and "01b_reading_the_press.ipynb" in lessons()
    with pytest.raises(CstokitError, match="lessons: 00_start_here.ipynb"):
        worksheets(tmp_path, ["99_nothing.ipynb"])
    assert not any(tmp_path.iterdir())


def test_the_browser_cannot_resolve_any_host():
    assert "--host-resolver-rules=MAP * ~NOTFOUND" in OFFLINE_FLAGS


@pytest.mark.slow
@pytest.mark.browser
def test_a_worksheet_prints_the_whole_lesson_with_its_figures(tmp_path):
    chromium_or_skip()
    said = []
    (pdf,) = worksheets(tmp_path, ["00_start_here.ipynb"], say=said.append)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and said == [f"{pdf} ({len(data) / 1024:.0f} KB)"]
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= 5
    assert not list(tmp_path.glob("*.part"))
    # The text of the last cells is in the PDF: the whole lesson was printed, not cut at a figure.
    text = _text(pdf)
    if text is not None:
        for words in ("Exit ticket", "Your answer", "Key points", "members on 2025-06-01"):
            assert words in text, words


def _text(pdf) -> str | None:
    """The PDF's text via poppler's pdftotext, when the machine has it."""
    try:
        run = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
    except FileNotFoundError:
        return None
    return run.stdout


def test_the_command_line_explains_a_wrong_lesson(tmp_path):
    run = subprocess.run(
        [
            str(Path(sys.executable).parent / "cstokit"),
            "worksheets",
            "--out",
            str(tmp_path),
            "--lesson",
            "x",
        ],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2 and "No lesson named x; lessons:" in run.stderr


def test_the_french_edition_has_its_own_lessons(tmp_path):
    french = lessons("fr")
    assert french[0] == "00_commencer_ici.ipynb" and "01b_lire_la_presse.ipynb" in french
    with pytest.raises(CstokitError, match="Aucune leçon ne s'appelle 00_start_here.ipynb"):
        import cstokit

        cstokit.set_language("fr")
        try:
            worksheets(tmp_path, ["00_start_here.ipynb"])
        finally:
            cstokit.set_language("en")


@pytest.mark.slow
@pytest.mark.browser
def test_a_french_worksheet_prints_the_french_lesson(tmp_path):
    chromium_or_skip()
    (pdf,) = worksheets(tmp_path, ["00_commencer_ici.ipynb"], say=lambda _m: None, language="fr")
    text = _text(pdf)
    if text is not None:
        for words in ("Ticket de sortie", "Votre réponse", "À retenir", "membres au 1er juin 2025"):
            assert words in text, words
