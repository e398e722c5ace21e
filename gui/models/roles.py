"""Custom item data roles shared by the table models."""

from PySide6.QtCore import Qt

#: The unformatted value (numbers stay numbers): used for sorting and plots.
RAW_ROLE = Qt.ItemDataRole.UserRole + 1
#: The article id of a row in article tables.
ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: The text the filter box matches (the display text, and for dates the ISO value too).
FILTER_ROLE = Qt.ItemDataRole.UserRole + 3
