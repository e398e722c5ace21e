"""``.gz`` files (a saved page or an export compressed on the way): unpacked and read by their inner type.

``story.html.gz`` is read as ``story.html``. The unpacked size is capped as
any file's is (:data:`~core.importers.MAX_FILE_BYTES`), read in a stream,
so a small file that unpacks to gigabytes is refused without holding them.
"""

from __future__ import annotations

import gzip
import io
import zlib
from dataclasses import replace
from pathlib import Path

from core.importers import MAX_FILE_BYTES, reader_for, register
from core.model.article import Article
from core.model.import_result import UnreadableFile


@register(".gz")
def read_gzip(path: Path, data: bytes) -> list[Article]:
    inner = path.with_suffix("")
    reader = reader_for(inner)
    if reader is None or inner.suffix.lower() == ".gz":
        raise UnreadableFile(f"compressed files of type '{inner.suffix or 'no extension'}' are not supported")
    articles = reader(inner, _unpacked(data))
    shown = str(path)
    return [replace(a, source_path=shown) if a.source_path in ("", str(inner)) else a for a in articles]


def _unpacked(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            unpacked = stream.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise UnreadableFile(f"this compressed file is damaged or not a gzip file ({exc})") from exc
    if len(unpacked) > MAX_FILE_BYTES:
        raise UnreadableFile(f"this compressed file unpacks to more than {MAX_FILE_BYTES // 2**20} MB")
    if not unpacked.strip():
        raise UnreadableFile("the compressed file is empty")
    return unpacked
