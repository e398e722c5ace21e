"""Sheets for the comparative analyses: stories, quotes and sources, shared passages,
distinctive terms, descriptors.

Each builder asks the :class:`~core.project.Project` for its table (the same
one the window shows) and, for an export of selected articles, keeps the rows
of those articles. A selection that is exactly one story is exported with the
story's own tables (``project.quotes(story_id)`` and so on).
"""

from __future__ import annotations

import pandas as pd

from core.export.excel_sheets import ExportData, SheetSpec


# -- shared look-ups ---------------------------------------------------------
def single_story(data: ExportData) -> int | None:
    """The story id when the selection is exactly one whole story, else ``None``."""
    if not data.selected:
        return None
    ids = set(data.articles["id"])
    found = set(data.story_of.reindex(list(ids)).dropna().astype(int))
    if len(found) != 1:
        return None
    (story_id,) = found
    return story_id if set(data.project.story_article_ids(story_id)) == ids else None


def _story_scoped(data: ExportData, key: str, method: str) -> pd.DataFrame:
    """``project.<method>()`` for all, or for the selected story, or rows of the selected articles."""
    def build():
        story_id = single_story(data)
        table = getattr(data.project, method)(story_id) if story_id is not None else getattr(data.project, method)()
        if data.selected and story_id is None and "article_id" in table.columns:
            table = table[table["article_id"].isin(set(data.articles["id"]))]
        return table.reset_index(drop=True)

    return data.cached(key, build)


def _with_article_columns(data: ExportData, table: pd.DataFrame, column: str = "article_id", prefix: str = "") -> pd.DataFrame:
    articles = data.articles.set_index("id")
    table = table.copy()
    table[f"{prefix}title"] = table[column].map(articles["title"])
    table[f"{prefix}outlet_name"] = table[column].map(articles["outlet"])
    table[f"{prefix}story"] = table[column].map(data.story_of).map(data.story_names)
    return table


# -- stories -------------------------------------------------------------
def stories_sheet(data: ExportData) -> pd.DataFrame:
    table = data.stories
    labels = {"id": "Story id", "name": "Story", "articles": "Articles", "outlets": "Outlets",
              "first_date": "First date", "last_date": "Last date"}
    return table[list(labels)].rename(columns=labels)


def story_coverage(data: ExportData) -> pd.DataFrame:
    """Story × outlet: articles each outlet ran on each story, the largest story first."""
    def build():
        outlets = data.outlets
        members = data.articles.assign(story_id=data.articles["id"].map(data.story_of)).dropna(subset=["story_id"])
        counts = members.groupby(["story_id", "outlet"]).size().unstack(fill_value=0)
        counts = counts.reindex(columns=outlets, fill_value=0).reindex(data.stories["id"], fill_value=0)
        counts = counts.astype("int64")
        counts["Total"] = counts.sum(axis=1)
        table = counts.reset_index(names="Story id")
        table.insert(1, "Story", table["Story id"].map(data.story_names))
        table = table.sort_values(["Total", "Story id"], ascending=[False, True], kind="stable")
        return table[["Story id", "Story", *outlets, "Total"]].reset_index(drop=True)

    return data.cached("story_coverage", build)


def story_entities(data: ExportData) -> pd.DataFrame:
    """Story × entity: mentions per outlet within each story (the story charts' data).

    Stories in the order of :func:`story_coverage` (the largest first), each
    story's most mentioned entity first, so a chart reads the top rows of its story.
    """
    def build():
        from core.analysis.entities import mention_weights

        outlets = data.outlets
        columns = ["Story id", "Story", "Entity", "Label", *outlets, "Total"]
        mentions = data.mentions.assign(story_id=data.mentions["article_id"].map(data.story_of))
        mentions = mentions.dropna(subset=["story_id"])
        if mentions.empty:
            text = ("Story", "Entity", "Label")
            return pd.DataFrame({c: pd.Series(dtype=object if c in text else "int64") for c in columns})
        counts = mentions.assign(_n=mention_weights(mentions), story_id=mentions["story_id"].astype("int64"))
        counts = counts.pivot_table(index=["story_id", "entity", "label"], columns="outlet", values="_n",
                                    aggfunc="sum", fill_value=0)
        counts = counts.reindex(columns=outlets, fill_value=0).astype("int64")
        counts["Total"] = counts.sum(axis=1)
        table = counts.reset_index().rename(columns={"story_id": "Story id", "entity": "Entity", "label": "Label"})
        order = {story: i for i, story in enumerate(story_coverage(data)["Story id"])}
        table = table.assign(_order=table["Story id"].map(order)).sort_values(
            ["_order", "Total", "Entity"], ascending=[True, False, True], kind="stable")
        table["Story"] = table["Story id"].map(data.story_names)
        return table[columns].reset_index(drop=True)

    return data.cached("story_entities", build)


# -- quotes and sources ---------------------------------------------------
def quotes_sheet(data: ExportData) -> pd.DataFrame:
    table = _with_article_columns(data, _story_scoped(data, "quotes", "quotes"))
    labels = {"article_id": "Article id", "outlet": "Outlet", "speaker": "Speaker", "source_type": "Source type",
              "kind": "Kind", "verb": "Verb", "words": "Words", "text": "Quote",  # the printed columns
              "title": "Article", "story": "Story", "speaker_text": "Speaker as written", "start": "Start", "end": "End"}
    return table.reindex(columns=list(labels)).rename(columns=labels)


def sources_sheet(data: ExportData) -> pd.DataFrame:
    from core.analysis.compare import sources_table

    table = sources_table(_story_scoped(data, "quotes", "quotes"))
    labels = {"outlet": "Outlet", "speaker": "Speaker", "source_type": "Source type", "quotes": "Quotes",
              "words": "Words quoted"}
    return table.reindex(columns=list(labels)).rename(columns=labels)


# -- shared passages --------------------------------------------------------
def _passages(data: ExportData) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    def build():
        story_id = single_story(data)
        pairs, status, shares = data.project.passages(story_id) if story_id is not None else data.project.passages()
        if data.selected:
            ids = set(data.articles["id"])
            pairs, shares = pairs[pairs["article_id"].isin(ids)], shares[shares["article_id"].isin(ids)]
        return pairs.reset_index(drop=True), status, shares.reset_index(drop=True)

    return data.cached("passages", build)


def shared_passages_sheet(data: ExportData) -> pd.DataFrame:
    pairs = _passages(data)[0]
    if pairs.empty:
        texts = {}
    else:
        ids = list(set(pairs["article_id"]) | set(pairs["other_article_id"]))
        sentences = data.project.store.frame("sentences", ids)
        full = data.texts(ids)
        texts = {(a, i): full[a][s:e] for a, i, s, e in
                 zip(sentences["article_id"], sentences["idx"], sentences["start"], sentences["end"]) if a in full}
    all_outlets = data.project.articles_frame().set_index("id")["outlet"]
    table = pairs.assign(
        outlet=pairs["article_id"].map(all_outlets),
        sentence=[texts.get(k, "") for k in zip(pairs["article_id"], pairs["idx"])],
        other_outlet=pairs["other_article_id"].map(all_outlets),
        other_sentence=[texts.get(k, "") for k in zip(pairs["other_article_id"], pairs["other_idx"])],
        story=pairs["story_id"].map(data.story_names),
    )
    labels = {"story": "Story", "outlet": "Outlet", "sentence": "Sentence", "relation": "Relation",
              "similarity": "Similarity", "other_outlet": "Other outlet", "other_sentence": "Other sentence",  # printed
              "article_id": "Article id", "idx": "Sentence no.", "other_article_id": "Other article id",
              "other_idx": "Other sentence no."}
    return table.reindex(columns=list(labels)).rename(columns=labels)


def shared_text_sheet(data: ExportData) -> pd.DataFrame:
    shares = _with_article_columns(data, _passages(data)[2])
    labels = {"article_id": "Article id", "title": "Article", "outlet_name": "Outlet", "story": "Story",
              "sentences": "Sentences", "shared_sentences": "Shared", "reused_sentences": "Reused",
              "same_fact_sentences": "Same fact", "unique_sentences": "Unique",
              "share_shared": "Share shared", "share_reused": "Share reused"}
    return shares.reindex(columns=list(labels)).rename(columns=labels)


# -- terms and descriptors ----------------------------------------------------
def distinctive_terms_sheet(data: ExportData) -> pd.DataFrame:
    story_id = single_story(data)
    parts = []
    for scope, against in (("project", "other outlets in the project"), ("story", "other outlets in the story")):
        table = data.project.distinctive_terms(story_id, scope=scope)
        if data.selected and story_id is None:
            table = table[table["outlet"].isin(data.outlets)]
            if scope == "story":
                table = table[table["story_id"].isin(set(data.stories["id"]))]
        parts.append(table.assign(against=against))
    table = pd.concat(parts, ignore_index=True)
    table["story"] = table["story_id"].map(data.story_names)
    labels = {"against": "Compared with", "story": "Story", "outlet": "Outlet", "term": "Term", "kind": "Kind",
              "freq": "Uses", "freq_other": "Uses by others", "per_10k": "Per 10,000 words",
              "per_10k_other": "Others per 10,000 words", "log_likelihood": "Log-likelihood",
              "log_ratio": "Log ratio", "p_value": "p-value"}
    return table.reindex(columns=list(labels)).rename(columns=labels)


def descriptors_sheet(data: ExportData) -> pd.DataFrame:
    story_id = single_story(data)
    if data.selected and story_id is None:
        from core.analysis.compare import descriptor_table

        rows = data.project.store.frame("descriptors", list(data.articles["id"]))
        table = descriptor_table(rows, data.articles, data.project.aliases)
    else:
        table = data.project.descriptors(story_id)
    labels = {"entity": "Entity", "outlet": "Outlet", "descriptor": "Descriptor", "kind": "Kind", "count": "Count"}
    return table.reindex(columns=list(labels)).rename(columns=labels)


STORIES = SheetSpec(
    "Stories", "Stories", stories_sheet,
    "One row per story (articles on the same event, grouped automatically or by you): "
    "its name, articles, outlets and dates.",
    formats={"Story": "wrap", "Outlets": "wrap", "First date": "date", "Last date": "date"},
    requires=("stories", "story_of"), align_top=True,
    size=lambda data: len(data.stories),
)
STORY_COVERAGE = SheetSpec(
    "Story coverage", "StoryCoverage", story_coverage,
    "Story × outlet matrix: how many articles each outlet ran on each story, the largest story first.",
    formats={"Story": "wrap"}, requires=("stories", "story_of"),
    size=lambda data: len(data.stories),
)
STORY_ENTITIES = SheetSpec(
    "Story entities", "StoryEntities", story_entities,
    "Story × entity: how often each outlet mentions each entity within each story, the largest story and "
    "its most mentioned entity first (the story charts' data).",
    formats={"Story": "wrap"}, requires=("stories", "story_of"), align_top=True,
    size=lambda data: len(story_entities(data)),
)
ANALYSIS_SHEETS = [
    SheetSpec(
        "Quotes", "Quotes", quotes_sheet,
        "Every quotation: who is quoted (speaker resolved to the entity, and as written), source type "
        "(named, anonymous, document…), direct or reported, the verb, and the quoted words.",
        formats={"Article id": "id", "Quote": "para", "Start": "offset", "End": "offset"},
        requires=("quotes", "story_of", "stories"), align_top=True,
        size=lambda data: len(_story_scoped(data, "quotes", "quotes")), print_until="Quote",
    ),
    SheetSpec(
        "Sources", "Sources", sources_sheet,
        "Per outlet and speaker: how many quotations and quoted words.",
        requires=("quotes", "story_of", "stories"),
    ),
    SheetSpec(
        "Shared passages", "SharedPassages", shared_passages_sheet,
        "Sentences another outlet also carries within the same story: reused (near-identical wording, "
        "such as wire copy) or the same fact in other words, with the similarity of the two sentences.",
        formats={"Article id": "id", "Other article id": "id", "Sentence": "wrap", "Other sentence": "wrap",
                 "Similarity": "decimal"},
        requires=("passages", "story_of", "stories"), align_top=True,
        size=lambda data: len(_passages(data)[0]), print_until="Other sentence",
    ),
    SheetSpec(
        "Shared text by article", "SharedText", shared_text_sheet,
        "Per article: sentences shared with other outlets, reused, same fact, unique, and their shares.",
        formats={"Article id": "id", "Article": "wrap", "Share shared": "percent", "Share reused": "percent"},
        requires=("passages", "story_of", "stories"), align_top=True,
    ),
    SheetSpec(
        "Distinctive terms", "DistinctiveTerms", distinctive_terms_sheet,
        "Words and names each outlet uses more than the others (log-likelihood keyness), compared with the "
        "other outlets in the whole project and within each story.",
        formats={"Per 10,000 words": "rate", "Others per 10,000 words": "rate", "Log-likelihood": "decimal",
                 "Log ratio": "decimal", "p-value": "pvalue"},
        requires=("distinctive_terms", "story_of", "stories"),
    ),
    SheetSpec(
        "Descriptors", "Descriptors", descriptors_sheet,
        "How each outlet describes people and organisations (\"Russian President\", \"the dictator\"): "
        "descriptor, kind and count.",
        formats={"Descriptor": "wrap"}, requires=("descriptors",), align_top=True,
    ),
]
