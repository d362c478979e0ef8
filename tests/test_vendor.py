"""The vendored plotly.js geo bundle matches the plotly.js that plotly (Python) writes figures for."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import plotly.offline

import cstokit
from cstokit._figures import GEO_BUNDLE, GEO_BUNDLE_TRACES, needs_full_plotly, trace_types


def _version(js: str) -> str:
    return re.search(r"plotly\.js(?: \(geo - minified\))? v(\d+\.\d+\.\d+)", js[:300]).group(1)


def test_the_geo_bundle_is_the_same_plotly_js_version():
    # After a plotly upgrade this fails until `python tools/vendor_plotly.py` is run.
    assert _version(GEO_BUNDLE.read_text()) == _version(plotly.offline.get_plotlyjs())
    assert (GEO_BUNDLE.parent / "plotly.js-LICENSE.txt").read_text().startswith("MIT License")


def test_every_kit_figure_fits_the_geo_bundle():
    figures = [
        cstokit.member_map("nato", "2024-12-31"),
        cstokit.membership_animation(["nato", "warsaw_pact"], 1989, 1991),
        cstokit.deployment_map("csto_kaz_2022"),
        cstokit.contributions_chart("csto_kaz_2022"),
        cstokit.timeline("csto_kaz_2022"),
        cstokit.timeline("csto_kaz_2022", records=True),
        cstokit.invocations_chart(),
        cstokit.invocations_chart(records=True),
    ]
    for fig in figures:
        assert trace_types(fig) <= GEO_BUNDLE_TRACES, trace_types(fig)
    assert not needs_full_plotly(figures)


def test_a_students_bar_chart_gets_the_full_bundle(tmp_path):
    bar = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    assert needs_full_plotly([bar])
    page = cstokit.save_html(bar, tmp_path / "bar.html").read_text()
    assert "plotly.js v" in page and "geo - minified" not in page
    kit = cstokit.save_html(cstokit.timeline("csto_kaz_2022"), tmp_path / "t.html").read_text()
    assert "geo - minified" in kit
