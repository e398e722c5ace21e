"""Find in the texts: the find box, the Concordance and F3, for the main window.

The find box (Ctrl+F) looks for a word or phrase in every article in the
background; the hits fill the Concordance with their context, the article
table shows the articles that have them, and the texts side by side mark
them. Enter in the find box and F3 go to the next hit (Shift+F3: the one
before): its article opens side by side, scrolled to the hit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDockWidget, QLineEdit, QStatusBar

from core.text.concordance import Hits
from core.text.find import hit_spans

if TYPE_CHECKING:
    from gui.project_controller import ProjectController
    from gui.views.article_panel import ArticlePanel
    from gui.views.concordance_panel import ConcordancePanel
    from gui.views.side_by_side_view import SideBySideView

#: Typing pauses this long (ms) before the texts are searched.
TYPING_PAUSE_MS = 300


class FindCommands:
    """What the find box, the Concordance and F3 ask for.

    ``show_span(article_id, start, end)`` opens an article side by side
    scrolled to a span (the window's, shared with the Quotes view).
    """

    def __init__(self, controller: ProjectController, find_box: QLineEdit, concordance: ConcordancePanel,
                 concordance_dock: QDockWidget, article_panel: ArticlePanel, side_by_side: SideBySideView,
                 status_bar: QStatusBar, show_span: Callable[[str, int, int], None]):
        self.controller = controller
        self.find_box = find_box
        self.concordance = concordance
        self.concordance_dock = concordance_dock
        self.article_panel = article_panel
        self.side_by_side = side_by_side
        self.status_bar = status_bar
        self.show_span = show_span
        self.found_request: tuple | None = None  # (query, options) the Concordance lists the hits of
        self.raise_concordance = True  # the next hits bring the Concordance to the front
        self.timer = QTimer(find_box, singleShot=True, interval=TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.run_find)
        find_box.textChanged.connect(lambda _: self.timer.start())
        find_box.returnPressed.connect(self.on_find_return)
        concordance.hitChosen.connect(self.show_hit)
        concordance.optionsChanged.connect(self.run_find)
        controller.findFinished.connect(self.on_found)

    def find_in_texts(self, text: str) -> None:
        """Find ``text`` for another view (a distinctive term): that view stays in front of the Concordance."""
        self.find_box.setText(text)
        self.run_find()
        self.raise_concordance = False

    def focus_find(self) -> None:
        self.find_box.setFocus()
        self.find_box.selectAll()

    def find_next(self) -> None:
        self._step_hits(1)

    def find_previous(self) -> None:
        self._step_hits(-1)

    def show_hit(self, article_id: str, start: int, end: int) -> None:
        """Open a hit's article scrolled to the hit, which stands out from the other hits."""
        self.show_span(article_id, start, end)

    def _find_request(self) -> tuple:
        return self.find_box.text().strip(), tuple(sorted(self.concordance.options().items()))

    def on_find_return(self) -> None:
        """Enter in the find box: the next hit once the Concordance lists this query's hits, else find them."""
        if self.found_request == self._find_request() and self.concordance.hit_count():
            self.find_next()
        else:
            self.run_find()

    def _step_hits(self, by: int) -> None:
        if self.found_request != self._find_request():  # typed, or options changed: find first
            self.run_find()
            return
        hit = self.concordance.step(by)
        if hit is not None:
            self.show_hit(str(hit["article_id"]), int(hit["start"]), int(hit["end"]))

    def run_find(self) -> None:
        self.timer.stop()
        query = self.find_box.text().strip()
        if not query:
            self.found_request = None
            self.article_panel.proxy.set_article_filter(None)
            self.concordance.clear()
            self.side_by_side.set_find_spans({})
            self.status_bar.clearMessage()
            return
        self.raise_concordance = True
        self.controller.find(query, **self.concordance.options())

    def on_found(self, query: str, hits: Hits) -> None:
        if query != self.find_box.text().strip():
            return
        self.found_request = self._find_request()
        self.article_panel.proxy.set_article_filter(set(hits.per_article))
        self.concordance.set_hits(query, hits)
        if self.raise_concordance:
            self.concordance_dock.show()
            self.concordance_dock.raise_()
        self.mark_hits()
        articles = len(hits.per_article)
        self.status_bar.showMessage(
            f"“{query}”: {hits.total:,} times in {articles:,} article{'s' if articles != 1 else ''} "
            "(F3: next, Shift+F3: previous)" if hits.total else f"“{query}” is in no article", 10000)

    def mark_hits(self) -> None:
        """Mark the hits in the articles shown side by side (a few texts: quick on the GUI thread)."""
        query, options = self.found_request or ("", ())
        self.side_by_side.set_find_spans({
            article.id: hit_spans(article.text, query, **dict(options))
            for article in self.side_by_side.shown_articles()
        } if query else {})
