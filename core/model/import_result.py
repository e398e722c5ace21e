"""What happened to each file of an import: the import report's rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from core.text.shown_names import storable


class Status(StrEnum):
    IMPORTED = "imported"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass(frozen=True)
class ImportResult:
    """One row of the import report: a file (or an article within it) and its fate."""

    source: str
    status: Status
    message: str = ""
    article_ids: tuple[str, ...] = ()
    titles: tuple[str, ...] = field(default=(), compare=False)

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
        }


class UnreadableFile(Exception):
    """A file cannot be imported; the message is shown to the user as is."""
