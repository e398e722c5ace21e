"""Speed of passage alignment and keyness on synthetic corpora of realistic size.

    python -m benchmarks.passages_bench

Passages: one story of 50 articles x 60 sentences. A fifth of each article is
wire copy (verbatim or lightly edited), the rest are sentences made of the
seed articles' words, so topic words are shared everywhere as in a real story
(the hard case for the sparse similarity product).
Keyness: 10,000 articles, 20 outlets, 500 stories, ~150 distinct terms each
from a Zipf-distributed vocabulary of 20,000 terms.
"""

from __future__ import annotations

import re
import time

import numpy as np
import pandas as pd

from core.analysis.keyness import keyness
from core.analysis.passages import align_passages, passage_shares
from core.paths import seeds_dir


def seed_sentences() -> list[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir().glob("*.txt")))
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.split()) >= 6]


def story_sentences(rng: np.random.Generator, articles: int = 50, per_article: int = 60) -> pd.DataFrame:
    wire = seed_sentences()
    words = " ".join(wire).split()
    rows = []
    for a in range(articles):
        for i in range(per_article):
            if rng.random() < 0.2:
                text = wire[rng.integers(len(wire))]
                if rng.random() < 0.5:  # a small edit
                    tokens = text.split()
                    del tokens[rng.integers(len(tokens))]
                    text = " ".join(tokens)
            else:
                text = " ".join(rng.choice(words, size=rng.integers(12, 30))) + "."
            rows.append((f"art{a}", f"Outlet {a % 25}", 1, i, 0, len(text), text))
    return pd.DataFrame(rows, columns=["article_id", "outlet", "story_id", "idx", "start", "end", "text"])


def keyness_inputs(rng: np.random.Generator, n_articles: int = 10_000, vocabulary: int = 20_000):
    articles = pd.DataFrame({
        "id": [f"a{i}" for i in range(n_articles)],
        "outlet": [f"Outlet {i % 20}" for i in range(n_articles)],
        "story_id": rng.integers(0, 500, n_articles),
        "word_count": rng.integers(300, 1500, n_articles),
    })
    per_article = 150
    ranks = rng.zipf(1.3, size=n_articles * per_article * 2)
    ranks = ranks[ranks <= vocabulary][: n_articles * per_article]
    terms = pd.DataFrame({
        "article_id": np.repeat(articles["id"].to_numpy(), per_article)[: len(ranks)],
        "term": pd.Series(ranks).map(lambda r: f"term{r}").to_numpy(),
        "kind": "word",
        "count": 1,
    })
    terms = terms.groupby(["article_id", "term", "kind"], as_index=False)["count"].sum()
    return terms, articles


def timed(label: str, func, *args, **kwargs):
    """Wall and CPU time: the CPU figure stays meaningful on a busy machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = func(*args, **kwargs)
    print(f"{label}: {time.perf_counter() - wall:.3f} s wall, {time.process_time() - cpu:.3f} s CPU")
    return result


def main() -> None:
    rng = np.random.default_rng(7)
    sentences = story_sentences(rng)
    align_passages(sentences.head(200))  # warm-up: imports
    alignment = timed(f"align_passages, {len(sentences)} sentences in one story", align_passages, sentences)
    timed("passage_shares", passage_shares, sentences, alignment)
    print(alignment["relation"].value_counts().to_dict())
    terms, articles = keyness_inputs(rng)
    print(f"{len(articles)} articles, {len(terms)} term rows")
    story = timed("keyness, story scope", keyness, terms, articles, scope="story")
    project = timed("keyness, project scope", keyness, terms, articles, scope="project")
    print(f"{len(story)} story rows, {len(project)} project rows")


if __name__ == "__main__":
    main()
