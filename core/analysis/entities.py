"""Entity tables: canonical entities per mention, and entity × outlet comparison."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from core.analysis.distinct import joined_distinct
from core.nlp.names import AliasTable

MENTION_COLUMNS = ["article_id", "outlet", "start", "end", "text", "label", "entity"]
COUNT_COLUMNS = ["article_id", "outlet", "entity", "label", "n"]
TABLE_COLUMNS = ["entity", "label", "outlet", "mentions", "per_1000_words", "articles", "share_of_articles"]


def canonical_mentions(
    articles: pd.DataFrame, mentions: pd.DataFrame, aliases: AliasTable, types: Iterable[str] | None = None,
    labels: pd.Series | None = None,
) -> pd.DataFrame:
    """One row per mention with its canonical ``entity`` and that entity's ``label``.

    An entity's label is the one the alias table gives, else the label most
    of its mentions carry; ``labels`` (by entity) gives the project's labels
    when ``mentions`` are only some articles'. ``types`` filters by the label.
    """
    if mentions.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    # Resolve each distinct (name, label) once, then spread by position: fast at a million mentions.
    codes, pairs = pd.factorize(pd.MultiIndex.from_arrays([mentions["name"], mentions["label"]]))
    resolved = [aliases.resolve(name, label) for name, label in pairs]
    entity = pd.Series([r[0] for r in resolved], dtype=object).to_numpy()[codes]
    forced = pd.Series([r[1] for r in resolved], dtype=object).to_numpy()[codes]
    out = mentions.assign(entity=entity, label=forced)
    majority = out["entity"].map(_majority_label(out))
    out["label"] = majority if labels is None else out["entity"].map(labels).fillna(majority)
    out["outlet"] = out["article_id"].map(articles.set_index("id")["outlet"])
    out = out[out["outlet"].notna()]
    if types is not None:
        out = out[out["label"].isin(list(types))]
    return out[MENTION_COLUMNS].reset_index(drop=True)


def count_mentions(mentions: pd.DataFrame) -> pd.DataFrame:
    """``canonical_mentions`` counted per article and entity: ``article_id, outlet, entity, label, n``.

    Every table and chart that counts mentions accepts these rows as well as
    single mentions (see :func:`mention_weights`); they are a third as many.
    """
    if mentions.empty:
        return pd.DataFrame(columns=COUNT_COLUMNS)
    grouped = mentions.groupby(["article_id", "outlet", "entity", "label"], sort=False).size()
    return grouped.rename("n").reset_index()[COUNT_COLUMNS]


def mention_weights(rows: pd.DataFrame) -> pd.Series:
    """How many mentions each row stands for: its ``n`` when counted, else one."""
    if "n" in rows.columns:
        return rows["n"]
    return pd.Series(1, index=rows.index, dtype="int64")


def _majority_label(mentions: pd.DataFrame) -> pd.Series:
    """Per entity, the label most of its mentions carry (ties: alphabetical)."""
    counts = mentions.groupby(["entity", "label"], sort=False).size().rename("n").reset_index()
    counts = counts.sort_values(["entity", "n", "label"], ascending=[True, False, True], kind="stable")
    return counts.drop_duplicates("entity").set_index("entity")["label"]


def counted_articles(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles that count in comparisons: not a later version of another, not left out of the analysis.

    A wire story filed twice, or the print and online editions of one
    article, count once (``version_of``); an article in a language no model
    reads has no entities, and its words would dilute the outlet's rates
    (``analysis``). Frames without these columns count whole.
    """
    keep = pd.Series(True, index=articles.index)
    if "version_of" in articles:
        keep &= articles["version_of"].fillna("") == ""
    if "analysis" in articles:
        keep &= articles["analysis"].fillna("") == ""
    return articles if keep.all() else articles[keep]


def entity_outlet_table(articles: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Entity × outlet: mentions, per 1,000 words, articles naming it, share of articles.

    ``mentions`` is the output of :func:`canonical_mentions` or :func:`count_mentions`.
    Only :func:`counted_articles` count: a reprint once, and words of
    articles left out of the analysis never.
    """
    articles = counted_articles(articles)
    mentions = mentions[mentions["article_id"].isin(articles["id"])] if not mentions.empty else mentions
    if mentions.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    words = articles.groupby("outlet")["word_count"].sum()
    n_articles = articles.groupby("outlet")["id"].nunique()
    table = (
        mentions.assign(_n=mention_weights(mentions)).groupby(["entity", "label", "outlet"])
        .agg(mentions=("_n", "sum"), articles=("article_id", "nunique"))
        .reset_index()
    )
    table["per_1000_words"] = 1000 * table["mentions"] / table["outlet"].map(words).clip(lower=1)
    table["share_of_articles"] = table["articles"] / table["outlet"].map(n_articles)
    table = table.sort_values(["mentions", "entity"], ascending=[False, True], kind="stable")
    return table[TABLE_COLUMNS].reset_index(drop=True)


def top_entities(table: pd.DataFrame, n: int = 15, metric: str = "mentions") -> list[str]:
    """The ``n`` entities with the highest total ``metric`` over all outlets."""
    totals = table.groupby("entity")[metric].sum().sort_values(ascending=False, kind="stable")
    return list(totals.index[:n])


def coverage_split(table: pd.DataFrame, outlets: Iterable[str]) -> pd.DataFrame:
    """Per entity: how many outlets name it, and whether all or only one do."""
    outlets = list(outlets)
    per_entity = joined_distinct(table, ["entity", "label"], "outlet").rename(
        columns={"outlet": "outlets", "count": "outlets_naming"})
    naming = per_entity["outlets_naming"]
    per_entity["named_by"] = np.select([naming == len(outlets), naming == 1], ["all", "one"], "some")
    per_entity["only_outlet"] = per_entity["outlets"].where(naming == 1, "")
    return per_entity.sort_values(["outlets_naming", "entity"], ascending=[False, True]).reset_index(drop=True)
