"""Where articles are parsed and read: here, or in worker processes.

In worker processes each worker loads the model once and runs spaCy *and*
Newsprism's extraction, so only the small result rows come back: the
parent process never holds the model or the parsed documents (with spaCy's
own ``n_process`` it did both and grew to 1.8 GB at 10,000 articles).
Workers are started fresh ("spawn"), never forked: forking a process that
runs other threads (the window's) can leave the child waiting on a lock.
The workers are waited for when the analysis ends; the helper process that
"spawn" starts beside them (multiprocessing's resource tracker) is stopped
when this process exits, so a command line that returns leaves nothing running.
"""

from __future__ import annotations

import atexit
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from typing import Generator

from core.analysis.article_analysis import Outcome, analyse_texts
from core.child_lifetime import exit_with_parent
from core.model.article import Article
from core.text.names import AliasTable
from core.nlp.pipeline import load_pipeline

_worker: dict = {}  # in a worker process: model name and alias table


def analysed_here(articles: list[Article], nlp, model_name: str, aliases: AliasTable,
                  batch: int) -> Generator[Outcome, None, None]:
    """Each article's analysis (or why it failed), in order, parsed in this process."""
    yield from analyse_texts(nlp, ((a.id, a.analysed_text) for a in articles), model_name, aliases, batch)


def analysed_in_workers(articles: list[Article], model_name: str, aliases: AliasTable, processes: int,
                        batch: int) -> Generator[Outcome, None, None]:
    """Each article's analysis (or why it failed), in order, from ``processes`` workers; closing this stops them.

    A worker that dies raises ``BrokenProcessPool`` here instead of leaving
    the analysis waiting for it (as ``multiprocessing.Pool`` would).
    """
    batches = [[(a.id, a.analysed_text) for a in articles[i:i + batch]] for i in range(0, len(articles), batch)]
    _stop_tracker_at_exit()
    executor = ProcessPoolExecutor(processes, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(model_name, aliases))
    try:
        for results in executor.map(_analyse_batch, batches):
            yield from results
    finally:  # on Cancel: drop the batches not started, wait for the running ones
        executor.shutdown(wait=True, cancel_futures=True)


def _stop_tracker_at_exit() -> None:
    if not _worker.get("tracker_hook"):
        _worker["tracker_hook"] = True
        atexit.register(_stop_resource_tracker)


def _stop_resource_tracker() -> None:
    """End the resource tracker this process started (it would otherwise outlive the process for a moment)."""
    from multiprocessing import resource_tracker, util

    if multiprocessing.active_children():  # another pool (a job process) still uses it: it ends after us
        return
    util._run_finalizers(0)  # type: ignore[attr-defined]  # private; semaphores still open unlink themselves first, as multiprocessing's exit would next
    tracker = resource_tracker._resource_tracker  # no public API stops it (Python 3.11-3.13)
    if getattr(tracker, "_pid", None) is not None and hasattr(tracker, "_stop"):
        try:
            tracker._stop()
        except (OSError, RuntimeError):  # already gone, or called back into
            pass


def _start_worker(model_name: str, aliases: AliasTable) -> None:
    exit_with_parent()
    _worker.update(model=model_name, aliases=aliases)  # the model loads with the first batch: errors reach the parent


def _analyse_batch(batch: list[tuple[str, str]]) -> list[Outcome]:
    model_name, aliases = _worker["model"], _worker["aliases"]
    return list(analyse_texts(load_pipeline(model_name), batch, model_name, aliases, len(batch)))
