"""``newsprism-cli analyse --engine dask``: import and analysis from the command line, JSON report."""

from __future__ import annotations

import json

import pytest

from benchmarks.corpus import write_corpus
from core.cli import main
from core.project import Project

pytest.importorskip("distributed")


@pytest.mark.slow
def test_analyse_on_a_local_cluster_from_the_command_line(tmp_path, capsys):
    write_corpus(tmp_path / "corpus", n=6, seed=2)
    project = tmp_path / "p.newsprism"
    code = main(["analyse", str(tmp_path / "corpus" / "Capital_Wire"), str(tmp_path / "corpus" / "Harbor_Times"),
                 "--project", str(project), "--engine", "dask", "--workers", "1", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["engine"] == "dask" and report["workers"] == 1
    with Project(project) as opened:
        assert report["analysed"] == opened.store.article_count() > 0
        assert len(opened.store.analysis_state()) == report["analysed"] and not opened.stories().empty
    assert list((tmp_path / "p.newsprism.parquet" / "mentions").glob("outlet=*/month=*/*.parquet"))
    assert main(["analyse", "--project", str(project), "--engine", "dask", "--json"]) == 0  # nothing left to do
    assert json.loads(capsys.readouterr().out)["up_to_date"] == report["analysed"]
