"""Rows of a CSV, TSV or JSON Lines table, a chunk at a time, never the whole file in memory.

A media-monitoring export of a million rows is 150 MB of text; read whole
into pandas it took over 10 GB. Here the file is read as a stream: its
encoding is chosen from its first megabyte (and the whole file checked as
UTF-8 in a pass that keeps nothing, so an accent after the first megabyte
is not misread), then pandas parses ``chunk_rows`` rows at a time (JSON
Lines: one line at a time), and each chunk comes with the share of the
file read so far, for progress. Every cell is a string (empty cells empty).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from typing import BinaryIO, Iterator

import pandas as pd

from core.importers.decode import detect_encoding
from core.model.import_result import UnreadableFile

#: Rows parsed and turned into articles at a time (about 3 MB of news text).
CHUNK_ROWS = 2_000
#: The start of the file its encoding and delimiter are chosen from.
HEAD_BYTES = 1024 * 1024
STREAMED_SUFFIXES = (".csv", ".tsv", ".tab", ".jsonl", ".ndjson")
JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")


def table_frames(raw: BinaryIO, suffix: str, *, chunk_rows: int = CHUNK_ROWS) -> Iterator[tuple[pd.DataFrame, float]]:
    """``(rows as a frame of strings, share of the file read)`` for each chunk of the table in ``raw``.

    :class:`UnreadableFile` says what is wrong; raised after some chunks,
    it means the rest of the file cannot be read.
    """
    size = _size(raw)
    text = _text_stream(raw)
    if suffix in JSON_LINES_SUFFIXES:
        frames = _json_line_frames(text, chunk_rows)
    else:
        frames = _delimited_frames(text, "\t" if suffix in (".tsv", ".tab") else None, chunk_rows)
    for frame in frames:
        yield _tidy(frame), min(raw.tell() / max(size, 1), 1.0)


def _size(raw: BinaryIO) -> int:
    here = raw.tell()
    size = raw.seek(0, io.SEEK_END)
    raw.seek(here)
    return size


def _text_stream(raw: BinaryIO) -> io.TextIOWrapper:
    head = raw.read(HEAD_BYTES)
    if not head.strip():
        raise UnreadableFile("the file is empty")
    encoding = detect_encoding(head)
    if encoding == "utf-8":
        encoding = _utf8_or_detected(raw)
    raw.seek(0)
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")


def _utf8_or_detected(raw: BinaryIO) -> str:
    """UTF-8 if the whole file is; else the encoding detected where it stops being UTF-8."""
    raw.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    while True:
        block = raw.read(HEAD_BYTES)
        try:
            decoder.decode(block, final=not block)
        except UnicodeDecodeError as exc:
            raw.seek(max(offset + exc.start - HEAD_BYTES // 2, 0))
            return detect_encoding(raw.read(HEAD_BYTES))
        if not block:
            return "utf-8"
        offset += len(block)


def _delimited_frames(text: io.TextIOWrapper, sep: str | None, chunk_rows: int) -> Iterator[pd.DataFrame]:
    if sep is None:
        head = text.read(20_000)
        text.seek(0)
        try:
            sep = csv.Sniffer().sniff(head, delimiters=",;\t|").delimiter
        except csv.Error:
            sep = ","
    try:
        with pd.read_csv(text, sep=sep, dtype=str, keep_default_na=False, chunksize=chunk_rows) as reader:
            yield from reader
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, csv.Error) as exc:
        raise UnreadableFile(f"this table could not be read ({str(exc).strip() or exc.__class__.__name__})") from exc


def _json_line_frames(text: io.TextIOWrapper, chunk_rows: int) -> Iterator[pd.DataFrame]:
    records: list = []
    seen = False
    for number, line in enumerate(text, 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except (ValueError, RecursionError) as exc:
            raise UnreadableFile(f"line {number} is not valid JSON ({exc})") from exc
        if len(records) >= chunk_rows:
            frame = records_frame(records, required=not seen)
            seen, records = True, []
            yield frame
    if records or not seen:
        yield records_frame(records, required=not seen)


def records_frame(records: list, *, required: bool = True) -> pd.DataFrame:
    """JSON records (objects with named fields) as a frame; ``required``: none is an error."""
    rows = [{str(k): _cell(v) for k, v in r.items()} for r in records if isinstance(r, dict)]
    if not rows and required:
        raise UnreadableFile("this JSON file holds no records (objects with named fields)")
    return pd.DataFrame(rows)


def _cell(value) -> str:
    """A JSON value as cell text; lists of names (authors) joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value[:100] if v is not None)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("title") or "")
    return str(value)


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.fillna("").astype(str)
