"""Cases, not records: the evidence organised the way a class reads it."""

from __future__ import annotations

import pandas as pd
import pytest

import cstokit
from cstokit._data import enum_values
from cstokit._dates import parse_date, to_date


def test_timeline_draws_phases_and_the_key_events_in_full():
    fig = cstokit.timeline("csto_kaz_2022")
    table = fig.table()
    events = cstokit.load("events")
    key = events[events["key"]]
    assert 10 <= len(key) <= 14
    assert list(table["event_id"]) == list(key.sort_values(["date", "event_id"])["event_id"])
    # Full sentences, not cut with an ellipsis; one band per phase present in the data.
    labels = fig.layout.yaxis.ticktext
    assert all("…" not in label for label in labels)
    assert len(fig.layout.shapes) == events["phase"].nunique()
    assert str(len(events)) in fig.caption and "records=True" in fig.caption


def test_timeline_records_gives_every_event_with_its_source():
    fig = cstokit.timeline("csto_kaz_2022", records=True)
    assert len(fig.table()) == len(cstokit.load("events"))


def test_every_event_has_a_phase_and_a_best_source():
    events = cstokit.load("events")
    assert set(events["phase"]) <= set(enum_values("events", "phase"))
    assert events["best_source_id"].notna().all()


def test_timeline_in_french_names_its_phases_in_french():
    fig = cstokit.timeline("csto_kaz_2022", language="fr")
    names = {trace.name for trace in fig.data}
    assert {"Troubles", "Demande", "Décision", "Déploiement", "Passation", "Retrait"} <= names


def test_an_unknown_operation_lists_the_valid_ones():
    with pytest.raises(cstokit.UnknownIdError, match="csto_kaz_2022"):
        cstokit.timeline("kaz")


CASES = cstokit.cases()
INVOCATIONS = cstokit.load("invocations").set_index("invocation_id")


@pytest.mark.parametrize("case_id", CASES["case_id"])
def test_each_case_has_its_records_dates_in_order_and_an_outcome(case_id):
    case = CASES.set_index("case_id").loc[case_id]
    records = case["records"].split(";")
    assert set(records) <= set(INVOCATIONS.index)
    assert case["best_record"] in records
    assert INVOCATIONS.loc[case["best_record"], "treaty_id"] == case["treaty_id"]
    assert case["outcome"] in enum_values("cases", "outcome")
    if pd.notna(case["decided"]):
        assert to_date(case["requested"]) <= to_date(case["decided"])
        if parse_date(case["requested"])[1] == parse_date(case["decided"])[1] == "day":
            days = (to_date(case["decided"]) - to_date(case["requested"])).days
            assert case["days_to_decision"] == days


def test_a_record_belongs_to_one_case_at_most():
    listed = [r for cell in CASES["records"] for r in cell.split(";")]
    assert len(listed) == len(set(listed))


def test_the_cases_the_course_needs_are_there():
    have = set(CASES["case_id"])
    assert {"nato-a5-2001", "teu-2015", "anzus-2001", "cst-kaz-2022", "cst-kgz-2010"} <= have
    assert {"cst-arm-2021", "cst-arm-2022", "rio-1962", "rio-1982", "rio-2001", "rio-2019"} <= have
    nato_a4 = CASES[(CASES["treaty_id"] == "nato") & (CASES["articles"] == "4")]
    assert len(nato_a4) >= 7


def test_counting_goes_by_case_not_by_record():
    fig = cstokit.invocations_chart()
    assert len(fig.table()) == len(CASES)
    nato_a5 = fig.table().query("treaty_id == 'nato' and articles == '5'")
    assert len(nato_a5) == 1  # NATO's single Article 5 case, however many sources report it
    marks = sum(len(trace.x) for trace in fig.data)
    assert marks == len(CASES)
    records = cstokit.invocations_chart(records=True)
    assert len(records.table()) > len(CASES)


def test_case_records_gives_the_evidence_best_first():
    evidence = cstokit.case_records("nato-a5-2001")
    assert evidence.iloc[0]["best"] and evidence["best"].sum() == 1
    assert {"publisher", "source_kind"} <= set(evidence.columns)


def test_an_unknown_case_lists_the_valid_ones():
    with pytest.raises(cstokit.UnknownIdError, match="nato-a5-2001"):
        cstokit.case_records("nato-2001")


def test_a_case_whose_records_disagree_shows_both_versions():
    disagreeing = CASES[CASES["disagreement"].notna()]
    assert len(disagreeing) > 0
    hover = " ".join(text for trace in cstokit.invocations_chart().data for text in trace.text)
    for text in disagreeing["disagreement"]:
        assert text[:40] in hover.replace("<br>", " ") or "Sources disagree" in hover


def test_a_figure_names_its_sources_in_one_compact_line_with_the_list_one_click_away():
    fig = cstokit.contributions_chart("csto_kaz_2022")
    refs = fig.sources()
    n = fig.table()["source_id"].str.split(";").explode().nunique()
    assert refs.summary.startswith(f"{n} sources: ") and len(refs) == n
    kinds = cstokit.load("sources").set_index("source_id")["kind"]
    official = sum(
        kinds[i] == "official" for i in set(fig.table()["source_id"].str.split(";").explode())
    )
    assert (f"{official} official" in refs.summary) == (official > 0)
    page = refs._repr_html_()
    assert page.startswith("<details") and "<summary>" in page and page.count("<li>") == n
