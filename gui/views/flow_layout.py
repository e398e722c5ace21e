"""A row of controls that wraps onto more lines when its panel is narrow.

In a dock on a 1280 x 800 screen (or at 200 % scaling) a row of buttons is
wider than the dock: in a QHBoxLayout the last buttons were cut off. Here
they move to the next line; widgets that expand horizontally (a filter box)
share each line's spare width. After Qt's flow layout example.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Widgets left to right, wrapping to a new line when the next one does not fit."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's interface -------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:
        """``stretch`` > 0: the widget takes its line's spare width (as in QHBoxLayout)."""
        self.insertWidget(len(self._items), widget, stretch)

    def insertWidget(self, index: int, widget: QWidget, stretch: int = 0) -> None:
        self.addChildWidget(widget)
        if stretch:
            widget.setProperty("flowStretch", True)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def spacing(self) -> int:
        return self._gap

    def setSpacing(self, spacing: int) -> None:
        self._gap = spacing
        self.invalidate()

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """The widest single widget: anything wider wraps."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- layout ----------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            wanted = min(item.sizeHint().width(), width)
            if lines[-1] and used + self._gap + wanted > width:
                lines.append([])
                used = 0
            used += (self._gap if lines[-1] else 0) + wanted
            lines[-1].append(item)
        return [line for line in lines if line]

    def _arrange(self, rect: QRect, apply: bool) -> int:
        """Place the items (``apply``) inside ``rect``; the height they need."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for line in self._lines(max(area.width(), 1)):
            widths = [min(item.sizeHint().width(), area.width()) for item in line]
            spare = area.width() - sum(widths) - self._gap * (len(line) - 1)
            growing = [i for i, item in enumerate(line) if _stretches(item)]
            for i in growing:
                widths[i] += spare // len(growing) if spare > 0 else 0
            height = max(item.sizeHint().height() for item in line)
            x = area.x()
            for item, width in zip(line, widths):
                if apply:
                    item_height = min(item.sizeHint().height(), height)
                    item.setGeometry(QRect(QPoint(x, y + (height - item_height) // 2), QSize(width, item_height)))
                x += width + self._gap
            y += height + self._gap
        return max(y - self._gap - area.y(), 0) + margins.top() + margins.bottom()


def _stretches(item: QLayoutItem) -> bool:
    widget = item.widget()
    return widget is not None and bool(widget.property("flowStretch"))
