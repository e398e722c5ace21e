"""The window's tables kept in the project file, so that a big project reopens in seconds.

:func:`~core.view_state.view_data.load_view_data` makes them from the
project's rows (some 15 s at a million articles, most of it reading rows
through SQLite) and keeps them with :func:`frames_of`; the next open of the
unchanged project decodes them (:func:`view_data_from`, under 3 s). What
they are valid for is the project's view stamp (``Project.view_stamp``),
the counted types and :data:`FORMAT`.
"""

from __future__ import annotations

import pandas as pd

from core.analysis.article_table import ARTICLE_TABLE_COLUMNS
from core.analysis.entity_list import entity_list
from core.analysis.timeline import undated_share
from core.project import Project
from core.view_state.frame_records import FrameRecords
from core.view_state.stored_counts import StoredCounts

NAME = "view"
#: Changes whenever the kept tables change shape (what this version keeps).
FORMAT = "1"
#: Projects from this many articles keep their tables: smaller ones are made again about as fast as decoded.
KEEP_FROM = 20_000
#: The corpus table's columns taken from the articles themselves (the rest is kept).
_FROM_ARTICLES = ("id", "outlet", "title", "date", "word_count", "origins", "shared_copy_with")


def stamp(project: Project, types: tuple[str, ...]) -> str:
    """What tables made now for ``types`` are valid for (take it before making them)."""
    return project.view_stamp(FORMAT, ",".join(types))


def frames_of(data) -> dict[str, pd.DataFrame]:
    """The tables of ``data`` (a :class:`~core.view_state.view_data.ViewData`) to keep."""
    return {
        "articles": data.articles,
        "entities": data.entities,
        "stories": data.stories,
        "story_of": _pairs(data.story_of),
        "quote_counts": _pairs(data.quote_counts),
        "labels": _pairs(data.labels),
        "article_counts": data.article_rows.drop(columns=[c for c in _FROM_ARTICLES if c in data.article_rows]),
    }


def view_data_from(frames: dict[str, pd.DataFrame], project: Project, types: tuple[str, ...]):
    """A :class:`~core.view_state.view_data.ViewData` from kept tables, as ``load_view_data`` made it."""
    from core.view_state.view_data import ViewData

    articles = frames["articles"]
    outlets = sorted(articles["outlet"].unique())
    data = ViewData(articles, StoredCounts(project, articles), frames["entities"], outlets,
                    stories=frames["stories"], story_of=_series(frames["story_of"]),
                    quote_counts=_series(frames["quote_counts"]), labels=_series(frames["labels"]),
                    story_tightness=project.story_tightness(), colours=project.outlet_colours(),
                    undated=undated_share(articles))
    counts = frames["article_counts"]
    rows = pd.concat([articles[[c for c in _FROM_ARTICLES if c in articles]], counts], axis=1)
    data.article_rows = rows[[c for c in (*ARTICLE_TABLE_COLUMNS, "shared_copy_with") if c in rows]]
    data.article_records = FrameRecords(data.article_rows)
    data.article_records.positions("id")  # the table model's rows by article, made here
    data.entity_rows = entity_list(data.entities, outlets, types)
    data.types = tuple(types)
    return data


def _pairs(series: pd.Series) -> pd.DataFrame:
    """A series as two columns named after its index and itself ("_key", "_value" when unnamed)."""
    return pd.DataFrame({series.index.name or "_key": pd.Series(series.index.to_numpy(), dtype=series.index.dtype),
                         series.name or "_value": series.reset_index(drop=True)})


def _series(pairs: pd.DataFrame) -> pd.Series:
    key, value = pairs.columns
    index = pd.Index(pairs[key], dtype=pairs[key].dtype).rename(None if key == "_key" else key)
    return pd.Series(pairs[value].to_numpy(), index=index, dtype=pairs[value].dtype,
                     name=None if value == "_value" else value)
