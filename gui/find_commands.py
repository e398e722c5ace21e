"""Find in the texts for the main window (a mixin: it needs the window's views).

The find box (Ctrl+F) looks for a word or phrase in every article in the
background; the hits fill the Concordance with their context, the article
table shows the articles that have them, and the texts side by side mark
them. Enter in the find box and F3 go to the next hit (Shift+F3: the one
before): its article opens side by side, scrolled to the hit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from core.text.find import hit_spans

if TYPE_CHECKING:  # pandas: the window's shell paints first
    from core.text.concordance import Hits


class FindCommands:
    """What the find box, the Concordance and F3 ask for."""

    _found_request: tuple | None = None  # (query, options) the Concordance lists the hits of

    _raise_concordance = True  # the next hits bring the Concordance to the front

    def find_in_texts(self, text: str) -> None:
        """Find ``text`` for another view (a distinctive term): that view stays in front of the Concordance."""
        self.find_box.setText(text)
        self._run_find()
        self._raise_concordance = False

    def focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> None:
        self._step_hits(1)

    def find_previous(self) -> None:
        self._step_hits(-1)

    def show_hit(self, article_id: str, start: int, end: int) -> None:
        """Open a hit's article scrolled to the hit, which stands out from the other hits."""
        self.show_quote(article_id, start, end)  # the same: open the article, shade the span

    def _find_request(self) -> tuple:
        return self.find_box.text().strip(), tuple(sorted(self.concordance.options().items()))

    def _on_find_return(self) -> None:
        """Enter in the find box: the next hit once the Concordance lists this query's hits, else find them."""
        if self._found_request == self._find_request() and self.concordance.hit_count():
            self.find_next()
        else:
            self._run_find()

    def _step_hits(self, by: int) -> None:
        if self._found_request != self._find_request():  # typed, or options changed: find first
            self._run_find()
            return
        hit = self.concordance.step(by)
        if hit is not None:
            self.show_hit(str(hit["article_id"]), int(hit["start"]), int(hit["end"]))

    def _run_find(self) -> None:
        self._find_timer.stop()
        query = self.find_box.text().strip()
        if not query:
            self._found_request = None
            self.article_panel.proxy.set_article_filter(None)
            self.concordance.clear()
            self.side_by_side.set_find_spans({})
            self.statusBar().clearMessage()
            return
        self._raise_concordance = True
        self.controller.find(query, **self.concordance.options())

    def _on_found(self, query: str, hits: Hits) -> None:
        if query != self.find_box.text().strip():
            return
        self._found_request = self._find_request()
        self.article_panel.proxy.set_article_filter(set(hits.per_article))
        self.concordance.set_hits(query, hits)
        if self._raise_concordance:
            self.docks["concordance"].show()
            self.docks["concordance"].raise_()
        self._mark_hits()
        articles = len(hits.per_article)
        self.statusBar().showMessage(
            f"“{query}”: {hits.total:,} times in {articles:,} article{'s' if articles != 1 else ''} "
            "(F3: next, Shift+F3: previous)" if hits.total else f"“{query}” is in no article", 10000)

    def _mark_hits(self) -> None:
        """Mark the hits in the articles shown side by side (a few texts: quick on the GUI thread)."""
        query, options = self._found_request or ("", ())
        self.side_by_side.set_find_spans({
            article.id: hit_spans(article.text, query, **dict(options))
            for article in self.side_by_side.shown_articles()
        } if query else {})
