"""Finished partitions are stored, never analysed again; Parquet datasets are imported a batch at a time."""

from __future__ import annotations

import pandas as pd
import pytest

from benchmarks.corpus import write_corpus
from core.distributed import engine
from core.distributed.engine import analyse_on_dask, dataset_for
from core.distributed.partitions import Dataset, month_of, plan
from core.distributed.sources import import_sources, is_parquet
from core.nlp.extract import analysis_key
from core.project import Project

pytest.importorskip("distributed")
pa = pytest.importorskip("pyarrow")


def test_partitions_written_before_a_crash_are_stored_and_not_analysed_again(tmp_path, monkeypatch):
    from core.distributed.worker import analyse_partition

    write_corpus(tmp_path / "corpus", n=12, seed=5)
    with Project(tmp_path / "p.newsprism") as project:
        project.import_paths([tmp_path / "corpus"])
        articles = project.articles()
        parts = plan(articles, project.model, analysis_key(project.model), size=4)
        data = Dataset(dataset_for(project.path))
        for part in parts:  # a run that wrote every partition, then died before storing them
            data.write(part, analyse_partition(part.articles, part.model, project.aliases))
        monkeypatch.setattr(engine, "_run", lambda *a, **k: pytest.fail("a finished partition was analysed again"))
        report = analyse_on_dask(project, workers=1)
        assert report.reused == len(parts) and report.analysed == 12 and report.partitions == 0
        assert len(project.store.analysis_state()) == 12
        assert all(loaded for _, loaded in data.finished())
        assert {p.folder.split("/")[0] for p in parts} == {f"outlet={o}".replace(" ", "%20") for o in
                                                           {a.outlet for a in articles}}
        assert all(p.month == month_of(p.articles[0]) for p in parts)
        assert project.stories().shape[0] > 0  # grouped after loading
        again = analyse_on_dask(project, workers=1)  # nothing left: no cluster is started
        assert again.analysed == 0 and again.up_to_date == 12


def test_a_parquet_file_and_a_partitioned_dataset_are_imported(tmp_path):
    import pyarrow.parquet as pq

    rows = pd.DataFrame({
        "title": [f"Storm {i} hits the coast" for i in range(5)],
        "text": [f"Storm {i} hits the coast\nThe storm number {i} reached the town of Port Ellis on Monday." for i in range(5)],
        "outlet": ["Coast Herald", "Coast Herald", "Daily Star", "Daily Star", "Daily Star"],
        "date": ["2024-03-0%d" % (i + 1) for i in range(5)],
    })
    single = tmp_path / "one.parquet"
    pq.write_table(pa.Table.from_pandas(rows), single)
    dataset = tmp_path / "dataset"
    pq.write_to_dataset(pa.Table.from_pandas(rows.assign(text=rows["text"] + " Again.", title=rows["title"] + " again")),
                        dataset, partition_cols=["outlet"])
    (tmp_path / "notes.txt").write_text("an article", encoding="utf-8")
    assert is_parquet(single) and is_parquet(dataset) and not is_parquet(tmp_path)  # a folder of other articles
    with Project(tmp_path / "p.newsprism") as project:
        results = import_sources(project, [single, dataset])
        assert [r.status for r in results] == ["imported", "imported"], [r.message for r in results]
        frame = project.articles_frame()
        assert len(frame) == 10
        assert sorted(frame["outlet"].unique()) == ["Coast Herald", "Daily Star"]  # the hive folder is a column
        assert frame["date"].str[:10].tolist()[:5] == list(rows["date"])


def test_a_broken_parquet_file_is_a_failed_row(tmp_path):
    bad = tmp_path / "bad.parquet"
    bad.write_bytes(b"PAR1 not really")
    with Project(tmp_path / "p.newsprism") as project:
        [result] = import_sources(project, [bad])
    assert result.status == "failed" and "Parquet" in result.message
