"""Run spaCy over the articles that need it and store their entity mentions.

Only articles whose text (or the chosen model) changed since their last
analysis are processed; results are saved in batches, one transaction each,
so cancelling or a crash keeps everything finished before. An article that
cannot be analysed is saved as failed with its reason (the rest goes on) and
is not tried again until its text or the model changes.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from typing import Callable

from core.analysis.analysis_workers import analysed_here, analysed_in_workers
from core.io.store import ProjectStore
from core.model.article import Article, content_hash
from core.nlp.extract import AnalysisFailure
from core.nlp.names import AliasTable
from core.nlp.pipeline import load_pipeline, processes_for
from core.tasks import NULL_STATE, Cancelled, TaskState

#: Articles saved per transaction.
BATCH_SIZE = 64
#: Docs spaCy parses at once: 16 uses a third of the memory of 64 at the same
#: speed, and holds the GIL (freezing the window) for ~50 ms instead of ~130
#: (docs/benchmarks.md).
PIPE_BATCH = 16


@dataclass(frozen=True)
class AnalysisReport:
    analysed: int
    up_to_date: int  # analysed before, or failed before on the same text with the same model
    processes: int = 1  # how many processes parsed the articles
    failed: tuple[tuple[str, str], ...] = ()  # (article id, reason) of this run's articles that could not be analysed


def articles_to_analyse(store: ProjectStore, model_name: str) -> tuple[list[Article], int]:
    """Articles whose analysis is missing or stale, and how many are current (or failed on this text)."""
    done = store.analysis_state()
    failed = {article_id: (text_hash, model) for article_id, (text_hash, model, _) in store.analysis_failures().items()}
    todo, current = [], 0
    for article in store.articles():
        state = (content_hash(article.analysed_text), model_name)
        if done.get(article.id) == state or failed.get(article.id) == state:
            current += 1
        else:
            todo.append(article)
    return todo, current


def analyse(
    store: ProjectStore,
    model_name: str,
    *,
    state: TaskState = NULL_STATE,
    loader: Callable = load_pipeline,
    aliases: AliasTable | None = None,
    processes: int | None = None,
) -> AnalysisReport:
    """Analyse what needs it; raises :class:`~core.tasks.Cancelled` if cancelled.

    Articles are parsed and read in ``processes`` worker processes (default:
    every core, for enough articles to be worth starting them), else here.
    """
    todo, current = articles_to_analyse(store, model_name)
    if not todo:
        return AnalysisReport(0, current)
    aliases = aliases or AliasTable.default()
    processes = processes_for(len(todo)) if processes is None else processes
    if processes > 1:
        state.progress(0.0, f"Starting {processes} language-model processes…")
        results = analysed_in_workers(todo, model_name, aliases, processes, PIPE_BATCH)
    else:
        state.progress(0.0, "Loading the language model…")
        results = analysed_here(todo, loader(model_name), model_name, aliases, PIPE_BATCH)
    with closing(results):  # on Cancel or an error the workers stop here
        failed = _save(store, results, len(todo), state)
    return AnalysisReport(len(todo) - len(failed), current, processes, tuple(failed))


def _save(store: ProjectStore, results, total: int, state: TaskState) -> list[tuple[str, str]]:
    """Save the analyses, 64 per transaction; on Cancel, save what is done and stop.

    Returns ``(article id, reason)`` of the articles that could not be analysed.
    """
    pending: list = []
    failed: list[tuple[str, str]] = []
    for done, result in enumerate(results, start=1):
        if isinstance(result, AnalysisFailure):
            failed.append((result.article_id, result.reason))
        pending.append(result)
        if len(pending) >= BATCH_SIZE or done == total:
            store.save_analyses(pending)
            pending = []
        try:
            state.progress(done / total, f"Analysed {done:,} of {total:,} articles")
        except Cancelled:
            store.save_analyses(pending)  # keep what is finished; stop at once
            raise
    return failed
