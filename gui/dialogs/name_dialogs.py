"""Small non-blocking dialogs asking for a name: entity merges, renames and splits, story names."""

from __future__ import annotations

from typing import Callable

from PySide6.QtWidgets import QInputDialog, QWidget


def _ask(parent: QWidget, title: str, label: str, on_value: Callable[[str], None], *,
         items: list[str] | None = None, text: str = "", editable: bool = True) -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setObjectName("entityDialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    if items:
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(editable)
    else:
        dialog.setTextValue(text)
    dialog.textValueSelected.connect(lambda value: value.strip() and on_value(value.strip()))
    dialog.open()
    return dialog


def ask_merge(parent: QWidget, names: list[str], on_chosen: Callable[[str], None]) -> QInputDialog:
    """Which name the merged entity keeps (the most mentioned one is offered first)."""
    listing = ", ".join(f"“{n}”" for n in names)
    return _ask(parent, "Merge entities", f"Count {listing} as one entity, named:", on_chosen, items=names)


def ask_rename(parent: QWidget, name: str, on_chosen: Callable[[str], None]) -> QInputDialog:
    return _ask(parent, "Rename entity", f"New name for “{name}”:", on_chosen, text=name)


def ask_split(parent: QWidget, name: str, merged: list[str], on_chosen: Callable[[str], None]) -> QInputDialog | None:
    """Which merged name should stand alone again; ``None`` if nothing was merged into ``name``."""
    if not merged:
        return None
    return _ask(parent, "Split entity", f"Let this name stand apart from “{name}” again:", on_chosen,
                items=merged, editable=False)


def ask_story_name(parent: QWidget, name: str, on_chosen: Callable[[str], None]) -> QInputDialog:
    return _ask(parent, "Rename story", f"New name for the story “{name}”:", on_chosen, text=name)


def ask_new_story_name(parent: QWidget, count: int, on_chosen: Callable[[str], None]) -> QInputDialog:
    """The name of the story that ``count`` articles are split off into."""
    what = "this article" if count == 1 else f"these {count} articles"
    return _ask(parent, "Split off a story", f"Name of the new story for {what}:", on_chosen, text="")
