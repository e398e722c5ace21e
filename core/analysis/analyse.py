"""Run spaCy over the articles that need it and store their entity mentions.

Only articles whose text (or the chosen model) changed since their last
analysis are processed; results are saved in batches, one transaction each,
so cancelling or a crash keeps everything finished before.
"""

from __future__ import annotations

from contextlib import closing
from dataclasses import dataclass
from typing import Callable

from core.io.store import ProjectStore
from core.model.article import Article, content_hash
from core.nlp.extract import analyse_doc
from core.nlp.names import AliasTable
from core.nlp.pipeline import load_pipeline, pipe_docs, processes_for
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
    up_to_date: int


def articles_to_analyse(store: ProjectStore, model_name: str) -> tuple[list[Article], int]:
    """Articles whose analysis is missing or stale, and how many are current."""
    done = store.analysis_state()
    todo, current = [], 0
    for article in store.articles():
        if done.get(article.id) == (content_hash(article.analysed_text), model_name):
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

    spaCy runs in ``processes`` worker processes (default: every core, for
    enough articles to be worth starting them); the rest happens here.
    """
    todo, current = articles_to_analyse(store, model_name)
    if not todo:
        return AnalysisReport(0, current)
    state.progress(0.0, "Loading the language model…")
    nlp = loader(model_name)
    aliases = aliases or AliasTable.default()
    processes = processes_for(len(todo)) if processes is None else processes
    if processes > 1:
        state.progress(0.0, f"Starting {processes} language-model processes…")
    texts = (a.analysed_text for a in todo)
    with closing(pipe_docs(nlp, texts, batch_size=PIPE_BATCH, processes=processes)) as docs:
        _analyse_docs(store, model_name, todo, docs, aliases, state)
    return AnalysisReport(len(todo), current)


def _analyse_docs(store, model_name, todo, docs, aliases, state) -> None:
    """Extract and save each parsed article, 64 per transaction; on cancel, save what is done."""
    pending: list = []
    for done, (article, doc) in enumerate(zip(todo, docs), start=1):
        text_hash = content_hash(article.analysed_text)
        pending.append(analyse_doc(article.id, text_hash, model_name, doc, aliases))
        if len(pending) >= BATCH_SIZE or done == len(todo):
            store.save_analyses(pending)
            pending = []
        try:
            state.progress(done / len(todo), f"Analysed {done} of {len(todo)} articles")
        except Cancelled:
            store.save_analyses(pending)  # keep what is finished; stop at once
            raise
