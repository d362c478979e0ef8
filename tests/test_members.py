"""members_at and friends answer from the dated membership events."""

from __future__ import annotations

import datetime as dt

import pytest

import cstokit
from cstokit import DateFormatError, UnknownIdError


def iso3s(frame):
    return sorted(frame["iso3"])


def test_cst_members_when_kazakhstan_asked_for_help():
    assert iso3s(cstokit.members_at("cst", "2022-01-06")) == [
        "ARM",
        "BLR",
        "KAZ",
        "KGZ",
        "RUS",
        "TJK",
    ]


def test_cst_signatories_become_members_at_entry_into_force():
    before = cstokit.members_at("cst", "1993-06-01", include="all")
    assert set(before["status"]) == {"signatory"}
    after = cstokit.members_at("cst", "1994-05-01")
    assert {"ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"} == set(after["iso3"])


def test_cst_1999_non_renewals_and_uzbekistan_in_and_out():
    assert {"AZE", "GEO", "UZB"}.isdisjoint(iso3s(cstokit.members_at("cst", "2000-01-01")))
    assert "UZB" in iso3s(cstokit.members_at("cst", "2007-01-01"))
    everyone = cstokit.members_at("cst", "2013-06-01", include="all").set_index("iso3")
    assert everyone.loc["UZB", "status"] == "suspended"
    assert "UZB" not in iso3s(cstokit.members_at("cst", "2013-06-01"))


def test_armenia_frozen_is_still_a_party():
    now = cstokit.members_at("cst", "2025-01-01").set_index("iso3")
    assert now.loc["ARM", "status"] == "frozen"
    assert now.loc["RUS", "status"] == "member"


def test_nato_has_32_members_after_sweden_joined():
    members = cstokit.members_at("nato", "2024-12-31")
    assert len(members) == 32
    assert {"FIN", "SWE", "MKD", "MNE"} <= set(members["iso3"])


def test_france_outside_integrated_command_stayed_a_member():
    row = cstokit.members_at("nato", "1980-01-01").set_index("iso3").loc["FRA"]
    assert row["status"] == "member"
    assert row["event"] == "left-integrated-command"
    assert row["since"] == "1949-08-24"


def test_warsaw_pact_through_its_life():
    assert len(cstokit.members_at("warsaw_pact", "1960-01-01")) == 8
    late = iso3s(cstokit.members_at("warsaw_pact", "1991-01-01"))
    assert "DDR" not in late and "ALB" not in late and "SUN" in late
    assert cstokit.members_at("warsaw_pact", "1995-01-01").empty


@pytest.mark.parametrize(
    "treaty", ["cst", "csto_charter", "nato", "warsaw_pact", "rio", "anzus", "seato", "teu"]
)
def test_every_treaty_has_members_during_its_life(treaty):
    row = cstokit.load("treaties").set_index("treaty_id").loc[treaty]
    day = cstokit._dates.to_date(row["in_force"]) + dt.timedelta(days=1)
    frame = cstokit.members_at(treaty, day)
    assert len(frame) >= 3
    assert frame["source_id"].notna().all()


def test_date_before_the_treaty_gives_an_empty_result():
    frame = cstokit.members_at("nato", "1940-01-01", include="all")
    assert frame.empty and list(frame.columns)[:3] == ["iso3", "name_en", "status"]


def test_date_objects_and_partial_dates_work():
    a = cstokit.members_at("nato", dt.date(2000, 1, 1))
    b = cstokit.members_at("nato", "2000")
    assert iso3s(a) == iso3s(b) and len(a) == 19


def test_unknown_treaty_lists_the_valid_ids_and_the_closest():
    with pytest.raises(UnknownIdError) as err:
        cstokit.members_at("natoo", "2024-01-01")
    message = str(err.value)
    assert "Did you mean 'nato'?" in message
    for tid in ("cst", "warsaw_pact", "teu"):
        assert tid in message
    assert isinstance(err.value, ValueError)


@pytest.mark.parametrize("bad", ["06/01/2022", "2022-13-01", "2022-02-30", "yesterday", ""])
def test_bad_dates_show_the_expected_format(bad):
    with pytest.raises(DateFormatError, match="YYYY-MM-DD"):
        cstokit.members_at("cst", bad)


def test_membership_changes_are_in_date_order_with_names():
    changes = cstokit.membership_changes("warsaw_pact")
    dates = changes["date"].map(cstokit._dates.to_date)
    assert dates.is_monotonic_increasing
    assert "Soviet Union" in set(changes["name_en"])
