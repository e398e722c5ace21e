"""Mentions of entities per day and outlet: what the timeline draws."""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from core.analysis.entities import counted_articles, mention_weights

TIMELINE_COLUMNS = ["day", "outlet", "entity", "mentions", "articles"]


def mentions_per_day(mentions: pd.DataFrame, articles: pd.DataFrame, entities: Iterable[str], *,
                     first_appearance: bool = True) -> pd.DataFrame:
    """``day, outlet, entity, mentions, articles`` for the given entities, by publication day.

    ``mentions``: ``canonical_mentions`` or ``count_mentions`` rows; ``articles``: ``articles_frame``.
    The day is the date part of the article's ISO date; undated articles are
    left out (see :func:`undated_share`). Days are ``datetime64`` so a plot
    can use them as a time axis. An article and its later versions count
    once (:func:`~core.analysis.entities.counted_articles`), on the day it first
    appeared (``first_appearance``; ``False``: on the counted article's own date).
    """
    entities = list(entities)
    if mentions.empty or not entities:
        return _empty()
    named = set(mentions.loc[mentions["entity"].isin(entities), "article_id"])
    articles = counted_articles(articles[articles["id"].isin(named)])  # of a million, only those naming them
    if articles.empty:
        return _empty()
    if first_appearance and "first_appearance" in articles:
        articles = articles.assign(date=articles["first_appearance"].where(articles["first_appearance"].notna(), articles["date"]))
    days = _days(articles)
    hits = mentions[mentions["entity"].isin(entities) & mentions["article_id"].isin(articles["id"])]
    hits = hits.assign(day=hits["article_id"].map(days), _n=mention_weights(hits)).dropna(subset=["day"])
    if hits.empty:
        return _empty()
    table = (hits.groupby(["day", "outlet", "entity"])
             .agg(mentions=("_n", "sum"), articles=("article_id", "nunique")).reset_index())
    return table.sort_values(["entity", "outlet", "day"], kind="stable").reset_index(drop=True)[TIMELINE_COLUMNS]


def undated_share(articles: pd.DataFrame) -> float:
    """The share of articles without a usable date (0 for no articles)."""
    if articles.empty:
        return 0.0
    return float(_days(articles).isna().mean())


def _days(articles: pd.DataFrame) -> pd.Series:
    dates = pd.to_datetime(articles["date"].astype("string").str[:10], format="%Y-%m-%d", errors="coerce")
    return pd.Series(dates.to_numpy(), index=articles["id"].to_numpy())


def _empty() -> pd.DataFrame:
    return pd.DataFrame({"day": pd.Series(dtype="datetime64[ns]"), "outlet": pd.Series(dtype=object),
                         "entity": pd.Series(dtype=object), "mentions": pd.Series(dtype="int64"),
                         "articles": pd.Series(dtype="int64")})
