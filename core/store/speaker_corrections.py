"""The user's corrections of who a quote is from, kept apart from the analysis.

Analysis rewrites an article's ``quotes`` rows whenever it runs again, so a
correction lives in ``quote_speakers`` (schema migration 6
in core/store/store.py), keyed by article id and the quote's span, and is laid
over the quotes each time they are read (:func:`apply`). A quote whose span
changed (the article's text was edited) loses its correction.
"""

from __future__ import annotations

import pandas as pd

from core.store.store import ProjectStore

COLUMNS = ["article_id", "start", "end", "speaker", "source_type"]
#: Source types a user can choose for a corrected speaker (those of core.nlp.quotes but "unknown").
SOURCE_TYPES = ("named", "anonymous", "unnamed", "media")


def load(store: ProjectStore) -> pd.DataFrame:
    """Every correction: ``article_id, start, end, speaker, source_type``."""
    with store.reading() as db:
        return pd.read_sql_query(f"SELECT {', '.join(COLUMNS)} FROM quote_speakers ORDER BY rowid", db)


def get(store: ProjectStore, article_id: str, start: int, end: int) -> tuple[str, str] | None:
    """``(speaker, source_type)`` the user gave this quote, or None."""
    with store.reading() as db:
        row = db.execute("SELECT speaker, source_type FROM quote_speakers WHERE article_id = ? AND start = ? AND end = ?",
                         (article_id, int(start), int(end))).fetchone()
    return tuple(row) if row else None


def save(store: ProjectStore, article_id: str, start: int, end: int, speaker: str, source_type: str) -> None:
    """Correct one quote's speaker (the quote must exist)."""
    speaker = " ".join(str(speaker).split())
    if not speaker:
        raise ValueError("a speaker's name or description is needed")
    if source_type not in SOURCE_TYPES:
        raise ValueError(f"source type must be one of {', '.join(SOURCE_TYPES)}, not {source_type!r}")
    with store.transaction() as db:
        if not db.execute("SELECT 1 FROM quotes WHERE article_id = ? AND start = ? AND end = ?",
                          (article_id, int(start), int(end))).fetchone():
            raise KeyError(f"no quote at {start}-{end} in article {article_id}")
        db.execute("INSERT OR REPLACE INTO quote_speakers(article_id, start, end, speaker, source_type) "
                   "VALUES (?, ?, ?, ?, ?)", (article_id, int(start), int(end), speaker, source_type))


def remove(store: ProjectStore, article_id: str, start: int, end: int) -> None:
    """Forget a correction: the speaker the analysis found applies again."""
    with store.transaction() as db:
        db.execute("DELETE FROM quote_speakers WHERE article_id = ? AND start = ? AND end = ?",
                   (article_id, int(start), int(end)))


def apply(quotes: pd.DataFrame, corrections: pd.DataFrame) -> pd.DataFrame:
    """Quote rows with the user's speakers and source types laid over; ``speaker_corrected`` marks them."""
    if quotes.empty or corrections.empty:
        return quotes.assign(speaker_corrected=False)
    keys = ["article_id", "start", "end"]
    given = corrections.set_index(keys)[["speaker", "source_type"]]
    at = pd.MultiIndex.from_frame(quotes[keys].astype({"start": "int64", "end": "int64"}))
    found = given.reindex(at)
    corrected = found["speaker"].notna().to_numpy()
    out = quotes.assign(speaker_corrected=corrected)
    out.loc[corrected, "speaker"] = found["speaker"].to_numpy()[corrected]
    out.loc[corrected, "source_type"] = found["source_type"].to_numpy()[corrected]
    return out
