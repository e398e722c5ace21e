"""The article: one piece of coverage, its metadata and where each field came from."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum

from core.model.import_result import UnreadableFile

UNKNOWN_OUTLET = "Unknown"

#: Longest article text (about 850,000 words, several books): longer ones are refused at import and not
#: analysed, so that one file cannot take gigabytes of memory (docs/reliability.md).
MAX_TEXT_CHARS = 5_000_000

#: Metadata fields a user can see and edit; each has an :class:`Origin`.
META_FIELDS = ("outlet", "title", "authors", "date", "url", "section", "language")

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
_SPACE = re.compile(r"\s+")


class Origin(StrEnum):
    """Where a metadata value came from, so guesses can be shown as guesses."""

    FILE = "file"  # the file's own metadata or an export's fields
    EXTRACTED = "extracted"  # found in the content by an extractor
    GUESSED = "guessed"  # inferred by a heuristic; the user should check it
    EDITED = "edited"  # set by the user; never overwritten
    DEFAULT = "default"  # nothing known (e.g. outlet "Unknown")


def normalise_text(text: str) -> str:
    """Text as compared for identity: NFKC, case-folded, whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def article_id(text: str) -> str:
    """Stable id: the same text imported twice gets the same id."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()[:16]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def content_hash(text: str) -> str:
    """Exact hash of the analysed text; a change means re-analysis."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One article. ``text`` starts with the headline line; offsets index into it.

    ``boilerplate`` holds ``(start, end)`` character spans (photo credits,
    link lists, promotions) that stay visible but are left out of analysis.
    """

    id: str
    text: str
    title: str = ""
    outlet: str = UNKNOWN_OUTLET
    authors: tuple[str, ...] = ()
    date: str | None = None  # ISO 8601 date or datetime
    url: str = ""
    section: str = ""
    language: str = ""
    source_path: str = ""
    origins: dict[str, Origin] = field(default_factory=dict)
    boilerplate: tuple[tuple[int, int], ...] = ()

    @property
    def analysed_text(self) -> str:
        """The text with boilerplate blanked out, offsets unchanged."""
        chars = list(self.text)
        for start, end in self.boilerplate:
            for i in range(start, min(end, len(chars))):
                if chars[i] != "\n":
                    chars[i] = " "
        return "".join(chars)

    @property
    def word_count(self) -> int:
        return count_words(self.analysed_text)

    @property
    def author(self) -> str:
        return "; ".join(self.authors)

    def origin(self, name: str) -> Origin:
        return self.origins.get(name, Origin.DEFAULT)

    def edited(self, **values) -> "Article":
        """A copy with user-edited fields, marked :attr:`Origin.EDITED`."""
        origins = dict(self.origins)
        for name in values:
            if name not in META_FIELDS:
                raise ValueError(f"{name!r} is not an editable field")
            origins[name] = Origin.EDITED
        if "authors" in values and isinstance(values["authors"], str):
            values["authors"] = split_authors(values["authors"])
        return replace(self, origins=origins, **values)


def split_authors(value: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:;|\band\b|&|,(?=\s*[A-Z]))\s*", value.strip())
    return tuple(p for p in (x.strip() for x in parts) if p)


_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def tidy_lines(text: str) -> str:
    """Line ends unified, trailing spaces cut, lines of only spaces (or zero-width marks) made empty.

    Offsets are taken after this, so nothing else shifts.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = ["" if not line.strip(_INVISIBLE).strip() else line.rstrip() for line in lines]
    return "\n".join(lines).strip()


def make_article(
    body: str,
    *,
    title: str = "",
    origins: dict[str, Origin] | None = None,
    **meta,
) -> Article:
    """Build an article whose text is the headline line followed by the body.

    If the body already starts with the title it is not repeated. A body
    over :data:`MAX_TEXT_CHARS` raises :class:`UnreadableFile`.
    """
    if len(body) > MAX_TEXT_CHARS:
        raise UnreadableFile(f"the text is too long for one article ({len(body):,} characters; "
                             f"the limit is {MAX_TEXT_CHARS:,}, about 850,000 words)")
    body = tidy_lines(body)
    title = _SPACE.sub(" ", title).strip()
    first_line = _SPACE.sub(" ", body.split("\n", 1)[0]).strip()
    if title and first_line != title:
        text = f"{title}\n{body}" if body else title
    else:
        text = body
    if not title:
        title = next((line.strip() for line in text.split("\n") if line.strip()), "")
    origins = dict(origins or {})
    if "outlet" not in meta or not meta["outlet"]:
        meta["outlet"] = UNKNOWN_OUTLET
        origins["outlet"] = Origin.DEFAULT
    if isinstance(meta.get("authors"), str):
        meta["authors"] = split_authors(meta["authors"])
    elif meta.get("authors") is not None:
        meta["authors"] = tuple(meta["authors"])
    return Article(id=article_id(text), text=text, title=title, origins=origins, **meta)
