"""Shared and unique passages: which sentences of a story other outlets also carry.

Within each story, every sentence is compared with the sentences of articles
from *other* outlets (an outlet repeating itself is not sharing):

- ``reused``: near-identical wording, as when wire copy is run with small
  edits. Either the two normalised sentences have an Indel similarity
  (rapidfuzz ``fuzz.ratio``, the same measure as difflib's ratio) of at least
  :data:`REUSE_RATIO`, by characters or by words (a short sentence with one
  long word dropped), or nearly all words of the shorter one appear in the
  same order in the longer one (:data:`REUSE_CONTAINMENT`, word-level longest
  common subsequence: a wire sentence kept whole inside a longer one).
- ``same_fact``: the same content in other words. Conservative on purpose
  (a false "shared" claim is worse than a missed one): TF-IDF cosine of the
  content words of at least :data:`SAME_FACT_COSINE`, at least one shared
  anchor (an entity name or a number), and the two sentences are each
  other's best match between their two articles.

Candidate pairs come from one sparse TF-IDF product per story, so a story of
50 articles x 60 sentences takes a fraction of a second.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

# scikit-learn, scipy and rapidfuzz are imported inside the functions that use
# them: importing scikit-learn takes seconds, and the window must open at once.

#: Indel similarity (0-1) of normalised sentences from which they count as reused.
#: Wire copy edited for house style ("on Monday" -> "Monday", a changed
#: attribution) stays above 0.8; different sentences on the same topic rarely
#: pass 0.6.
REUSE_RATIO = 0.8
#: Share of the shorter sentence's words found in order in the longer one
#: (which must also pass :data:`SAME_FACT_COSINE`, so scattered function
#: words never make a match).
REUSE_CONTAINMENT = 0.9
#: Fewer words than this and a sentence is too short to call copied by ratio.
MIN_REUSE_WORDS = 5
#: The shorter sentence needs this many words to count as contained.
MIN_CONTAINED_WORDS = 8
#: TF-IDF cosine of content words from which two sentences may state one fact.
SAME_FACT_COSINE = 0.4
#: Both sentences need this many content words for "same fact".
MIN_FACT_WORDS = 3
#: Pairs below this cosine are never looked at (reused pairs score far above).
CANDIDATE_COSINE = 0.3

ALIGNMENT_COLUMNS = ["story_id", "article_id", "idx", "other_article_id", "other_idx", "relation", "similarity"]
STATUS_COLUMNS = ["article_id", "idx", "status"]
SHARE_COLUMNS = [
    "article_id", "sentences", "shared_sentences", "reused_sentences",
    "same_fact_sentences", "unique_sentences", "share_shared", "share_reused",
]

_REPORTING_WORDS = frozenset({"said", "says", "say", "told", "according"})
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*\w|\b[A-Z]\b")
_FIRST_WORD = re.compile(r"\w")


def normalise(text: str) -> str:
    """Case-folded words joined by single spaces: punctuation and quote styles ignored."""
    return " ".join(_WORD.findall(text.casefold()))


def content_words(normalised: str) -> str:
    """Content words with plural -s folded, for TF-IDF (no lemmatiser needed)."""
    return " ".join(filter(None, map(_content_form, normalised.split())))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words and reporting verbs (nearly every news sentence has one)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS | _REPORTING_WORDS


@lru_cache(maxsize=200_000)
def _content_form(word: str) -> str:
    """The word as counted for content, or "" for stop words and bare numbers."""
    if word in stop_words() or word.isdigit():
        return ""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def anchors(text: str, names: tuple[str, ...] | None = None) -> str:
    """Numbers and names in a sentence, one ``|``-separated token each.

    ``names`` are the canonical entity names found in the sentence; when
    entities are unknown (None) capitalised words (not the sentence's first
    word) stand in for names.
    """
    numbers = [n.replace(",", "") for n in _NUMBER.findall(text)]
    if names is not None:
        found = [n.casefold() for n in names]
    else:
        first = _FIRST_WORD.search(text)
        first_start = first.start() if first else -1
        found = [m.group().casefold().rstrip(".") for m in _CAPITALISED.finditer(text)
                 if m.start() != first_start]
        found = [w for w in found if w not in stop_words()]
    return "|".join(dict.fromkeys(numbers + found))


def align_passages(sentences: pd.DataFrame, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentence pairs across outlets within each story, one row per direction.

    ``sentences``: ``article_id, outlet, story_id, idx, start, end, text``.
    ``mentions`` (optional): ``article_id, start, end, name`` entity mentions
    with canonical names; they make better anchors than capitalised words.
    Articles without a story are not aligned; articles without an outlet
    count as an outlet of their own.
    """
    prepared = _prepared(sentences, mentions)
    frames = [_align_story(story_id, group) for story_id, group in prepared.groupby("story_id", sort=False)]
    frames = [f for f in frames if not f.empty]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=_dtype(c)) for c in ALIGNMENT_COLUMNS})
    return pd.concat(frames, ignore_index=True)[ALIGNMENT_COLUMNS]


def _dtype(column: str) -> str:
    return {"idx": "int64", "other_idx": "int64", "similarity": "float64"}.get(column, "object")


def _prepared(sentences: pd.DataFrame, mentions: pd.DataFrame | None) -> pd.DataFrame:
    """Sentences of stories with two outlets or more, with their comparable forms."""
    frame = sentences[sentences["story_id"].notna()].copy()
    missing = frame["outlet"].isna() | (frame["outlet"].astype(str).str.strip() == "")
    frame.loc[missing, "outlet"] = "\0" + frame.loc[missing, "article_id"].astype(str)
    frame = frame[frame.groupby("story_id")["outlet"].transform("nunique") > 1]
    frame["outlet_code"] = pd.factorize(frame["outlet"])[0]
    frame["text"] = frame["text"].fillna("").astype(str)
    frame["norm"] = frame["text"].map(normalise)
    frame["content"] = frame["norm"].map(content_words)
    names = _names_by_sentence(frame, mentions)
    default = None if mentions is None else ()
    keys = zip(frame["article_id"], frame["idx"])
    frame["anchors"] = [anchors(text, names.get(key, default)) for text, key in zip(frame["text"], keys)]
    return frame.reset_index(drop=True)


def _names_by_sentence(frame: pd.DataFrame, mentions: pd.DataFrame | None) -> dict:
    """(article_id, idx) -> entity names whose mention starts inside the sentence."""
    if mentions is None or mentions.empty:
        return {}
    spans = frame[["article_id", "idx", "start", "end"]]
    named = mentions[mentions["name"].notna() & (mentions["name"].astype(str) != "")]
    joined = named[["article_id", "start", "name"]].rename(columns={"start": "at"}).merge(spans, on="article_id")
    inside = joined[(joined["at"] >= joined["start"]) & (joined["at"] < joined["end"])]
    return {key: tuple(group["name"]) for key, group in inside.groupby(["article_id", "idx"])}


def _align_story(story_id, story: pd.DataFrame) -> pd.DataFrame:
    from rapidfuzz import fuzz
    from rapidfuzz.process import cpdist

    pairs = _candidate_pairs(story)
    if pairs.empty:
        return pairs
    norm = story["norm"].to_numpy()
    pairs["ratio"] = cpdist(norm[pairs["a"]], norm[pairs["b"]], scorer=fuzz.ratio, workers=1) / 100.0
    words = story["norm"].str.split().to_numpy()
    sizes = np.fromiter((len(w) for w in words), dtype=np.int64, count=len(words))
    shorter = np.minimum(sizes[pairs["a"]], sizes[pairs["b"]])
    common = _common_words(words, pairs)
    pairs["contained"] = np.divide(common, shorter, out=np.zeros(len(pairs)), where=shorter > 0)
    pairs["word_ratio"] = 2 * common / (sizes[pairs["a"]] + sizes[pairs["b"]]).clip(min=1)
    pairs["shared_anchors"] = _shared_anchor_count(story, pairs)
    reused = (shorter >= MIN_REUSE_WORDS) & (
        (pairs["ratio"] >= REUSE_RATIO) | (pairs["word_ratio"] >= REUSE_RATIO)
        | ((pairs["contained"] >= REUSE_CONTAINMENT) & (shorter >= MIN_CONTAINED_WORDS)
           & (pairs["cosine"] >= SAME_FACT_COSINE))
    )
    pairs["relation"] = np.where(reused, "reused", "")
    copied = pairs[["ratio", "word_ratio"]].max(axis=1)
    copied = copied.where(copied >= REUSE_RATIO, pairs["contained"])  # the measure that decided
    pairs["similarity"] = np.where(reused, copied, pairs["cosine"])
    pairs.loc[_same_fact_mask(story, pairs), "relation"] = "same_fact"
    return _both_directions(story_id, story, pairs[pairs["relation"] != ""])


def _candidate_pairs(story: pd.DataFrame) -> pd.DataFrame:
    """Sentence pairs of different outlets whose content-word cosine is worth a look."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(token_pattern=r"\S+", sublinear_tf=True, lowercase=False).fit_transform(story["content"])
    except ValueError:  # no content words at all
        return pd.DataFrame(columns=["a", "b", "cosine"])
    product = (matrix @ matrix.T).tocsr()
    product.data[product.data < CANDIDATE_COSINE] = 0  # most pairs: drop them before anything else
    product.eliminate_zeros()
    cosine = product.tocoo()
    outlets = story["outlet_code"].to_numpy()
    keep = (cosine.row < cosine.col) & (outlets[cosine.row] != outlets[cosine.col])
    return pd.DataFrame({"a": cosine.row[keep], "b": cosine.col[keep], "cosine": np.minimum(cosine.data[keep], 1.0)})


def _binary_rows(texts: pd.Series, **options):
    """Binary document-term matrix (scipy CSR), or None when nothing is left to count."""
    from sklearn.feature_extraction.text import CountVectorizer

    try:
        return CountVectorizer(binary=True, lowercase=False, **options).fit_transform(texts).tocsr()
    except ValueError:  # empty vocabulary
        return None


def _pair_overlap(matrix, pairs: pd.DataFrame) -> np.ndarray:
    """How many features each pair of rows shares."""
    return np.asarray(matrix[pairs["a"].to_numpy()].multiply(matrix[pairs["b"].to_numpy()]).sum(axis=1)).ravel()


def _common_words(words: np.ndarray, pairs: pd.DataFrame) -> np.ndarray:
    """Length of the longest common word subsequence of each pair."""
    from rapidfuzz.distance import LCSseq
    from rapidfuzz.process import cpdist

    return cpdist(words[pairs["a"]], words[pairs["b"]], scorer=LCSseq.similarity, workers=1).astype(float)


def _shared_anchor_count(story: pd.DataFrame, pairs: pd.DataFrame) -> np.ndarray:
    matrix = _binary_rows(story["anchors"], tokenizer=lambda s: [t for t in s.split("|") if t], token_pattern=None)
    return np.zeros(len(pairs)) if matrix is None else _pair_overlap(matrix, pairs)


def _same_fact_mask(story: pd.DataFrame, pairs: pd.DataFrame) -> pd.Series:
    """Non-reused pairs that pass the thresholds and are mutual best matches."""
    content_size = story["content"].str.split().str.len().fillna(0).to_numpy()
    articles = story["article_id"].to_numpy()
    frame = pairs.assign(art_a=articles[pairs["a"]], art_b=articles[pairs["b"]])
    # A sentence reused in the other article already has its counterpart there.
    reused = frame[frame["relation"] == "reused"]
    taken = pd.MultiIndex.from_arrays([np.concatenate([reused["a"], reused["b"]]),
                                       np.concatenate([reused["art_b"], reused["art_a"]])])
    free = ~pd.MultiIndex.from_arrays([frame["a"], frame["art_b"]]).isin(taken) & ~pd.MultiIndex.from_arrays(
        [frame["b"], frame["art_a"]]).isin(taken)
    eligible = (
        (frame["relation"] == "") & free
        & (frame["cosine"] >= SAME_FACT_COSINE) & (frame["shared_anchors"] >= 1)
        & (np.minimum(content_size[frame["a"]], content_size[frame["b"]]) >= MIN_FACT_WORDS)
    )
    candidates = frame[eligible]
    best_for_a = candidates.groupby(["a", "art_b"])["cosine"].idxmax()
    best_for_b = candidates.groupby(["b", "art_a"])["cosine"].idxmax()
    mutual = set(best_for_a.to_numpy()) & set(best_for_b.to_numpy())
    return frame.index.isin(list(mutual))


def _both_directions(story_id, story: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    ids, idx = story["article_id"].to_numpy(), story["idx"].to_numpy()

    def rows(this: str, other: str) -> pd.DataFrame:
        return pd.DataFrame({
            "story_id": story_id,
            "article_id": ids[pairs[this]], "idx": idx[pairs[this]].astype("int64"),
            "other_article_id": ids[pairs[other]], "other_idx": idx[pairs[other]].astype("int64"),
            "relation": pairs["relation"].to_numpy(), "similarity": pairs["similarity"].to_numpy().astype(float),
        })

    return pd.concat([rows("a", "b"), rows("b", "a")], ignore_index=True)


def sentence_status(sentences: pd.DataFrame, alignment: pd.DataFrame) -> pd.DataFrame:
    """``article_id, idx, status``: reused beats same_fact beats unique."""
    reused = alignment.assign(reused=alignment["relation"].eq("reused"))
    reused = reused.groupby(["article_id", "idx"], as_index=False)["reused"].max()
    frame = sentences[["article_id", "idx"]].reset_index(drop=True)
    frame = frame.merge(reused.astype({"idx": frame["idx"].dtype}), on=["article_id", "idx"], how="left")
    frame["status"] = np.select([frame["reused"].eq(True), frame["reused"].eq(False)], ["reused", "same_fact"], "unique")
    return frame[STATUS_COLUMNS]


def passage_shares(sentences: pd.DataFrame, alignment: pd.DataFrame) -> pd.DataFrame:
    """Per article: sentence counts by status and the share of its characters others carry."""
    status = sentence_status(sentences, alignment)
    status["chars"] = sentences["text"].fillna("").astype(str).str.len().to_numpy()
    by_status = status.pivot_table(index="article_id", columns="status", values="chars",
                                   aggfunc=["count", "sum"], fill_value=0)
    out = pd.DataFrame(index=by_status.index)
    count = {s: _column(by_status, "count", s) for s in ("reused", "same_fact", "unique")}
    chars = {s: _column(by_status, "sum", s) for s in ("reused", "same_fact", "unique")}
    total_chars = sum(chars.values())
    out["sentences"] = sum(count.values())
    out["shared_sentences"] = count["reused"] + count["same_fact"]
    out["reused_sentences"] = count["reused"]
    out["same_fact_sentences"] = count["same_fact"]
    out["unique_sentences"] = count["unique"]
    out["share_shared"] = _share(chars["reused"] + chars["same_fact"], total_chars)
    out["share_reused"] = _share(chars["reused"], total_chars)
    return out.reset_index()[SHARE_COLUMNS]


def _column(table: pd.DataFrame, func: str, status: str) -> pd.Series:
    return table[(func, status)] if (func, status) in table.columns else pd.Series(0, index=table.index)


def _share(part: pd.Series, whole: pd.Series) -> pd.Series:
    return (part / whole.where(whole > 0)).fillna(0.0).astype(float)
