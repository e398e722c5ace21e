"""Story names that say what happened: the story's most central headline, tidied.

The most central headline is that of the article most similar to the
story's other articles (the similarity stories are grouped by), so a
story's name reads like a headline of the event rather than a list of the
entities it names. Stories without headlines fall back to the entities
most of their articles name.
"""

from __future__ import annotations

import re

import pandas as pd

from core.analysis.entities import mention_weights

#: Longest name kept whole; longer headlines are cut at a word.
MAX_NAME = 80
UNTITLED = "Untitled story"
_PREFIX = re.compile(r"^\s*(?:live|watch|video|breaking|exclusive|update[d]?|opinion|analysis|photos?)\s*[:|–—-]\s*",
                     re.I)
_SUFFIX = re.compile(r"\s*(?:\((?:video|photos?|watch|live|updated?)\)|\b(?:VIDEO|PHOTOS?)\b)\s*$", re.I)
_SITE_TAIL = re.compile(r"\s+\|\s+[^|]{2,40}$")  # "Headline | Site name"


def story_names(titles: pd.Series, stories: pd.Series, centrality: pd.Series) -> dict:
    """A name per story: the tidied headline of its most central titled article.

    ``titles``, ``stories`` (story by article) and ``centrality`` (summed
    similarity to the rest of its cluster, from
    :func:`core.analysis.stories.clusters_and_centrality`) are by article id;
    ties go to the shorter headline. Stories without any headline are left
    out (the caller names them another way).
    """
    frame = pd.DataFrame({"story": stories})
    frame["name"] = titles.reindex(frame.index).map(tidy_headline)
    frame["centrality"] = centrality.reindex(frame.index).fillna(0.0).round(6)
    frame = frame[frame["name"].str.len() > 0]
    frame = frame.assign(length=frame["name"].str.len())
    best = frame.sort_values(["story", "centrality", "length"], ascending=[True, False, True], kind="stable")
    return best.drop_duplicates("story").set_index("story")["name"].to_dict()


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
