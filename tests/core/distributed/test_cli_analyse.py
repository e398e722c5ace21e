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


@pytest.mark.slow
def test_analyse_on_a_running_scheduler(tmp_path, capsys):
    from distributed import LocalCluster

    write_corpus(tmp_path / "corpus", n=4, seed=4)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
        code = main(["analyse", str(tmp_path / "corpus"), "--project", str(tmp_path / "p.newsprism"),
                     "--engine", "dask", "--scheduler", cluster.scheduler_address, "--json"])
        report = json.loads(capsys.readouterr().out)
        assert len(cluster.workers) == 1  # the command leaves a cluster it did not start running
    assert code == 0 and report["workers"] == 1 and report["analysed"] > 0 and report["partitions"] >= 1
