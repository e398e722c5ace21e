"""The sentence around a mention, so a reader of the workbook sees it in context."""

from __future__ import annotations

import bisect
import re

CONTEXT_LIMIT = 300

# A sentence ends at . ! ? … (and closing quotes) followed by space and a capital
# or an opening quote, unless the dot ends an initial ("U.S.", "J.") or a title.
# The look-behinds come after the punctuation so they run only where there is some.
_SENTENCE_END = re.compile(
    r"[.!?…](?<!\b[A-Z].)(?<!\bMr.)(?<!\bMs.)(?<!\bMrs.)(?<!\bDr.)(?<!\bSt.)(?<!\bNo.)"
    r"[\"'”’)\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])"
    r"|\n+"
)


class SentenceIndex:
    """Sentence boundaries of one text, found once and looked up per mention."""

    def __init__(self, text: str, starts: list[int] | None = None):
        """``starts``: sentence starts the analysis found; else found here with a rule."""
        self.text = text
        if starts:
            self.starts = sorted({0, *starts})
        else:
            self.starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]

    def context(self, start: int, end: int, limit: int = CONTEXT_LIMIT) -> str:
        """The sentence holding ``start:end``; a window around it if the sentence is long."""
        i = bisect.bisect_right(self.starts, start) - 1
        left = self.starts[i]
        j = bisect.bisect_left(self.starts, max(end, start + 1))
        right = self.starts[j] if j < len(self.starts) else len(self.text)
        if right - left <= limit:
            return " ".join(self.text[left:right].split())
        half = max((limit - (end - start)) // 2, 20)
        lo, hi = max(left, start - half), min(right, end + half)
        snippet = " ".join(self.text[lo:hi].split())
        return ("…" if lo > left else "") + snippet + ("…" if hi < right else "")
