"""Entity tables: canonical entities per mention, and entity × outlet comparison."""

from __future__ import annotations

from typing import Iterable

import numpy as np
import pandas as pd

from core.analysis.distinct import joined_distinct
from core.text.names import AliasTable
from core.text.outlets import outlet_key, outlet_table

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
    out = out[out["outlet"].notna() & ~_not_of_the_coverage(out, aliases)]
    if types is not None:
        out = out[out["label"].isin(list(types))]
    return out[MENTION_COLUMNS].reset_index(drop=True)


def _not_of_the_coverage(mentions: pd.DataFrame, aliases: AliasTable) -> pd.Series:
    """Mentions that name no entity of the coverage: "Democrats", or the article's own outlet."""
    ignored = mentions["entity"].map(_cached(aliases.is_ignored, mentions["entity"])).astype(bool)
    return ignored | own_outlet_mask(mentions["entity"], mentions["outlet"])


def _cached(test, values: pd.Series) -> dict:
    return {v: test(v) for v in values.dropna().unique()}


def own_outlet_mask(names: pd.Series, outlets: pd.Series) -> pd.Series:
    """Which names are the outlet of their article ("Fox News" in a Fox News article), in any spelling
    the outlet table knows ("New York Times" in The New York Times)."""
    spellings = outlet_spellings(outlets.dropna().unique())
    keys = names.map(_cached(outlet_key, names.astype(object).where(names.notna(), "")))
    mask = pd.Series(False, index=names.index, dtype=bool)
    maybe = keys.isin(list(spellings)).to_numpy()  # few names spell an outlet at all: test only those
    if maybe.any():
        mask[maybe] = [o in spellings[k] for k, o in zip(keys[maybe], outlets[maybe])]
    return mask


def outlet_spellings(outlets) -> dict[str, set[str]]:
    """outlet_key of every spelling of these outlets -> the outlets it spells."""
    wanted = {outlet_key(o): o for o in outlets if isinstance(o, str) and o}
    spellings: dict[str, set[str]] = {}
    for key, outlet in wanted.items():
        spellings.setdefault(key, set()).add(outlet)
    for alias, name in outlet_table().items():
        spelt = wanted.get(outlet_key(name))
        if spelt is not None:
            spellings.setdefault(alias, set()).add(spelt)
    return spellings


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
