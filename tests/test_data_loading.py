"""Loaders verify hashes, give typed frames, never write into data/."""

from __future__ import annotations

import pytest

import cstokit
from cstokit import DataIntegrityError, UnknownIdError


def test_every_dataset_loads_with_its_documented_columns():
    catalogue = {r["name"]: r for r in cstokit._data.catalogue()["resources"]}
    for row in cstokit.datasets().itertuples():
        frame = cstokit.load(row.name)
        if row.name == "world_outline":
            assert frame["type"] == "Topology" and frame["objects"], row.name
            continue
        documented = [f["name"] for f in catalogue[row.name]["schema"]["fields"]]
        assert list(frame.columns) == documented, row.name
        assert row.columns == ", ".join(documented)
        if "rows" in catalogue[row.name]:
            assert len(frame) == catalogue[row.name]["rows"], row.name
        else:
            assert len(frame) > 0, row.name


def test_contributions_personnel_is_an_integer_column():
    frame = cstokit.load("contributions")
    assert str(frame["personnel"].dtype) == "Int64"


def test_countries_is_a_geodataframe():
    import geopandas

    assert isinstance(cstokit.load("countries"), geopandas.GeoDataFrame)


def test_loaded_frames_are_copies():
    first = cstokit.load("treaties")
    first.loc[0, "name_en"] = "changed"
    assert cstokit.load("treaties").loc[0, "name_en"] != "changed"


def test_a_file_changed_by_one_byte_is_refused_with_both_hashes(data_copy):
    path = data_copy / "contributions.csv"
    raw = bytearray(path.read_bytes())
    raw[-2] = ord("9") if raw[-2] != ord("9") else ord("8")
    path.write_bytes(bytes(raw))
    before = {p.name: p.read_bytes() for p in data_copy.iterdir() if p.is_file()}
    with pytest.raises(DataIntegrityError) as err:
        cstokit.load("contributions")
    message = str(err.value)
    assert "data/contributions.csv" in message
    assert message.count("sha256") >= 2
    assert "git checkout -- data/contributions.csv" in message
    after = {p.name: p.read_bytes() for p in data_copy.iterdir() if p.is_file()}
    assert before == after  # nothing written


def test_a_missing_file_says_how_to_restore_it(data_copy):
    (data_copy / "events.csv").unlink()
    with pytest.raises(DataIntegrityError, match="missing"):
        cstokit.load("events")


def test_a_damaged_catalogue_is_reported(data_copy):
    (data_copy / "datapackage.json").write_text("{ not json")
    with pytest.raises(DataIntegrityError, match="cannot be read as JSON"):
        cstokit.load("treaties")


def test_unknown_dataset_lists_valid_names():
    with pytest.raises(UnknownIdError, match="contributions"):
        cstokit.load("contribution")


def test_cite_gives_one_line_per_distinct_source():
    members = cstokit.members_at("cst", "2022-01-06")
    refs = cstokit.cite(members)
    assert len(refs) == members["source_id"].str.split(";").explode().nunique()
    assert all("http" in line for line in refs)
    assert "<ol" in refs._repr_html_()


def test_article_text_comes_with_its_source():
    text = cstokit.article("cst", 4, language="ru", at="2000-01-01")
    assert "51" in text.text
    assert "https://pavlodar.com" in str(text)
    assert "<blockquote>" in text._repr_html_()


def test_unknown_article_and_language_are_explained():
    with pytest.raises(UnknownIdError, match="article of cst"):
        cstokit.article("cst", 99)
    with pytest.raises(UnknownIdError, match="language"):
        cstokit.article("cst", 4, language="de")
