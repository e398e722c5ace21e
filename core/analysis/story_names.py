"""Story names that say what happened: the story's most central headline, tidied.

The most central headline is that of the article most similar to the
story's other articles (the similarity stories are grouped by), so a
story's name reads like a headline of the event rather than a list of the
entities it names. Stories without headlines fall back to the entities
most of their articles name.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from core.analysis.entities import mention_weights
from core.analysis.stories import StoryParams, pair_similarity
from core.analysis.story_features import StoryFeatures

#: Longest name kept whole; longer headlines are cut at a word.
MAX_NAME = 80
UNTITLED = "Untitled story"
_PREFIX = re.compile(r"^\s*(?:live|watch|video|breaking|exclusive|update[d]?|opinion|analysis|photos?)\s*[:|–—-]\s*",
                     re.I)
_SUFFIX = re.compile(r"\s*(?:\((?:video|photos?|watch|live|updated?)\)|\b(?:VIDEO|PHOTOS?)\b)\s*$", re.I)
_SITE_TAIL = re.compile(r"\s+\|\s+[^|]{2,40}$")  # "Headline | Site name"


def story_names(features: StoryFeatures, titles: pd.Series, clusters: pd.Series,
                params: StoryParams = StoryParams()) -> dict:
    """A name per cluster: the tidied headline of its most central titled article.

    ``titles`` and ``clusters`` are by article id; clusters without any
    headline are left out (the caller names them another way).
    """
    row_of = {article_id: i for i, article_id in enumerate(features.ids)}
    names = {}
    for cluster, ids in clusters.groupby(clusters).groups.items():
        titled = [a for a in ids if a in row_of and tidy_headline(titles.get(a, ""))]
        if titled:
            names[cluster] = tidy_headline(titles[_most_central(features, [row_of[a] for a in titled], titled, params)])
    return names


def _most_central(features: StoryFeatures, rows: list[int], ids: list, params: StoryParams):
    if len(rows) == 1:
        return ids[0]
    part = features.rows(np.asarray(rows))
    centrality = pair_similarity(part, part, params).sum(axis=1)
    headline = np.asarray((part.headlines @ part.headlines.T).sum(axis=1)).ravel()
    best = max(range(len(ids)), key=lambda i: (round(float(centrality[i]), 4), round(float(headline[i]), 4), -i))
    return ids[best]


def tidy_headline(title) -> str:
    """A headline without "LIVE:", "(VIDEO)" or a trailing " | Site name", cut to :data:`MAX_NAME`."""
    if not isinstance(title, str):
        return ""
    name = " ".join(title.split())
    name = _SUFFIX.sub("", _PREFIX.sub("", name))
    if len(name) > 30:
        name = _SITE_TAIL.sub("", name)
    name = name.strip(" :|–—-")
    if len(name) > MAX_NAME:
        name = name[:MAX_NAME].rsplit(" ", 1)[0].rstrip(" ,;:–—-") + "…"
    return name


def entity_name(mentions: pd.DataFrame, n: int = 3) -> str:
    """A name for a story without headlines: the entities most of its articles name."""
    if mentions.empty:
        return UNTITLED
    ranked = (mentions.assign(_n=mention_weights(mentions)).groupby("entity")
              .agg(articles=("article_id", "nunique"), mentions=("_n", "sum")))
    ranked = ranked.sort_values(["articles", "mentions"], ascending=False, kind="stable")
    return " · ".join(ranked.index[:n])
