"""Two or more articles in columns: entities by type, shared passages linked, boilerplate grey.

Clicking a sentence shades it and its counterparts in the other columns
(the passages core aligned); sentences another shown article also carries
are tinted, and "Only here" tints those no other shown article has. "Scroll
together" keeps shared passages level across the columns.
"""

from __future__ import annotations

from typing import Iterable

import pandas as pd

from PySide6.QtCore import QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QCursor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox, QLabel, QSplitter, QTextEdit, QToolButton, QToolTip, QVBoxLayout, QWidget,
)

from core.model.article import Article
from core.text.names import DEFAULT_TYPES
from gui.colors import is_dark, type_colour, type_name
from gui.views.aligned_scroll import anchor_chain, follow
from gui.views.article_column import ArticleColumn
from gui.views.article_html import (
    SHARED_DARK, SHARED_LIGHT, UNIQUE_DARK, UNIQUE_LIGHT, Mention, describe_mention, entity_from_link,
)
from gui.views.flow_layout import FlowLayout

PLACEHOLDER = "Select two or more articles in the table to read them side by side."
#: Hits of Find in the texts, and the one the reader went to (F3, the concordance).
FOUND = "#ffeb3b"
CURRENT_HIT = "#ff9632"
MAX_COLUMNS = 6


class SideBySideView(QWidget):
    """Selected articles in columns; click an entity to follow it everywhere."""

    entityActivated = Signal(str)  # a highlighted mention was clicked
    passageLinked = Signal(str, int, int)  # article id, sentence idx, counterparts shown

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._visible_types: set[str] = set(DEFAULT_TYPES)
        self._selected_entity: str | None = None
        self._find_spans: dict[str, list[tuple[int, int]]] = {}
        self._pairs: dict[tuple[str, int], list[tuple[str, int]]] = {}
        self._syncing = False
        self.legend = FlowLayout(spacing=4)
        self._type_buttons: dict[str, QToolButton] = {}
        self.passage_bar = self._build_passage_bar()
        self.placeholder = QLabel(PLACEHOLDER)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.columns: list[ArticleColumn] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.legend)
        layout.addLayout(self.passage_bar)
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
            column.sentenceClicked.connect(self.link_sentence)
            column.browser.verticalScrollBar().valueChanged.connect(
                lambda value, c=column: self._scroll_others(c, value))
            self.columns.append(column)
            self.splitter.addWidget(column)
        present = {m.label for ms in mentions.values() for m in ms}
        self._build_legend([*DEFAULT_TYPES, *sorted(present - set(DEFAULT_TYPES))])
        for column, article in zip(self.columns, articles):
            column.set_article(article, mentions.get(article.id, []), outlet_colours.get(article.outlet))
        self.splitter.setSizes([1000] * len(self.columns))
        self._show_placeholder(not articles)
        self.rerender()

    def set_passages(self, sentences: pd.DataFrame, alignment: pd.DataFrame, status: pd.DataFrame) -> None:
        """Sentences of the shown articles, their pairs across articles and each one's status."""
        spans: dict[str, dict[int, tuple[int, int]]] = {}
        for row in sentences.itertuples(index=False):
            spans.setdefault(row.article_id, {})[int(row.idx)] = (int(row.start), int(row.end))
        states: dict[str, dict[int, str]] = {}
        for row in status.itertuples(index=False):
            states.setdefault(row.article_id, {})[int(row.idx)] = row.status
        self._pairs = {}
        for row in alignment.itertuples(index=False):
            self._pairs.setdefault((row.article_id, int(row.idx)), []).append((row.other_article_id, int(row.other_idx)))
        for column in self.columns:
            if column.article is not None:
                column.set_passages(spans.get(column.article.id, {}), states.get(column.article.id, {}))
        self.rerender()

    def link_sentence(self, article_id: str, offset: int) -> int:
        """Shade the sentence at ``offset`` and its counterparts in the other columns; returns how many."""
        clicked = next((c for c in self.columns if c.article is not None and c.article.id == article_id), None)
        idx = clicked.sentence_at(offset) if clicked is not None else None
        if idx is None:
            return 0
        others = dict(self._pairs.get((article_id, idx), []))
        for column in self.columns:
            if column is clicked:
                column.focus = column.span_of(idx)
            elif column.article is not None and column.article.id in others:
                column.focus = column.span_of(others[column.article.id])
            else:
                column.focus = None
        self.rerender()
        self.passageLinked.emit(article_id, idx, len(others))
        return len(others)

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
        """Shade ``start..end`` of a shown article (a quote, a hit) and scroll to it."""
        for column in self.columns:
            if column.article is not None and column.article.id == article_id:
                column.focus = (start, end)
                self._render(column)
                self._apply_find()
                return True
        return False

    def shown_articles(self) -> list[Article]:
        return [c.article for c in self.columns if c.article is not None]

    def set_find_spans(self, spans: dict[str, list[tuple[int, int]]]) -> int:
        """Mark the hits of a find (``article id -> [(start, end)]``, text offsets); returns how many are shown.

        A hit that is also a column's focus (the one the reader went to) stands out from the others.
        """
        self._find_spans = spans
        return self._apply_find()

    def restyle(self) -> None:
        """After a palette change: legend chips and highlights in the new colours."""
        labels = list(self._type_buttons)
        self._type_buttons = {}
        self._build_legend(labels)
        self.rerender()

    def rerender(self) -> None:
        for column in self.columns:
            self._render(column)
        self._apply_find()

    def _render(self, column: ArticleColumn) -> None:
        column.render(self._visible_types, self._selected_entity, is_dark(self.palette()),
                      self.only_here.isChecked())

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
        shared = SHARED_DARK if dark else SHARED_LIGHT
        self.shared_chip.setText(f'<span style="background-color:{shared}">&nbsp;also in another article&nbsp;</span>'
                                 " (click a sentence to see it there)")
        self.only_here.setStyleSheet(
            "QToolButton { padding: 2px 6px; border: 1px solid palette(mid); border-radius: 3px; }"
            f"QToolButton:checked {{ background-color: {UNIQUE_DARK if dark else UNIQUE_LIGHT}; }}")

    def _build_passage_bar(self) -> FlowLayout:
        bar = FlowLayout(spacing=8)
        self.shared_chip = QLabel()
        self.only_here = QToolButton()
        self.only_here.setText("Only here")
        self.only_here.setCheckable(True)
        self.only_here.setToolTip("Tint the sentences no other shown article carries")
        self.only_here.toggled.connect(lambda _: self.rerender())
        self.scroll_together = QCheckBox("Scroll together")
        self.scroll_together.setToolTip("Scroll every column with the one you scroll, keeping shared passages level")
        boiler = QLabel('<span style="color:#8c8c8c; font-style:italic">grey italic = boilerplate, not analysed</span>')
        for widget in (self.shared_chip, self.only_here, self.scroll_together, boiler):
            bar.addWidget(widget)
        return bar

    def _scroll_others(self, source: ArticleColumn, value: int) -> None:
        """While "Scroll together" is on, the other columns follow, shared passages level with the source's."""
        if self._syncing or not self.scroll_together.isChecked():
            return
        self._syncing = True
        try:
            for column in self.columns:
                if column is not source and column.article is not None:
                    bar = column.browser.verticalScrollBar()
                    xs, ys = anchor_chain(self._aligned_heights(source, column),
                                          source.browser.verticalScrollBar().maximum(), bar.maximum())
                    bar.setValue(round(follow(value, xs, ys)))
        finally:
            self._syncing = False

    def _aligned_heights(self, source: ArticleColumn, other: ArticleColumn) -> list[tuple[float, float]]:
        """(source y, other y) of every sentence of ``source`` aligned with one of ``other``."""
        heights = []
        for (article_id, idx), partners in self._pairs.items():
            if source.article is None or article_id != source.article.id:
                continue
            for partner_id, partner_idx in partners:
                if partner_id == other.article.id:
                    mine, theirs = source.span_of(idx), other.span_of(partner_idx)
                    y_mine = source.y_of(mine[0]) if mine else None
                    y_theirs = other.y_of(theirs[0]) if theirs else None
                    if y_mine is not None and y_theirs is not None:
                        heights.append((y_mine, y_theirs))
        return heights

    def _apply_find(self) -> int:
        found = 0
        for column in self.columns:
            spans = self._find_spans.get(column.article.id, []) if column.article is not None else []
            selections = [self._find_selection(column, span) for span in spans]
            selections = [s for s in selections if s is not None]
            if selections and column.focus is None:  # else the column shows its focus
                first = QTextCursor(selections[0].cursor)
                first.setPosition(first.selectionStart())  # at the hit, not selecting it (that hides the mark)
                column.browser.setTextCursor(first)
                column.browser.ensureCursorVisible()
            column.browser.setExtraSelections(selections)
            found += len(selections)
        return found

    @staticmethod
    def _find_selection(column: ArticleColumn, span: tuple[int, int]) -> QTextEdit.ExtraSelection | None:
        start, end = column.position_of(span[0]), column.position_of(span[1])
        if start is None or end is None or end <= start:
            return None
        cursor = QTextCursor(column.browser.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(CURRENT_HIT if tuple(span) == column.focus else FOUND))
        fmt.setForeground(QColor("#000000"))
        selection = QTextEdit.ExtraSelection()
        selection.cursor, selection.format = cursor, fmt
        return selection

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
