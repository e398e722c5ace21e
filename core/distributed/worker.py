"""What runs on a Dask worker: the model loaded once, then the desktop's own analysis of each partition.

Imported by the workers (and by the engine when it starts them); never by the desktop path.
"""

from __future__ import annotations

from distributed.diagnostics.plugin import WorkerPlugin

from core.analysis.analyse import PIPE_BATCH
from core.analysis.analysis_workers import analysed_here
from core.distributed.columnar import to_tables
from core.model.article import Article
from core.nlp.pipeline import load_pipeline
from core.text.names import AliasTable


class ModelPlugin(WorkerPlugin):
    """Loads the language model when a worker starts (once per worker: ``load_pipeline`` keeps it)."""

    name = "newsprism-model"

    def __init__(self, model_name: str):
        self.model_name = model_name

    def setup(self, worker) -> None:
        load_pipeline(self.model_name)


def analyse_partition(articles: tuple[Article, ...], model_name: str, aliases: AliasTable) -> dict:
    """A partition's analysis as columnar tables: the same per-article analysis the desktop runs."""
    return to_tables(analysed_here(list(articles), load_pipeline(model_name), model_name, aliases, PIPE_BATCH))
