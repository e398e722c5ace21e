"""Bytes to text: byte-order marks, UTF-8, then charset detection; binary refused."""

from __future__ import annotations

import codecs

from core.model.import_result import UnreadableFile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def decode_text(data: bytes) -> str:
    """Decode a text file whatever its encoding; raise :class:`UnreadableFile`.

    Empty and binary files are refused with a message a user understands.
    """
    text = _decode_any(data)
    if not text.strip():  # e.g. a byte-order mark or control characters and nothing else
        raise UnreadableFile("the file is empty")
    return text


def _decode_any(data: bytes) -> str:
    if not data.strip():
        raise UnreadableFile("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    if _looks_binary(data):
        raise UnreadableFile("this looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _detect(data)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"the file claims to be {encoding} but is not: {exc.reason}") from exc


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(2, len(sample) // 100)


_CJK = {"shift_jis", "cp932", "euc_jp", "gb2312", "gb18030", "gbk", "big5", "big5hkscs", "euc_kr", "cp949", "johab", "iso2022_jp"}


def _mostly_ascii(data: bytes) -> bool:
    """Real CJK text is mostly high bytes; Western text has a few accented letters."""
    sample = data[:65536]
    return sum(b >= 0x80 for b in sample) < 0.15 * len(sample)


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _prefer_western(matches, data: bytes) -> str:
    """cp1252 when it reads as cleanly as the best guess.

    On short texts the detector cannot tell cp1250 from cp1252 (both give
    "no chaos"); Western European news is far more often cp1252.
    """
    best = matches[0]
    if best.encoding in _CJK and _mostly_ascii(data) and _decodes(data, "cp1252"):
        return "cp1252"  # a few accented letters read as two-byte CJK characters
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return "cp1252"
    return best.encoding


def _detect(data: bytes) -> str:
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        raise UnreadableFile("the text encoding could not be recognised")
    encoding = _prefer_western(matches, data)
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise UnreadableFile(f"the text encoding could not be recognised ({exc})") from exc


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file that starts with ``sample``, for a file read in parts (a big table).

    As :func:`decode_text` decides: a byte-order mark, else UTF-8 if the
    sample is (a character cut at its end allowed), else detected.
    :class:`UnreadableFile` for binary data.
    """
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    if _looks_binary(sample):
        raise UnreadableFile("this looks like a binary file, not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(sample[:200_000]))
    if not matches:
        raise UnreadableFile("the text encoding could not be recognised")
    return _prefer_western(matches, sample)
