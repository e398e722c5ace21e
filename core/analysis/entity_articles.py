"""Which articles name an entity, most mentions first (to follow an entity into the texts)."""

from __future__ import annotations

import pandas as pd


def articles_naming(mentions: pd.DataFrame, entity: str) -> pd.DataFrame:
    """``article_id, outlet, mentions`` for ``entity``, most mentions first.

    ``mentions`` is the output of ``canonical_mentions``.
    """
    if mentions.empty:
        return pd.DataFrame(columns=["article_id", "outlet", "mentions"])
    hits = mentions[mentions["entity"] == entity]
    counts = hits.groupby(["article_id", "outlet"]).size().rename("mentions").reset_index()
    return counts.sort_values(["mentions", "article_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def one_article_per_outlet(naming: pd.DataFrame, limit: int) -> list[str]:
    """The article naming the entity most in each outlet, outlets by that count, then the rest."""
    firsts = naming.drop_duplicates("outlet")
    rest = naming[~naming.index.isin(firsts.index)]
    return list(pd.concat([firsts, rest])["article_id"][:limit])
