"""File and member names made safe to store and to show.

A file name is bytes on Linux: one that is not valid UTF-8 (byte 0xFF)
reaches Python with "surrogate escapes", which SQLite, JSON and a UTF-8
terminal all refuse. And a name may hold control characters (ESC, CR) that
a terminal obeys instead of showing: ``ESC[2J`` clears the screen, ``CR``
lets a name print over the line before it.
"""

from __future__ import annotations

import re

#: C0 and C1 control characters, DEL, and the bidirectional overrides that reorder
#: the text around them ("Trojan Source"); tab and newline included (a name is one line).
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def storable(text: str) -> str:
    """``text`` with undecodable file-name bytes written as ``\\xff`` (valid UTF-8 from here on).

    Other lone surrogates (a JSON ``"\\ud800"``) become ``\\ud800`` too.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def terminal_text(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``, ``\\r``), never obeyed."""
    text = storable(text)
    return _UNSHOWABLE.sub(lambda m: _escape(m.group()), text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
