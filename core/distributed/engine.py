"""``newsprism-cli analyse --engine dask``: a project's analysis partitioned over a Dask cluster.

The client (this process) finds the articles to analyse as the desktop does,
cuts them into partitions by outlet and month, and keeps a few partitions per
worker in flight. Each worker runs the desktop's own per-article analysis
(:func:`core.analysis.analysis_workers.analysed_here`) with a model it loaded
once; the client writes each finished partition to Parquet, then into the
project store with the store's own bulk write, one transaction a partition.
Stories and counts are made afterwards from the stored tables, as after a
desktop analysis. After a crash or Ctrl-C, finished partitions are loaded
from their files, not analysed again.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from core.analysis.analyse import articles_to_analyse
from core.distributed.columnar import from_tables
from core.distributed.partitions import Dataset, Partition, plan
from core.model.analysis import AnalysisFailure
from core.model.article import count_words
from core.nlp.extract import analysis_key
from core.nlp.languages import models_for
from core.nlp.pipeline import available_cores
from core.project import Project
from core.store import story_rows
from core.tasks import NULL_STATE, TaskState

#: Partitions queued per worker beyond the one it runs: a worker never waits for the client.
QUEUED_PER_WORKER = 2
#: Dask settings of a local cluster's workers (docs/scale.md gives them for a real cluster's). Dask's
#: sampling profiler walks the running task's Python stack every 10 ms, and its nanny makes glibc give
#: freed memory back to the system at 64 kB: for this Python-heavy analysis the two cost a quarter of
#: the workers' speed (Dask/desktop at N=2,000: 0.75 with them, 0.98 without).
WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


@dataclass
class DaskReport:
    analysed: int = 0
    up_to_date: int = 0
    not_analysed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    partitions: int = 0  # analysed on the cluster in this run
    reused: int = 0  # finished before (a crash or Ctrl-C) and loaded from their files
    workers: int = 0
    words: int = 0  # words of the articles analysed on the cluster
    startup_s: float = 0.0  # cluster start and model load on every worker
    analysis_s: float = 0.0  # from the first partition sent to the last one stored
    grouping_s: float = 0.0


def dataset_for(project_path: Path) -> Path:
    """Where a project's Parquet files go by default: beside it."""
    return project_path.with_name(project_path.name + ".parquet")


def analyse_on_dask(project: Project, *, scheduler: str | None = None, workers: int | None = None,
                    dataset: Path | None = None, state: TaskState = NULL_STATE) -> DaskReport:
    """Analyse what needs it on a cluster (a local one without ``scheduler``), then regroup the stories."""
    data = Dataset(dataset or dataset_for(project.path))
    report = DaskReport()
    state.progress(0.0, "Loading partitions finished before…")
    _load_unloaded(project, data, report)
    todo, report.up_to_date = articles_to_analyse(project.store, project.model)
    groups, skipped = models_for(todo, project.model)
    project.store.mark_not_analysed(skipped)
    report.not_analysed = len(skipped)
    partitions = [p for model, articles in groups.items() for p in plan(articles, model, analysis_key(model))]
    todo_parts = []
    for partition in partitions:  # written but not loaded when the run before stopped
        outcomes = data.outcomes_file(partition)
        if outcomes.exists():
            report.analysed += _load(project, data, outcomes, report)
            report.reused += 1
        else:
            todo_parts.append(partition)
    if todo_parts:  # the longest first: the last ones to finish are short, so no worker waits long at the end
        todo_parts.sort(key=lambda p: -sum(len(a.text) for a in p.articles))
        _run(project, data, todo_parts, scheduler, workers, state.sub(0.0, 0.95), report)
    if report.analysed or story_rows.memberships(project.store).shape[0] != len(project.store.analysis_state()):
        state.progress(0.96, "Grouping articles into stories…")
        started = time.perf_counter()
        project.regroup()
        report.grouping_s = time.perf_counter() - started
    state.progress(1.0, f"Analysed {report.analysed:,} articles")
    return report


def _run(project: Project, data: Dataset, partitions: list[Partition], scheduler: str | None, workers: int | None,
         state: TaskState, report: DaskReport) -> None:
    from distributed import as_completed

    from core.distributed.worker import ModelPlugin, analyse_partition

    total = sum(len(p.articles) for p in partitions)
    state.progress(0.0, "Starting the cluster and loading the model on each worker…")
    started = time.perf_counter()
    client, cluster = _connect(scheduler, workers)
    futures: dict = {}
    try:
        report.workers = len(client.nthreads())  # every worker (scheduler_info lists only a few)
        for model in {p.model for p in partitions}:
            client.register_plugin(ModelPlugin(model))
        aliases = client.scatter(project.aliases, broadcast=True)
        report.startup_s = time.perf_counter() - started
        started = time.perf_counter()
        queue = iter(partitions)
        running = as_completed()

        def send() -> None:
            partition = next(queue, None)
            if partition is not None:
                future = client.submit(analyse_partition, partition.articles, partition.model, aliases,
                                       key=f"newsprism-{partition.key}", pure=False)
                futures[future.key] = (future, partition)
                running.add(future)

        for _ in range(report.workers * (1 + QUEUED_PER_WORKER)):
            send()
        done = 0
        for future in running:
            _, partition = futures.pop(future.key)
            tables = future.result()  # a worker's error stops the run here; finished partitions stay
            data.write(partition, tables)
            report.analysed += _load(project, data, data.outcomes_file(partition), report, tables)
            report.partitions += 1
            report.words += sum(count_words(a.analysed_text) for a in partition.articles)
            done += len(partition.articles)
            send()
            state.progress(done / total, f"Analysed {done:,} of {total:,} articles on {report.workers} workers")
        report.analysis_s = time.perf_counter() - started
    finally:  # on Ctrl-C or Cancel: the partitions in flight are dropped, the finished ones are kept
        if futures:
            client.cancel([f for f, _ in futures.values()])
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(scheduler: str | None, workers: int | None):
    """A client of the scheduler at ``scheduler``, or of a new local cluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        client.wait_for_workers(workers or 1)  # with none yet, nothing would be sent
        return client, None
    import dask

    with dask.config.set(WORKER_CONFIG):  # the workers' nannies pass it on
        cluster = LocalCluster(n_workers=workers or available_cores(), threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _load(project: Project, data: Dataset, outcomes_file: Path, report: DaskReport | None = None,
          tables: dict | None = None) -> int:
    """Store one finished partition (one transaction), from its files or from the ``tables`` just written
    to them; returns the articles it analysed."""
    outcomes = from_tables(tables if tables is not None else data.read(outcomes_file))
    project.store.save_analyses(outcomes)
    data.mark_loaded(outcomes_file)
    failed = [(o.article_id, o.reason) for o in outcomes if isinstance(o, AnalysisFailure)]
    if report is not None:
        report.failed += failed
    return len(outcomes) - len(failed)


def _load_unloaded(project: Project, data: Dataset, report: DaskReport) -> None:
    """Store the partitions a run wrote but stopped before storing. An article changed since is
    analysed again all the same: its stored text hash no longer matches its text."""
    for outcomes_file, is_loaded in data.finished():
        if not is_loaded:
            report.analysed += _load(project, data, outcomes_file, report)
            report.reused += 1
