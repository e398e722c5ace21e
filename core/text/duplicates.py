"""Near-duplicates and shared wire copy: how much text two articles share.

Articles are compared by their sets of word 5-grams ("shingles") over the
body (the headline is left out: outlets retitle wire copy); a 5-gram's hash
combines its words' hashes (each word hashed once) with numpy. MinHash
signatures (numpy, multiply-shift hashing of the 64-bit shingle hashes: a
library such as datasketch costs two seconds of scipy import for the same
ten lines) split into bands give candidate pairs cheaply; every candidate is
then checked on the exact shingle sets, so a verdict never rests on an
estimate.

* the same outlet (or an unknown one) and almost the same text: a duplicate,
  reported and not stored twice;
* different outlets and mostly the same text: shared copy (AP, Reuters, AFP
  run by several outlets) — each outlet keeps its article, flagged.
"""

from __future__ import annotations

import hashlib
import re
import struct
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from core.model.article import UNKNOWN_OUTLET, Article
from core.text.outlets import outlet_key

SHINGLE_WORDS = 5
#: Changes whenever shingle hashes change: a project's copy index of another version is rebuilt.
SHINGLE_VERSION = "2"
NUM_PERM = 128
BANDS = 32  # 4 rows a band: pairs sharing ~40% of shingles become candidates
MIN_SHINGLES = 15  # shorter texts are only compared exactly (by id)
DUPLICATE_JACCARD = 0.9
SHARED_COPY_CONTAINMENT = 0.6

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class CopyMatch:
    """What an article is to one already known: ``duplicate`` or ``shared_copy``."""

    kind: str
    other_id: str
    jaccard: float
    containment: float


def body_of(article: Article) -> str:
    """The analysed text without its headline line."""
    text = article.analysed_text
    return text.split("\n", 1)[1] if "\n" in text else ""


#: Texts up to this long are cached (an article of a book's length would hold on to hundreds of MB).
CACHED_CHARS = 50_000
#: Shingles hashed at once into MinHash signatures: 8 MB a row of permutations, not gigabytes for a book.
SIGNATURE_CHUNK = 8_192


def shingles(text: str) -> frozenset[int]:
    """64-bit hashes of the text's word 5-grams (case, accents of form and punctuation ignored).

    Cached for articles of ordinary length: an import compares each new
    article with the same recent ones.
    """
    return _cached_shingles(text) if len(text) <= CACHED_CHARS else _shingles(text)


@lru_cache(maxsize=512)
def _cached_shingles(text: str) -> frozenset[int]:
    return _shingles(text)


def _shingles(text: str) -> frozenset[int]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset()
    import numpy as np

    hashes = np.fromiter(map(_word_hash, words), dtype=np.uint64, count=len(words))
    count = len(words) - SHINGLE_WORDS + 1
    with np.errstate(over="ignore"):  # multiplications wrap modulo 2**64 by design
        grams = hashes[:count].copy()
        for k in range(1, SHINGLE_WORDS):  # order matters: "a b" and "b a" differ
            grams = grams * np.uint64(0x9E3779B97F4A7C15) ^ hashes[k:k + count]
        grams ^= grams >> np.uint64(31)  # splitmix64's finaliser spreads every bit
        grams *= np.uint64(0xBF58476D1CE4E5B9)
        grams ^= grams >> np.uint64(29)
    return frozenset(grams.view(np.int64).tolist())


@lru_cache(maxsize=200_000)
def _word_hash(word: str) -> int:
    """A word's 64-bit hash, the same in every session (Python's own hash is salted)."""
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def band_keys(shingle_set: frozenset[int]) -> list[tuple[int, int]]:
    """``(band, key)`` pairs of the set's MinHash signature; empty for short texts."""
    if len(shingle_set) < MIN_SHINGLES:
        return []
    import numpy as np

    multipliers, offsets = _permutations()
    values = np.fromiter(shingle_set, dtype=np.int64, count=len(shingle_set)).view(np.uint64)
    signature = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(values), SIGNATURE_CHUNK):
        chunk = values[start:start + SIGNATURE_CHUNK]
        with np.errstate(over="ignore"):  # multiply-shift hashing wraps modulo 2**64 by design
            hashed = (chunk[:, None] * multipliers[None, :] + offsets[None, :]) >> np.uint64(32)
        np.minimum(signature, hashed.min(axis=0), out=signature)
    rows = NUM_PERM // BANDS
    keys = []
    for band in range(BANDS):
        band_bytes = signature[band * rows:(band + 1) * rows].tobytes()
        keys.append((band, struct.unpack("<q", hashlib.blake2b(band_bytes, digest_size=8).digest())[0]))
    return keys


@lru_cache(maxsize=1)
def _permutations():
    """Fixed random odd multipliers and offsets: signatures must be stable across sessions."""
    import numpy as np

    generator = np.random.Generator(np.random.PCG64(20240305))
    multipliers = generator.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    offsets = generator.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return multipliers, offsets


def overlap(a: frozenset[int], b: frozenset[int]) -> tuple[float, float]:
    """Jaccard similarity and containment (shared share of the smaller set)."""
    if not a or not b:
        return 0.0, 0.0
    shared = len(a & b)
    return shared / len(a | b), shared / min(len(a), len(b))


def same_outlet(a: str, b: str) -> bool:
    if UNKNOWN_OUTLET in (a, b) or not a or not b:
        return True
    return outlet_key(a) == outlet_key(b)


def compare(new: Article, new_set: frozenset[int], other: Article, other_set: frozenset[int]) -> CopyMatch | None:
    """How ``new`` relates to ``other``, or ``None`` if they are different articles."""
    jaccard, containment = overlap(new_set, other_set)
    if same_outlet(new.outlet, other.outlet):
        if jaccard >= DUPLICATE_JACCARD:
            return CopyMatch("duplicate", other.id, jaccard, containment)
        return None
    if containment >= SHARED_COPY_CONTAINMENT:
        return CopyMatch("shared_copy", other.id, jaccard, containment)
    return None
