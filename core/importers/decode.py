"""Bytes to text: byte-order marks, UTF-16 without one, UTF-8, mixed UTF-8/cp1252, then detection.

Whatever the route, mojibake (UTF-8 once read as cp1252, "CafÃ©") is repaired
with ftfy's encoding fixes only (quotes and widths are left as written).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from core.model.import_result import UnreadableFile

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}
#: A well-formed UTF-8 sequence of two to four bytes.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
#: Non-ASCII characters Western text is made of besides letters: typographic punctuation, currency, degrees.
_WESTERN_MARKS = set("“”‘’‚„–—…€£¥§°«»©®·•×÷¿¡\u00a0´¨ªº")


def decode_text(data: bytes) -> str:
    """Decode a text file whatever its encoding; raise :class:`UnreadableFile`.

    Empty and binary files are refused with a message a user understands.
    """
    text = _repair(_decode_any(data))
    if not text.strip():  # e.g. a byte-order mark or control characters and nothing else
        raise UnreadableFile("the file is empty")
    return text


def _decode_any(data: bytes) -> str:
    if not data.strip():
        raise UnreadableFile("the file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if _looks_binary(data):
        raise UnreadableFile("this looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mixed_utf8(data):
        return _per_line(data)
    return _detect(data)


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"the file claims to be {encoding} but is not: {exc.reason}") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark (Windows tools do): zero bytes on one side.

    Latin text has a zero in every other byte; text in other scripts still
    has them in its spaces, digits and punctuation.
    """
    sample = data[:8192]
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even = sum(1 for b in sample[0::2] if b == 0)
    odd = sum(1 for b in sample[1::2] if b == 0)
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= 0.1 * pairs and others <= 0.01 * pairs:
            try:
                text = data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            if not any(ord(c) in _CONTROL for c in text[:4096]):
                return text
    return None


def _mixed_utf8(data: bytes) -> bool:
    """Whether a file that is not UTF-8 as a whole has many lines that are (and so is mixed).

    Text in a single legacy code page forms a valid UTF-8 sequence only by
    rare accident, never on a fifth of its lines.
    """
    utf8 = legacy = 0
    for line in data[:200_000].split(b"\n"):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            legacy += 1
        else:
            utf8 += bool(_UTF8_SEQUENCE.search(line))
    return utf8 > 0 and utf8 >= 0.2 * (utf8 + legacy)


def _per_line(data: bytes) -> str:
    """A file whose lines were saved in different encodings (pasted together): UTF-8 where a line is, else cp1252."""
    lines = []
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
    return "\n".join(lines)


def _repair(text: str) -> str:
    """Mojibake repaired (encoding fixes only: quotes, widths and ligatures stay as written)."""
    if text.isascii():
        return text
    import ftfy

    return ftfy.fix_encoding(text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL)
    return controls > max(2, len(sample) // 100)


_CJK = {"shift_jis", "cp932", "euc_jp", "gb2312", "gb18030", "gbk", "big5", "big5hkscs", "euc_kr", "cp949", "johab", "iso2022_jp"}


def _mostly_ascii(data: bytes, share: float = 0.15) -> bool:
    """Real CJK, Cyrillic or Greek text is mostly high bytes; Western text has a few accented letters."""
    sample = data[:65536]
    return sum(b >= 0x80 for b in sample) < share * len(sample)


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible_share(text: str) -> float:
    """Share of the non-ASCII characters that are letters or Western punctuation (not "³", box lines)."""
    high = [c for c in text if ord(c) > 127]
    if not high:
        return 1.0
    good = sum(1 for c in high if c in _WESTERN_MARKS or unicodedata.category(c).startswith("L"))
    return good / len(high)


def _prefer_western(matches, data: bytes) -> str:
    """cp1252 when it reads mostly-ASCII text at least as well as the best guess.

    On short texts the detector cannot tell cp1252 from cp1250, nor from rare
    code pages such as cp775 or cp850 (German "Müller" read as "M³ller");
    Western European news is far more often cp1252. A code page that reads
    the accented letters as letters where cp1252 reads symbols (Polish "ł" in
    cp1250) keeps its place.
    """
    best = matches[0]
    if best.encoding in _CJK and _mostly_ascii(data) and _decoded(data, "cp1252") is not None:
        return "cp1252"  # a few accented letters read as two-byte CJK characters
    for match in matches:
        if match.encoding == "cp1252" and match.chaos <= best.chaos and match.coherence >= best.coherence:
            return "cp1252"
    if best.encoding != "cp1252" and _mostly_ascii(data, 0.35):
        western, guessed = _decoded(data[:65536], "cp1252"), _decoded(data[:65536], best.encoding)
        if western is not None and (guessed is None or _western_wins(best.encoding, western, guessed)):
            return "cp1252"
    return best.encoding


def _western_wins(encoding: str, western: str, guessed: str) -> bool:
    """cp1252 beats a DOS or Mac code page on a tie; a Windows or ISO one only when it reads worse."""
    rare = not encoding.startswith(("cp125", "windows", "iso8859", "latin", "koi8", "ascii"))
    if rare:
        return _plausible_share(western) >= _plausible_share(guessed)
    return _plausible_share(western) > _plausible_share(guessed)


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
