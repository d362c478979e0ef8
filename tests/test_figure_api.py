"""Every figure function has the same shape: ids named alike, keyword-only height= and
language=, a KitFigure back, and parameter docs from one table."""

from __future__ import annotations

import inspect

import pytest

import cstokit
from cstokit._figure_api import PARAMETERS

FIGURES = {
    "member_map": ("cst", "2022-01-06"),
    "membership_animation": ("nato", 1949, 1951),
    "deployment_map": ("csto_kaz_2022",),
    "contributions_chart": ("csto_kaz_2022",),
    "timeline": ("csto_kaz_2022",),
    "invocations_chart": (),
}


@pytest.mark.parametrize("name", FIGURES)
def test_figure_functions_share_one_signature_and_one_parameter_table(name):
    function = getattr(cstokit, name)
    signature = inspect.signature(function)
    for keyword in ("height", "language"):
        assert signature.parameters[keyword].kind is inspect.Parameter.KEYWORD_ONLY
    assert signature.return_annotation in ("KitFigure", cstokit.KitFigure)
    ids = {p for p in signature.parameters if p.endswith(("_id", "_ids"))}
    assert ids <= {"treaty_id", "treaty_ids", "operation_id"}
    for parameter in signature.parameters:
        kind, text = PARAMETERS.get(parameter) or PARAMETERS["start, end"]
        assert text in function.__doc__, (name, parameter)


@pytest.mark.parametrize("name", FIGURES)
def test_height_and_language_apply_to_this_figure_only(name):
    fig = getattr(cstokit, name)(*FIGURES[name], height=480, language="fr")
    assert isinstance(fig, cstokit.KitFigure)
    assert fig.layout.height == 480
    assert cstokit._text.get_language() == "en"  # the choice did not leak


def test_a_bad_height_or_language_is_explained():
    with pytest.raises(cstokit.CstokitError, match="whole number of pixels"):
        cstokit.member_map("cst", "2022-01-06", height="big")
    with pytest.raises(cstokit.UnknownIdError, match="Valid language ids: en, fr"):
        cstokit.member_map("cst", "2022-01-06", language="de")
