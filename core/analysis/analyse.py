"""Run spaCy over the articles that need it and store their entity mentions.

Only articles whose text (or the chosen model) changed since their last
analysis are processed; results are saved in batches, one transaction each,
so cancelling or a crash keeps everything finished before. Each article is
analysed by the model for its language (:mod:`core.nlp.languages`); one in a
language no installed model reads is recorded as not analysed, with why. An
article that cannot be analysed is saved as failed with its reason (the rest
goes on) and is not tried again until its text or the model changes.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from typing import Callable

from core.analysis.analysis_workers import analysed_here, analysed_in_workers
from core.store import text_hashes
from core.store.store import ProjectStore
from core.model.article import Article
from core.model.analysis import AnalysisFailure
from core.nlp.extract import analysis_key
from core.nlp.languages import model_for, models_for
from core.text.names import AliasTable
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
    not_analysed: int = 0  # articles in a language no installed model reads
    failed: tuple[tuple[str, str], ...] = ()  # (article id, reason) of this run's articles that could not be analysed


def articles_to_analyse(store: ProjectStore, model_name: str) -> tuple[list[Article], int]:
    """Articles whose analysis is missing or stale, and how many are current (or failed on this text).

    Found from the hashes of the analysed texts stored with the articles
    (:mod:`core.store.text_hashes`): only the articles to analyse are read.
    """
    todo = text_hashes.stale_ids(store, lambda language: _key(language, model_name))
    articles = store.articles(todo)
    return articles, store.article_count() - len(articles)


def _key(language: str, model_name: str) -> str | None:
    """The analysis key an article in ``language`` is analysed with; ``None`` when no model reads it."""
    model = model_for(language, model_name)
    return analysis_key(model) if model else None


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
    groups, skipped = models_for(todo, model_name)
    store.mark_not_analysed(skipped)
    count = sum(len(articles) for articles in groups.values())
    if not count:
        return AnalysisReport(0, current, not_analysed=len(skipped))
    aliases = aliases or AliasTable.default()
    processes = processes_for(count) if processes is None else processes
    done, failed = 0, []
    for model, articles in groups.items():
        part = state.sub(done / count, (done + len(articles)) / count)
        failed += _analyse_with(store, model, articles, part, loader, aliases, processes)
        done += len(articles)
    return AnalysisReport(count - len(failed), current, processes, len(skipped), tuple(failed))


def _analyse_with(store: ProjectStore, model_name: str, todo: list[Article], state: TaskState, loader: Callable,
                  aliases: AliasTable, processes: int) -> list[tuple[str, str]]:
    """Parse and save the articles one model analyses; ``(article id, reason)`` of those that failed."""
    if processes > 1:
        state.progress(0.0, f"Starting {processes} language-model processes…")
        results = analysed_in_workers(todo, model_name, aliases, processes, PIPE_BATCH)
    else:
        state.progress(0.0, "Loading the language model…")
        results = analysed_here(todo, loader(model_name), model_name, aliases, PIPE_BATCH)
    with closing(results):  # on Cancel or an error the workers stop here
        return _save(store, results, len(todo), state)


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
