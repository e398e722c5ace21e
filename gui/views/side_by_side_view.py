"""Two or more articles in columns, entities highlighted by type, with a legend."""

from __future__ import annotations

import html
from typing import Iterable

from PySide6.QtCore import QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QCursor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QSplitter, QTextBrowser, QTextEdit, QToolButton, QToolTip, QVBoxLayout, QWidget,
)

from core.model.article import Article
from core.nlp.names import DEFAULT_TYPES
from gui.colors import is_dark, type_colour, type_name
from gui.views.article_html import (
    FOCUS_ANCHOR, Mention, article_html, describe_mention, entity_from_link, entity_link,
)

PLACEHOLDER = "Select two or more articles in the table to read them side by side."
MAX_COLUMNS = 6


class ArticleColumn(QFrame):
    """One article: a header with outlet and date, and the highlighted text."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAcceptDrops(False)
        self.browser.viewport().setAcceptDrops(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.header)
        layout.addWidget(self.browser, 1)
        self.article: Article | None = None
        self.mentions: list[Mention] = []
        self.focus: tuple[int, int] | None = None

    def set_article(self, article: Article, mentions: list[Mention], colour: QColor | None) -> None:
        if self.article is None or self.article.id != article.id:
            self.focus = None
        self.article, self.mentions = article, mentions
        chip = colour.name() if colour is not None else "#888888"
        date = f" · {html.escape(article.date)}" if article.date else ""
        self.header.setText(
            f'<span style="color:{chip}; font-size:large">■</span> '
            f"<b>{html.escape(article.outlet)}</b>{date} · {article.word_count:,} words"
        )

    def render(self, visible_types: set[str], selected_entity: str | None, dark: bool) -> None:
        if self.article is None:
            return
        scroll = self.browser.verticalScrollBar().value()
        self.browser.setHtml(article_html(self.article, self.mentions, visible_types=visible_types,
                                          selected_entity=selected_entity, focus=self.focus, dark=dark))
        position = self._first_position(lambda f: FOCUS_ANCHOR in f.anchorNames()) if self.focus else None
        if position is None and selected_entity:
            href = entity_link(selected_entity)
            position = self._first_position(lambda f: f.anchorHref() == href)
        if position is None:
            self.browser.verticalScrollBar().setValue(scroll)
            return
        cursor = self.browser.textCursor()
        cursor.setPosition(position)
        self.browser.verticalScrollBar().setValue(0)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()  # scrolls only as far as needed

    def _first_position(self, wanted) -> int | None:
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


class SideBySideView(QWidget):
    """Selected articles in columns; click an entity to follow it everywhere."""

    entityActivated = Signal(str)  # a highlighted mention was clicked

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._visible_types: set[str] = set(DEFAULT_TYPES)
        self._selected_entity: str | None = None
        self._find_text = ""
        self.legend = QHBoxLayout()
        self.legend.setSpacing(4)
        self._type_buttons: dict[str, QToolButton] = {}
        self.placeholder = QLabel(PLACEHOLDER)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.columns: list[ArticleColumn] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.legend)
        layout.addWidget(self.placeholder, 1)
        layout.addWidget(self.splitter, 1)
        self._build_legend(DEFAULT_TYPES)
        self._show_placeholder(True)

    # -- public ----------------------------------------------------------------
    def show_articles(self, articles: list[Article], mentions: dict[str, list[Mention]],
                      outlet_colours: dict[str, QColor]) -> None:
        """Show these articles (at most :data:`MAX_COLUMNS`), one column each."""
        articles = articles[:MAX_COLUMNS]
        while len(self.columns) > len(articles):
            self.columns.pop().deleteLater()
        while len(self.columns) < len(articles):
            column = ArticleColumn()
            column.browser.anchorClicked.connect(self._on_anchor_clicked)
            column.browser.highlighted.connect(self._on_link_hovered)
            self.columns.append(column)
            self.splitter.addWidget(column)
        present = {m.label for ms in mentions.values() for m in ms}
        self._build_legend([*DEFAULT_TYPES, *sorted(present - set(DEFAULT_TYPES))])
        for column, article in zip(self.columns, articles):
            column.set_article(article, mentions.get(article.id, []), outlet_colours.get(article.outlet))
        self.splitter.setSizes([1000] * len(self.columns))
        self._show_placeholder(not articles)
        self.rerender()

    def shown_ids(self) -> list[str]:
        return [c.article.id for c in self.columns if c.article is not None]

    def selected_entity(self) -> str | None:
        return self._selected_entity

    def set_selected_entity(self, entity: str | None) -> None:
        if entity != self._selected_entity:
            self._selected_entity = entity
            self.rerender()

    def visible_types(self) -> set[str]:
        return set(self._visible_types)

    def set_type_visible(self, label: str, visible: bool) -> None:
        if visible:
            self._visible_types.add(label)
        else:
            self._visible_types.discard(label)
        button = self._type_buttons.get(label)
        if button is not None and button.isChecked() != visible:
            with QSignalBlocker(button):
                button.setChecked(visible)
        self.rerender()

    def focus_span(self, article_id: str, start: int, end: int) -> bool:
        """Shade ``start..end`` of a shown article (a quote) and scroll to it."""
        for column in self.columns:
            if column.article is not None and column.article.id == article_id:
                column.focus = (start, end)
                column.render(self._visible_types, self._selected_entity, is_dark(self.palette()))
                return True
        return False

    def set_find_text(self, text: str) -> int:
        """Mark every occurrence of ``text`` in the shown articles; returns their number."""
        self._find_text = text
        return self._apply_find()

    def restyle(self) -> None:
        """After a palette change: legend chips and highlights in the new colours."""
        labels = list(self._type_buttons)
        self._type_buttons = {}
        self._build_legend(labels)
        self.rerender()

    def rerender(self) -> None:
        dark = is_dark(self.palette())
        for column in self.columns:
            column.render(self._visible_types, self._selected_entity, dark)
        self._apply_find()

    # -- internals -------------------------------------------------------------
    def _show_placeholder(self, empty: bool) -> None:
        self.placeholder.setVisible(empty)
        self.splitter.setVisible(not empty)

    def _build_legend(self, labels: Iterable[str]) -> None:
        labels = list(labels)
        if list(self._type_buttons) == labels:
            return
        while self.legend.count():
            item = self.legend.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._type_buttons = {}
        dark = is_dark(self.palette())
        for label in labels:
            button = QToolButton()
            button.setCheckable(True)
            button.setChecked(label in self._visible_types)
            button.setText(type_name(label))
            button.setToolTip(f"{label}: show or hide highlights of this entity type")
            colour = type_colour(label, dark).name()
            button.setStyleSheet(
                f"QToolButton {{ padding: 2px 6px; border: 1px solid palette(mid); border-radius: 3px; }}"
                f"QToolButton:checked {{ background-color: {colour}; color: {'#f0f0f0' if dark else '#101010'}; }}"
            )
            button.toggled.connect(lambda on, lab=label: self.set_type_visible(lab, on))
            self._type_buttons[label] = button
            self.legend.addWidget(button)
        boiler = QLabel('<span style="color:#8c8c8c; font-style:italic">grey italic = boilerplate, not analysed</span>')
        self.legend.addSpacing(8)
        self.legend.addWidget(boiler)
        self.legend.addStretch(1)

    def _apply_find(self) -> int:
        found = 0
        for column in self.columns:
            selections = []
            if self._find_text:
                document: QTextDocument = column.browser.document()
                fmt = QTextCharFormat()
                fmt.setBackground(QColor("#ffeb3b"))
                fmt.setForeground(QColor("#000000"))
                cursor = document.find(self._find_text)
                while not cursor.isNull():
                    selection = QTextEdit.ExtraSelection()
                    selection.cursor, selection.format = cursor, fmt
                    selections.append(selection)
                    cursor = document.find(self._find_text, cursor)
                if selections:
                    first = QTextCursor(selections[0].cursor)
                    column.browser.setTextCursor(first)
                    column.browser.ensureCursorVisible()
            column.browser.setExtraSelections(selections)
            found += len(selections)
        return found

    def _on_anchor_clicked(self, url: QUrl) -> None:
        entity = entity_from_link(url.toString())
        if entity:
            self.entityActivated.emit(entity)

    def _on_link_hovered(self, url: QUrl) -> None:
        entity = entity_from_link(url.toString())
        if not entity:
            QToolTip.hideText()
            return
        for column in self.columns:
            for mention in column.mentions:
                if mention.entity == entity:
                    QToolTip.showText(QCursor.pos(), describe_mention(mention) + "\nClick to follow it")
                    return
