"""Zip-packaged documents (.docx, .odt): refuse damaged files and zip bombs before parsing.

Word and OpenDocument files are zip archives of XML parts. The libraries that
read them unpack whole parts into memory, so a small file that unpacks to
gigabytes (a zip bomb) is refused here from the sizes its directory declares,
and every part is unpacked once to check it (CRC, headers), so a damaged
file is reported before a reader fails half-way through it.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from core.model.import_result import UnreadableFile

#: A document whose parts unpack to more than this is refused.
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
#: ... and so is one that unpacks to more than this many times its size (past 10 MB).
MAX_RATIO = 200


def open_package(data: bytes, *, kind: str, required: str) -> zipfile.ZipFile:
    """The zip archive in ``data``, checked; :class:`UnreadableFile` says what is wrong.

    ``kind`` names the format for messages ("Word document"); ``required`` is
    the part every such file has ("word/document.xml").
    """
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        names = set(package.namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise UnreadableFile(f"this {kind} is damaged or incomplete (it cannot be unpacked: {exc})") from exc
    if required not in names:
        raise UnreadableFile(f"this is not a {kind}, or it is damaged ('{required}' is missing)")
    unpacked = sum(max(info.file_size, 0) for info in package.infolist())
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > 10 * 2**20 and unpacked > MAX_RATIO * max(len(data), 1)):
        raise UnreadableFile(
            f"this {kind} unpacks to {unpacked // 2**20} MB from {max(len(data) // 1024, 1)} KB; "
            "it was refused as a possible zip bomb"
        )
    bad = _first_bad_member(package)
    if bad:
        raise UnreadableFile(f"this {kind} is damaged or incomplete ({bad})")
    return package


def _first_bad_member(package: zipfile.ZipFile) -> str:
    """Unpack every part once, checking its CRC: what would make the reader fail half-way.

    Sizes were checked before, so this reads at most :data:`MAX_UNPACKED_BYTES`.
    """
    for info in package.infolist():
        try:
            with package.open(info) as part:
                while part.read(1 << 20):
                    pass
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError, zlib.error) as exc:
            return f"'{info.filename}' cannot be unpacked: {exc}"
    return ""


def xml_error_message(kind: str, exc: Exception) -> str:
    """What to tell the user when a package's XML does not parse."""
    detail = str(exc)
    if "amplification" in detail or "entit" in detail.lower():
        return f"this {kind} was refused: its XML defines entities that would expand enormously (an XML bomb)"
    return f"this {kind} is damaged ({detail})"

