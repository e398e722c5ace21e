"""Outlet colours: colour-blind safe, no yellow, kept by the project, never reassigned by an edit."""

from __future__ import annotations

from core import outlet_colours
from core.outlet_colours import PALETTE, assign


def test_the_palette_has_no_faint_yellow_and_no_repeats():
    assert "#F0E442" not in PALETTE and len(set(PALETTE)) == len(PALETTE) >= 12
    for colour in PALETTE:
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255
        assert luminance < 0.72, colour  # stands out on a white page


def test_new_outlets_take_unused_colours_and_nobody_else_changes():
    first = assign({}, ["Reuters", "AP"])
    later = assign(first, ["Reuters", "AP", "AFP", "BBC"])
    assert {k: later[k] for k in first} == first
    assert len(set(later.values())) == 4
    many = assign({}, [f"Outlet {i:02}" for i in range(20)])
    assert len(many) == 20 and set(many.values()) == set(PALETTE)


def test_a_project_keeps_its_colours_through_an_outlet_edit(seeds_project):
    before = seeds_project.outlet_colours()
    assert set(before) == {"Newsweek", "Yahoo News"}
    newsweek = next(a for a in seeds_project.articles() if a.outlet == "Newsweek")
    seeds_project.edit_article(newsweek.id, outlet="Agence Arbitraire")  # sorts first: a sorted palette would shift
    after = seeds_project.outlet_colours()
    assert after["Yahoo News"] == before["Yahoo News"]
    assert after["Agence Arbitraire"] not in (before["Yahoo News"], before["Newsweek"])
    seeds_project.edit_article(newsweek.id, outlet="Newsweek")  # back: its old colour again
    assert seeds_project.outlet_colours()["Newsweek"] == before["Newsweek"]
    assert outlet_colours.parse(seeds_project.store.get_meta(outlet_colours.META_KEY))["Yahoo News"] == before["Yahoo News"]


def test_an_unreadable_stored_value_counts_as_none():
    assert outlet_colours.parse("not json") == {} and outlet_colours.parse('["#000000"]') == {}


def test_an_outlet_edit_before_analysis_shifts_no_other_colour(tmp_path):
    from core.project import Project
    from tests.conftest import SEEDS

    with Project(tmp_path / "fresh.newsprism", create=True) as project:
        project.import_paths([SEEDS])  # not analysed: no colour kept yet
        before = project.outlet_colours()
        yahoo = next(a for a in project.articles() if a.outlet == "Yahoo News")
        project.edit_article(yahoo.id, outlet="Aardvark Times")  # sorts before Newsweek
        assert project.outlet_colours()["Newsweek"] == before["Newsweek"]
