"""Which language an article is written in, from its text (py3langid: its model ships in the package).

An export's language field or a user's edit is kept as given. A page's
declared language gives way to a confident reading of the text (sites keep
``lang="en"`` in the template of every edition). Too little text, or no
clear answer, leaves the language as it was.
"""

from __future__ import annotations

import re
import threading

from core.model.article import Origin

#: Characters read: the first few paragraphs say it as well as the whole text, at a fraction of the time.
SAMPLE_CHARS = 1500
#: Fewer letters than this are not enough to tell.
MIN_LETTERS = 40
#: How sure the detector must be; more to overrule a page's declaration.
MIN_PROBABILITY = 0.8
OVERRULE_PROBABILITY = 0.95

_LETTER = re.compile(r"[^\W\d_]")
_lock = threading.Lock()
_identifier = None


def _classify(text: str) -> tuple[str, float]:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        language, probability = _identifier.classify(text)
    return language, float(probability)


def detect_language(text: str) -> tuple[str, float]:
    """``(ISO 639-1 code, probability)`` of the text, or ``("", 0.0)`` when it is too short to tell.

    The detector unpacks its model to a temporary file on first use: with a
    full disk that fails, and the language stays unknown (the article is
    still imported, and analysed with the chosen model).
    """
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return "", 0.0
    try:
        return _classify(sample)
    except (OSError, MemoryError):
        return "", 0.0


def article_language(text: str, declared: str, origin: Origin) -> tuple[str, Origin] | None:
    """The language to record and its origin, or ``None`` to keep what the article has."""
    if declared and origin in (Origin.FILE, Origin.EDITED):
        return None
    language, probability = detect_language(text)
    if not language or probability < MIN_PROBABILITY or language == declared:
        return None
    if declared and probability < OVERRULE_PROBABILITY:
        return None
    return language, Origin.GUESSED
