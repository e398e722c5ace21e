"""One article in the side-by-side view: header, highlighted text, clickable sentences."""

from __future__ import annotations

import bisect
import html

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

from core.model.article import Article
from core.text.written_dates import display_date
from gui.views.article_html import FOCUS_ANCHOR, Mention, article_html, entity_link, paragraph_starts


class ArticleColumn(QFrame):
    """``sentenceClicked(article_id, text offset)`` when the reader clicks into the text."""

    sentenceClicked = Signal(str, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAcceptDrops(False)
        self.browser.viewport().setAcceptDrops(False)
        self.browser.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        self.article: Article | None = None
        self.mentions: list[Mention] = []
        self.focus: tuple[int, int] | None = None
        self.sentences: dict[int, tuple[int, int]] = {}  # idx -> (start, end)
        self.status: dict[int, str] = {}  # idx -> reused | same_fact | unique
        self._colour: QColor | None = None
        self._starts: list[int] = []

    # -- content -------------------------------------------------------------------
    def set_article(self, article: Article, mentions: list[Mention], colour: QColor | None) -> None:
        if self.article is None or self.article.id != article.id:
            self.focus = None
            self.sentences, self.status = {}, {}
        self.article, self.mentions, self._colour = article, mentions, colour
        self._starts = paragraph_starts(article.text)
        self._update_header()

    def set_passages(self, sentences: dict[int, tuple[int, int]], status: dict[int, str]) -> None:
        self.sentences, self.status = sentences, status
        self._update_header()

    def span_of(self, idx: int) -> tuple[int, int] | None:
        return self.sentences.get(idx)

    def sentence_at(self, offset: int) -> int | None:
        """The sentence containing a text offset."""
        for idx, (start, end) in self.sentences.items():
            if start <= offset < end:
                return idx
        return None

    def render(self, visible_types: set[str], selected_entity: str | None, dark: bool, mark_unique: bool) -> None:
        if self.article is None:
            return
        scroll = self.browser.verticalScrollBar().value()
        shared = [span for idx, span in self.sentences.items() if self.status.get(idx, "unique") != "unique"]
        unique = [span for idx, span in self.sentences.items() if self.status.get(idx) == "unique"] if mark_unique else []
        self.browser.setHtml(article_html(self.article, self.mentions, visible_types=visible_types,
                                          selected_entity=selected_entity, focus=self.focus, shared=shared,
                                          unique=unique, dark=dark))
        position = self.first_position(lambda f: FOCUS_ANCHOR in f.anchorNames()) if self.focus else None
        if position is None and selected_entity:
            href = entity_link(selected_entity)
            position = self.first_position(lambda f: f.anchorHref() == href)
        if position is None:
            self.browser.verticalScrollBar().setValue(scroll)
            return
        cursor = self.browser.textCursor()
        cursor.setPosition(position)
        self.browser.verticalScrollBar().setValue(0)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()  # scrolls only as far as needed

    # -- positions -------------------------------------------------------------------
    def first_position(self, wanted) -> int | None:
        """Document position of the first text fragment whose format is ``wanted``."""
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if wanted(fragment.charFormat()):
                    return fragment.position()
                it += 1
            block = block.next()
        return None

    def offset_of(self, position: int) -> int | None:
        """The article text offset of a document position (one block per paragraph)."""
        block = self.browser.document().findBlock(position)
        number = block.blockNumber()
        if not block.isValid() or number >= len(self._starts):
            return None
        return self._starts[number] + (position - block.position())

    def position_of(self, offset: int) -> int | None:
        """The document position of an article text offset."""
        number = bisect.bisect_right(self._starts, offset) - 1
        block = self.browser.document().findBlockByNumber(number)
        if number < 0 or not block.isValid():
            return None
        return block.position() + min(offset - self._starts[number], max(block.length() - 1, 0))

    def y_of(self, offset: int) -> float | None:
        """How far down the document (pixels, as the scroll bar counts) a text offset's line is."""
        position = self.position_of(offset)
        if position is None:
            return None
        block = self.browser.document().findBlock(position)
        top = self.browser.document().documentLayout().blockBoundingRect(block).top()
        line = block.layout().lineForTextPosition(position - block.position())
        return top + (line.y() if line.isValid() else 0.0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.browser.viewport() and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton and not self.browser.textCursor().hasSelection()
                and self.article is not None):
            offset = self.offset_of(self.browser.cursorForPosition(event.position().toPoint()).position())
            if offset is not None:
                self.sentenceClicked.emit(self.article.id, offset)
        return super().eventFilter(watched, event)

    def _update_header(self) -> None:
        article = self.article
        chip = self._colour.name() if self._colour is not None else "#888888"
        date = f" · {html.escape(display_date(article.date))}" if article.date else ""
        shared = sum(1 for s in self.status.values() if s != "unique")
        passages = f" · {shared} of {len(self.status)} sentences shared" if self.status else ""
        self.header.setText(
            f'<span style="color:{chip}; font-size:large">■</span> '
            f"<b>{html.escape(article.outlet)}</b>{date} · {article.word_count:,} words{passages}"
        )
