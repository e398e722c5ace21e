"""Which articles name an entity, most mentions first (to follow an entity into the texts)."""

from __future__ import annotations

import pandas as pd

from core.analysis.entities import mention_weights


def articles_naming(mentions: pd.DataFrame, entity: str) -> pd.DataFrame:
    """``article_id, outlet, mentions`` for ``entity``, most mentions first.

    ``mentions`` is the output of ``canonical_mentions`` or ``count_mentions``.
    """
    if mentions.empty:
        return pd.DataFrame(columns=["article_id", "outlet", "mentions"])
    hits = mentions[mentions["entity"] == entity]
    counts = mention_weights(hits).groupby([hits["article_id"], hits["outlet"]]).sum().rename("mentions").reset_index()
    return counts.sort_values(["mentions", "article_id"], ascending=[False, True], kind="stable").reset_index(drop=True)


def one_article_per_outlet(naming: pd.DataFrame, limit: int) -> list[str]:
    """The article naming the entity most in each outlet, outlets by that count, then the rest."""
    firsts = naming.drop_duplicates("outlet")
    rest = naming[~naming.index.isin(firsts.index)]
    return list(pd.concat([firsts, rest])["article_id"][:limit])
