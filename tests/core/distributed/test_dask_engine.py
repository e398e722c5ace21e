"""The Dask engine (issue 18): the same project tables as the desktop analysis, and resumable."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from benchmarks.corpus import write_corpus
from core.distributed.engine import analyse_on_dask, dataset_for
from core.distributed.partitions import Dataset
from core.distributed.sources import import_sources
from core.project import Project
from tests.conftest import REAL_STORIES, require_shared

pytest.importorskip("distributed")

N = 200
#: Every table the analysis and the story grouping write, with the columns that differ only by the clock.
TABLES = {
    "articles": ["imported_at"], "analyses": ["analysed_at"], "analysis_failures": ["failed_at"], "not_analysed": [],
    "mentions": [], "sentences": [], "terms": [], "quotes": [], "descriptors": [],
    "stories": [], "story_members": [], "article_versions": [], "shared_copies": [],
    # the stored entity counts, by name (their entity ids are numbered in the order the counting met them)
    "(SELECT article_id, entity, label, n FROM counted_mentions JOIN counted_entities ON entity_id = id)": [],
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask") / "corpus"
    write_corpus(folder, n=N, seed=3)
    return folder


def _tables(path) -> dict[str, pd.DataFrame]:
    with sqlite3.connect(path) as db:
        out = {}
        for table, clock in TABLES.items():
            frame = pd.read_sql_query(f"SELECT * FROM {table}", db).drop(columns=clock)
            out[table] = frame.sort_values(list(frame.columns)).reset_index(drop=True)
        return out


def _both_ways(source, tmp_path):
    """``source`` imported and analysed on the desktop and on a 2-worker local cluster: the Dask report,
    then each project's tables (Dask's first)."""
    with Project(tmp_path / "desktop.newsprism") as desktop:
        desktop.import_paths([source])
        desktop.analyse()
    with Project(tmp_path / "dask.newsprism") as dask:
        import_sources(dask, [source])
        report = analyse_on_dask(dask, workers=2)
    return report, _tables(tmp_path / "dask.newsprism"), _tables(tmp_path / "desktop.newsprism")


@pytest.mark.slow
def test_the_dask_path_and_the_desktop_path_give_identical_project_tables(corpus, tmp_path):
    report, ours, theirs = _both_ways(corpus, tmp_path)
    assert report.workers == 2 and report.partitions > 2  # really spread over the cluster
    assert report.analysed == N and not report.failed
    assert len(theirs["articles"]) == N and len(theirs["mentions"]) > 1000 and len(theirs["stories"]) > 5
    for table in TABLES:
        pd.testing.assert_frame_equal(ours[table], theirs[table], obj=table)
    finished = list(Dataset(dataset_for(tmp_path / "dask.newsprism")).finished())
    assert len(finished) == report.partitions and all(loaded for _, loaded in finished)


@pytest.mark.slow
def test_on_real_news_the_dask_path_gives_the_desktop_tables(tmp_path):
    """150 real articles from three outlets (../shared/dev-data), one CSV export: the same tables both ways."""
    report, ours, theirs = _both_ways(require_shared(REAL_STORIES), tmp_path)
    assert report.analysed == len(theirs["articles"]) >= 140 and not report.failed
    assert theirs["stories"]["id"].nunique() >= 30  # real events grouped, not one story
    for table in TABLES:
        pd.testing.assert_frame_equal(ours[table], theirs[table], obj=table)


def test_a_local_clusters_workers_run_without_the_profiler_and_the_memory_trimming(monkeypatch):
    """Both cost a quarter of the workers' speed on this analysis (docs/benchmarks.md)."""
    import os

    import dask

    from core.distributed.engine import _connect

    # As in a fresh command line: a cluster started earlier in this process (another test's, with
    # Dask's defaults) wrote its workers' variables into this process's environment for good.
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    client, cluster = _connect(None, 1)
    try:
        settings = client.run(lambda: (dask.config.get("distributed.worker.profile.enabled"),
                                       os.environ.get("MALLOC_TRIM_THRESHOLD_")))
        assert list(settings.values()) == [(False, None)]
    finally:
        client.close()
        cluster.close()
