"""One paper under one name: edition and place suffixes stripped, spellings folded to the project's,
and a project table of outlet aliases the user edits (Python and newsprism-cli)."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from core.cli import main
from core.store.store import ProjectStore
from core.project import Project
from core.text.outlets import normalise_outlet

BODY = "The port reopened on Monday after a week of repairs to the main quay, the harbour master said. Ships queued."


@pytest.mark.parametrize(
    ("printed", "outlet"),
    [("The Guardian (London) - Final Edition", "The Guardian"), ("The Guardian - Final Edition", "The Guardian"),
     ("The Guardian (London)", "The Guardian"), ("The Guardian", "The Guardian"),
     ("Daily Mail (London) - Scotland edition", "Daily Mail"), ("The New York Times - Late Edition - Final", "The New York Times"),
     ("Capital Wire (Madrid) - Final Edition", "Capital Wire"), ("Coastline Post, Late Edition", "Coastline Post"),
     ("Morning Edition", "Morning Edition"), ("The Daily Telegraph (Sydney, Australia) - First Edition", "The Daily Telegraph (Sydney)")],
)
def test_edition_and_place_suffixes_are_stripped(printed, outlet):
    assert normalise_outlet(printed) == outlet


def _table(tmp_path, outlets: list[str], name: str = "rows.csv"):
    rows = [{"title": f"Port story {i}", "text": f"{BODY} Story {i} of {len(outlets)} ({o}).", "outlet": o}
            for i, o in enumerate(outlets)]
    pd.DataFrame(rows).to_csv(tmp_path / name, index=False)
    return tmp_path / name


def test_spellings_of_one_outlet_become_one(tmp_path):
    path = _table(tmp_path, ["The Guardian (London) - Final Edition", "The Guardian", "The Guardian - Final Edition",
                             "Capital Wire", "CAPITAL WIRE", "capital wire - Final Edition"])
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([path])
        assert project.outlets() == ["Capital Wire", "The Guardian"]


def test_the_user_s_aliases_rename_stored_articles_and_later_imports(tmp_path):
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([_table(tmp_path, ["Capital Wire Online", "Capital Wire"], "a.csv")])
        assert project.merge_outlets(["Capital Wire Online"], "Capital Wire") == 1
        assert project.outlets() == ["Capital Wire"]
        project.import_paths([_table(tmp_path, ["capital wire online"], "b.csv")])
        assert project.outlets() == ["Capital Wire"]
        assert project.outlet_aliases().values.tolist() == [["Capital Wire Online", "Capital Wire"]]
        project.forget_outlet_alias("Capital Wire Online")
        project.import_paths([_table(tmp_path, ["Capital Wire Online"], "c.csv")])
        assert project.outlets() == ["Capital Wire", "Capital Wire Online"]


def test_the_command_line_lists_renames_and_forgets(tmp_path, capsys):
    target = str(tmp_path / "p.newsprism")
    assert main(["import", str(_table(tmp_path, ["Valley News", "Valley News Online", "Valley News Online"])),
                 "--project", target, "--no-analyse"]) == 0
    capsys.readouterr()
    assert main(["outlets", "--project", target, "--rename", "Valley News Online", "Valley News", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == {"outlets": {"Valley News": 3}, "aliases": [{"alias": "Valley News Online", "outlet": "Valley News"}]}
    store = ProjectStore(target)
    assert {a.outlet for a in store.articles()} == {"Valley News"}
    store.close()
