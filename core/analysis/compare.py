"""Compare the outlets within a story: prominence, descriptions, who is quoted."""

from __future__ import annotations

import pandas as pd

from core.model.article import Article, count_words
from core.text.names import AliasTable

PROMINENCE_COLUMNS = ["entity", "outlet", "in_headline", "in_lead", "first_position"]


def lead_bounds(article: Article) -> tuple[int, int]:
    """End of the headline line and end of the first body paragraph."""
    text = article.text
    headline_end = text.find("\n")
    if headline_end < 0:
        return len(text), len(text)
    pos = headline_end + 1
    while pos < len(text) and text[pos] == "\n":
        pos += 1
    lead_end = text.find("\n", pos)
    return headline_end, len(text) if lead_end < 0 else lead_end


def prominence(articles: list[Article], mentions: pd.DataFrame) -> pd.DataFrame:
    """Per entity and outlet: articles naming it in the headline, in the lead, and
    the mean position of its first mention (0 = first word, 1 = last)."""
    if mentions.empty:
        return pd.DataFrame(columns=PROMINENCE_COLUMNS)
    bounds = pd.DataFrame(
        [(a.id, *lead_bounds(a), max(len(a.text), 1)) for a in articles],
        columns=["article_id", "headline_end", "lead_end", "length"],
    )
    first = mentions.groupby(["article_id", "outlet", "entity"], as_index=False)["start"].min()
    first = first.merge(bounds, on="article_id")
    first["in_headline"] = first["start"] < first["headline_end"]
    first["in_lead"] = first["start"] < first["lead_end"]
    first["first_position"] = first["start"] / first["length"]
    return (
        first.groupby(["entity", "outlet"], as_index=False)
        .agg(in_headline=("in_headline", "sum"), in_lead=("in_lead", "sum"), first_position=("first_position", "mean"))
        [PROMINENCE_COLUMNS]
    )


def descriptor_table(descriptors: pd.DataFrame, articles: pd.DataFrame, aliases: AliasTable) -> pd.DataFrame:
    """How each outlet describes each entity: ``entity, outlet, descriptor, kind, count``."""
    columns = ["entity", "outlet", "descriptor", "kind", "count"]
    if descriptors.empty:
        return pd.DataFrame(columns=columns)
    frame = descriptors.merge(articles[["id", "outlet"]], left_on="article_id", right_on="id")
    frame["entity"] = aliases.canonical_names(frame["name"])
    frame["descriptor"] = frame["descriptor"].str.replace(r"\s+", " ", regex=True)
    table = frame.groupby(["entity", "outlet", "descriptor", "kind"], as_index=False).size().rename(columns={"size": "count"})
    return table.sort_values(["entity", "outlet", "count"], ascending=[True, True, False]).reset_index(drop=True)[columns]


def quote_table(quotes: pd.DataFrame, articles: pd.DataFrame, aliases: AliasTable) -> pd.DataFrame:
    """Quotes with their outlet, canonical speaker and length in words.

    ``speaker_corrected``: the user gave the speaker (``core.store.speaker_corrections``).
    """
    columns = ["article_id", "outlet", "start", "end", "text", "kind", "speaker", "speaker_text", "verb", "source_type",
               "words", "speaker_corrected"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    frame = quotes.merge(articles[["id", "outlet"]], left_on="article_id", right_on="id")
    if "speaker_corrected" not in frame:
        frame["speaker_corrected"] = False
    named = frame["source_type"] == "named"
    frame.loc[named, "speaker"] = aliases.canonical_names(frame.loc[named, "speaker"]).fillna(frame.loc[named, "speaker"])
    frame["words"] = frame["text"].map(count_words)
    return frame[columns].reset_index(drop=True)


def sources_table(quotes: pd.DataFrame) -> pd.DataFrame:
    """Who each outlet quotes: ``outlet, speaker, source_type, quotes, words``."""
    columns = ["outlet", "speaker", "source_type", "quotes", "words"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    table = (
        quotes.assign(speaker=quotes["speaker"].fillna("(unattributed)"))
        .groupby(["outlet", "speaker", "source_type"], as_index=False)
        .agg(quotes=("text", "size"), words=("words", "sum"))
    )
    return table.sort_values(["outlet", "quotes"], ascending=[True, False]).reset_index(drop=True)[columns]


def anonymous_share(quotes: pd.DataFrame) -> pd.Series:
    """Per outlet, the share of its quotes that come from anonymous or unnamed sources."""
    if quotes.empty:
        return pd.Series(dtype=float, name="anonymous_share")
    unnamed = quotes["source_type"].isin(["anonymous", "unnamed"])
    return unnamed.groupby(quotes["outlet"]).mean().rename("anonymous_share")
