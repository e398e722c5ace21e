"""The user's edits of articles, outlets and quote speakers in a project.

Each is kept in the project file and survives re-analysis and later
imports; the ones that can be undone return or take what undo needs.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from core import outlet_colours
from core.model.article import Article
from core.project.tables import ProjectTables
from core.store import deleted_articles, outlet_rows, speaker_corrections
from core.store.store import ProjectStore


class ProjectEdits:
    """Article metadata, deleted articles, outlet names and colours, corrected quote speakers."""

    def __init__(self, store: ProjectStore, tables: ProjectTables):
        self.store, self.tables = store, tables

    # -- outlet colours ------------------------------------------------------------
    def outlet_colours(self) -> dict[str, str]:
        """A colour (``#rrggbb``) per outlet of the project: the one it was first given (read only)."""
        kept = outlet_colours.parse(self.store.get_meta(outlet_colours.META_KEY))
        return outlet_colours.assign(kept, self.tables.outlets())

    def keep_outlet_colours(self) -> None:
        """Store the colours of outlets that have none yet, so that no later change reassigns them."""
        kept = outlet_colours.parse(self.store.get_meta(outlet_colours.META_KEY))
        colours = outlet_colours.assign(kept, self.tables.outlets())
        if colours != kept:
            self.store.set_meta(outlet_colours.META_KEY, outlet_colours.dumps(colours))

    # -- outlet names ---------------------------------------------------------------
    def rename_outlet(self, name: str, new_name: str) -> int:
        """Call an outlet ``new_name`` in every stored article and later import; returns articles changed."""
        return outlet_rows.save(self.store, name, new_name)

    def merge_outlets(self, names: Iterable[str], into: str) -> int:
        """Count every outlet in ``names`` as ``into`` ("The Guardian - Final Edition" is "The Guardian")."""
        with self.store.transaction():
            return sum(outlet_rows.save(self.store, name, into) for name in names if name != into)

    def outlet_aliases(self) -> pd.DataFrame:
        """The project's outlet aliases: ``alias, outlet`` in the order they were made."""
        return outlet_rows.table(self.store)

    def forget_outlet_alias(self, alias: str) -> None:
        """Later imports keep the spelling ``alias`` again (stored articles keep their outlet)."""
        outlet_rows.delete(self.store, alias)

    # -- articles --------------------------------------------------------------------
    def edit_article(self, article_id: str, **values) -> Article:
        """Change metadata as the user did; marked edited, never overwritten (a new outlet name gets its colour)."""
        if "outlet" in values:
            self.keep_outlet_colours()  # colours never kept yet (not analysed) are kept before they could shift
        article = self.store.article(article_id).edited(**values)
        self.store.update_article(article)
        if "outlet" in values:
            self.keep_outlet_colours()
        return article

    def restore_article(self, article: Article) -> Article:
        """Put an article's metadata back as it was (undo of :meth:`edit_article`, origin marks included)."""
        self.store.update_article(article)
        return article

    def delete_articles(self, article_ids: Iterable[str]) -> deleted_articles.DeletedArticles:
        """Delete articles with their analysis, story membership and pins (one transaction).

        The result holds every removed row: :meth:`restore_articles` puts them back exactly.
        """
        return deleted_articles.delete(self.store, list(article_ids))

    def restore_articles(self, deleted: deleted_articles.DeletedArticles) -> list[str]:
        """Undo :meth:`delete_articles` (one transaction); returns the ids put back."""
        return deleted_articles.restore(self.store, deleted)

    # -- quote speakers ---------------------------------------------------------------
    def correct_quote_speaker(self, article_id: str, start: int, end: int, speaker: str,
                              source_type: str = "named") -> None:
        """Say who a quote is from; kept through re-analysis, counted in the sources."""
        speaker_corrections.save(self.store, article_id, start, end, speaker, source_type)

    def forget_quote_speaker(self, article_id: str, start: int, end: int) -> None:
        """Drop the correction of a quote's speaker: the analysis's speaker applies again."""
        speaker_corrections.remove(self.store, article_id, start, end)

    def quote_speaker_correction(self, article_id: str, start: int, end: int) -> tuple[str, str] | None:
        """``(speaker, source_type)`` the user gave a quote, or None."""
        return speaker_corrections.get(self.store, article_id, start, end)
