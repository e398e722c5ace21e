"""Tables of articles (``.csv``, ``.tsv``, ``.xlsx``, ``.json``, ``.jsonl``): one row, one article.

Columns are recognised by their usual names (title/headline, text/body,
outlet/source/media_name, date/published, url/link, author/byline …). When
no text column is recognised the reader raises :class:`UnmappedColumns`,
which lists the columns, so the window can ask the user to map them and call
:func:`read_table_with_mapping`.

A table read here is held in memory whole, so each kind has a limit
(CSV and JSON Lines files are imported a chunk at a time instead, see
``core/ingest/table_import.py``; these limits apply to them only inside an
archive or behind a link).
"""

from __future__ import annotations

import io
import json
import re
from datetime import datetime
from pathlib import Path

import pandas as pd

from core.importers import register
from core.importers.archive import open_zip
from core.importers.decode import decode_text
from core.importers.table_stream import STREAMED_SUFFIXES, records_frame, table_frames
from core.model.article import Article, Origin, make_article
from core.model.import_result import UnreadableFile
from core.text.article_text import finish_article

#: Article field -> column names that mean it (compared as lower-case words joined by "_").
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text", "full_text", "fulltext", "story", "maintext", "main_text"),
    "title": ("title", "headline", "heading", "head", "hed", "article_title"),
    "outlet": ("outlet", "source", "publication", "media_name", "media", "publisher", "newspaper", "source_name",
               "publication_name", "site", "site_name", "sitename", "medium"),
    "date": ("date", "published", "publish_date", "publication_date", "pub_date", "published_at", "published_date",
             "date_published", "publish_datetime", "datetime", "timestamp", "date_time"),
    "url": ("url", "link", "href", "permalink", "web_url", "article_url", "uri"),
    "authors": ("author", "authors", "byline", "by", "writer", "writers", "creator"),
    "section": ("section", "category", "desk", "rubric"),
    "language": ("language", "lang"),
}
_JSON_LIST_KEYS = ("articles", "data", "items", "results", "records", "documents", "docs", "rows", "stories")
#: Tables read whole: a JSON document (parsed whole by its nature), a workbook (its unpacked XML),
#: a CSV or JSON Lines file inside an archive or behind a link. Bigger ones take gigabytes.
MAX_JSON_BYTES = 64 * 1024**2
MAX_WORKBOOK_BYTES = 16 * 1024**2
MAX_TABLE_BYTES_IN_MEMORY = 64 * 1024**2


class UnmappedColumns(UnreadableFile):
    """The table's columns were not recognised; ``columns`` lists them for a mapping dialog."""

    def __init__(self, columns: list[str]):
        shown = ", ".join(f"'{c}'" for c in columns[:30]) + (" …" if len(columns) > 30 else "")
        super().__init__(
            f"no column with the article text was recognised (columns: {shown}); "
            "name it text, body or content, or map the columns"
        )
        self.columns = columns


# -- readers -------------------------------------------------------------------
@register(".csv", ".tsv", ".tab", ".xlsx", ".xlsm", ".json", ".jsonl", ".ndjson")
def read_table(path: Path, data: bytes) -> list[Article]:
    frame = load_table(path, data)
    return frame_articles(frame, recognise_columns(list(frame.columns)), path)


def read_table_with_mapping(path: str | Path, mapping: dict[str, str]) -> list[Article]:
    """Articles from a table whose columns the user mapped (``field -> column``)."""
    path = Path(path)
    frame = load_table(path, path.read_bytes())
    unknown = [c for c in mapping.values() if c not in frame.columns]
    if unknown:
        raise UnreadableFile(f"the table has no column {unknown[0]!r}")
    if "text" not in mapping and "title" not in mapping:
        raise UnreadableFile("map at least the text or the title column")
    return frame_articles(frame, dict(mapping), path)


def table_columns(path: str | Path) -> list[str]:
    """Column names of a table, for the mapping dialog (of a CSV or JSON Lines file: from its first rows)."""
    path = Path(path)
    if path.suffix.lower() in STREAMED_SUFFIXES:
        with open(path, "rb") as raw:
            first = next(table_frames(raw, path.suffix.lower(), chunk_rows=100), None)
        return [] if first is None else [str(c) for c in first[0].columns]
    return [str(c) for c in load_table(path, path.read_bytes()).columns]


def load_table(path: Path, data: bytes) -> pd.DataFrame:
    """The file as a frame of strings (empty cells are empty strings)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        frame = _read_xlsx(data)
    elif suffix in (".json",):
        if len(data) > MAX_JSON_BYTES:
            raise UnreadableFile(f"this JSON file is {len(data) / 2**20:,.0f} MB; a JSON file is read whole, up to "
                                 f"{MAX_JSON_BYTES // 2**20} MB: save a bigger one as JSON Lines (.jsonl) or CSV")
        frame = records_frame(_parse_json(decode_text(data)))
    else:
        if len(data) > MAX_TABLE_BYTES_IN_MEMORY:
            raise UnreadableFile(f"this table is {len(data) / 2**20:,.0f} MB; inside an archive or behind a link "
                                 f"tables up to {MAX_TABLE_BYTES_IN_MEMORY // 2**20} MB are read: save it as a file "
                                 "and import that")
        frames = [frame for frame, _ in table_frames(io.BytesIO(data), suffix if suffix in STREAMED_SUFFIXES else ".csv")]
        if not frames:
            raise UnreadableFile("the table has no rows")
        frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    frame.columns = [str(c).strip() for c in frame.columns]
    if frame.empty:
        raise UnreadableFile("the table has no rows")
    return frame.fillna("").astype(str)


def _read_xlsx(data: bytes) -> pd.DataFrame:
    unpacked = sum(m.file_size for m in open_zip(data, "spreadsheet").infolist())  # zip-bomb checks first
    if unpacked > MAX_WORKBOOK_BYTES:
        raise UnreadableFile(f"this workbook unpacks to {unpacked / 2**20:,.0f} MB; workbooks up to "
                             f"{MAX_WORKBOOK_BYTES // 2**20} MB are read: save a bigger one as CSV")
    try:
        sheets = pd.read_excel(io.BytesIO(data), sheet_name=None, dtype=str, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many kinds on damaged files
        if _forbidden_xml(exc):
            raise UnreadableFile("this spreadsheet declares XML entities (an XML bomb?) and was not read") from exc
        reason = str(exc).split("\n")[0]
        raise UnreadableFile(f"this spreadsheet is damaged or not an .xlsx file ({exc.__class__.__name__}: {reason})") from exc
    frames = [f for f in sheets.values() if not f.empty]
    if not frames:
        raise UnreadableFile("the spreadsheet has no rows")
    recognised = [f for f in frames if "text" in recognise_columns([str(c) for c in f.columns])]
    return pd.concat(recognised, ignore_index=True) if recognised else frames[0]


def _forbidden_xml(exc: BaseException | None) -> bool:
    """Whether defusedxml (which openpyxl uses when installed) refused the XML."""
    from defusedxml import DefusedXmlException

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DefusedXmlException):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _parse_json(text: str):
    try:
        value = json.loads(text)
    except RecursionError as exc:
        raise UnreadableFile("this JSON file is nested too deeply") from exc
    except ValueError as exc:
        raise UnreadableFile(f"this is not valid JSON ({exc})") from exc
    if isinstance(value, dict):
        for key in _JSON_LIST_KEYS:
            inner = value.get(key)
            if isinstance(inner, dict) and isinstance(inner.get("docs"), list):  # e.g. {"response": {"docs": [...]}}
                inner = inner["docs"]
            if isinstance(inner, list):
                return inner
        return [value]
    if isinstance(value, list):
        return value
    raise UnreadableFile("this JSON file holds no list of articles")


# -- columns to articles -----------------------------------------------------------
def _column_key(name: str) -> str:
    return re.sub(r"\W+", "_", name.casefold()).strip("_")


def recognise_columns(columns: list[str]) -> dict[str, str]:
    """``field -> column`` for the columns whose names say what they hold."""
    keys = {_column_key(c): c for c in reversed(columns)}
    found: dict[str, str] = {}
    for field, names in FIELD_NAMES.items():
        for name in names:
            if name in keys and keys[name] not in found.values():
                found[field] = keys[name]
                break
    return found


def frame_articles(frame: pd.DataFrame, mapping: dict[str, str], path: Path) -> list[Article]:
    if "text" not in mapping:
        raise UnmappedColumns([str(c) for c in frame.columns])
    articles, problems = chunk_articles(frame, mapping, path)
    if not articles:
        raise UnreadableFile(f"row {problems[0][0]}: {problems[0][1]}" if problems else "every row of the table is empty")
    return articles


def chunk_articles(frame: pd.DataFrame, mapping: dict[str, str], path: Path,
                   first_row: int = 1) -> tuple[list[Article], list[tuple[int, str]]]:
    """Articles of some rows, and ``(row number, why)`` for each row that cannot be one (empty rows are left out)."""
    articles, problems = [], []
    for number, row in enumerate(frame.to_dict("records"), first_row):
        try:
            article = _row_article(row, mapping, path)
        except UnreadableFile as exc:  # e.g. a text too long for one article: this row only
            problems.append((number, str(exc)))
            continue
        if article is not None:
            articles.append(finish_article(article, folder=str(path.parent)))
    return articles, problems


def _row_article(row: dict, mapping: dict[str, str], path: Path) -> Article | None:
    values = {field: str(row.get(column, "")).strip() for field, column in mapping.items()}
    body, title = values.pop("text", ""), values.pop("title", "")
    if not body and not title:
        return None
    origins = {"title": Origin.FILE if title else Origin.EXTRACTED}
    meta: dict = {"source_path": str(path)}
    if "date" in values:
        values["date"] = iso_date(values["date"]) or ""
    for field, value in values.items():
        if value:
            meta[field] = value
            origins[field] = Origin.FILE
    return make_article(body, title=title, origins=origins, **meta)


def iso_date(value: str) -> str | None:
    """A table's date cell as an ISO date (or date-time with its zone), else ``None``."""
    value = value.strip()
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            from dateutil import parser

            moment = parser.parse(value, dayfirst=bool(re.match(r"\d{1,2}\.\d{1,2}\.\d{2,4}", value)))
        except (ValueError, OverflowError):
            return None
    if not 1800 <= moment.year <= 2200:
        return None
    if moment.hour == moment.minute == moment.second == 0 and moment.tzinfo is None:
        return moment.date().isoformat()
    return moment.isoformat(timespec="seconds")
