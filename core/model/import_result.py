"""What happened to each file of an import: the import report's rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Iterable

from core.model.shown_names import storable


class Status(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class ImportResult:
    """One row of the import report: a file (or an article within it) and its fate.

    ``article_ids`` are the articles stored from it; ``versions`` pairs each
    stored version with the first article it repeats; ``repeats`` pairs the
    title of each article not stored with the id of the one it repeats;
    ``read`` is how many articles the file held.
    """

    source: str
    status: Status
    message: str = ""
    article_ids: tuple[str, ...] = ()
    titles: tuple[str, ...] = field(default=(), compare=False)
    versions: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    repeats: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    not_analysed: tuple[tuple[str, str], ...] = field(default=(), compare=False)  # (article id, reason)
    read: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        # a file name that is not UTF-8 arrives with surrogate escapes: report it as \xff
        object.__setattr__(self, "source", storable(self.source))
        object.__setattr__(self, "message", storable(self.message))

    def as_dict(self) -> dict:
        return {
            "source": self.source,
            "status": str(self.status),
            "message": self.message,
            "articles": list(self.article_ids),
            "read": self.read or len(self.article_ids) + len(self.repeats),
            "versions": [{"article": a, "version_of": b} for a, b in self.versions],
            "repeats": [{"title": t, "repeats": b} for t, b in self.repeats],
            "not_analysed": [{"article": a, "reason": r} for a, r in self.not_analysed],
        }


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def import_summary(results: Iterable[ImportResult]) -> str:
    """Counted in articles, not files: "300 articles from 1 file; 2 already in the project; 1 file failed"."""
    results = list(results)
    files = [r for r in results if r.status != Status.FAILED]
    stored = sum(len(r.article_ids) for r in results)
    repeats = sum(len(r.repeats) for r in results)
    versions = sum(len(r.versions) for r in results)
    skipped = sum(len(r.not_analysed) for r in results)
    failed = sum(r.status == Status.FAILED for r in results)
    parts = [f"{plural(stored, 'article')} imported from {plural(len(files), 'file')}"]
    if versions:
        parts.append(f"{plural(versions, 'version')} of other articles kept and linked")
    if repeats:
        parts.append(f"{repeats:,} already in the project")
    if skipped:
        parts.append(f"{skipped:,} not analysed (no language model)")
    parts.append(f"{plural(failed, 'file')} failed")
    return "; ".join(parts)


class UnreadableFile(Exception):
    """A file cannot be imported; the message is shown to the user as is."""
