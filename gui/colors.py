"""Colours: one per outlet (colour-blind safe), one per entity type, light and dark."""

from __future__ import annotations

from typing import Iterable

from PySide6.QtGui import QColor, QPalette

#: Okabe & Ito's colour-blind safe palette, strongest contrasts first.
OUTLET_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999")

#: Highlight backgrounds of entity types in light mode (dark mode darkens them).
TYPE_COLOURS = {
    "PERSON": "#ffd6a5",
    "ORG": "#c7f0bd",
    "GPE": "#a8e6f0",
    "NORP": "#e0c3fc",
    "LOC": "#f6f0a0",
    "EVENT": "#ffc6e0",
    "FAC": "#cfd8ff",
    "PRODUCT": "#e2d5c8",
    "WORK_OF_ART": "#f1c0e8",
    "LAW": "#dfe7c0",
    "LANGUAGE": "#d8e2dc",
}
FALLBACK_TYPE_COLOUR = "#dddddd"

TYPE_NAMES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Countries, cities",
    "NORP": "Nationalities, groups",
    "LOC": "Other places",
    "EVENT": "Events",
    "FAC": "Buildings, facilities",
    "PRODUCT": "Products",
    "WORK_OF_ART": "Works of art",
    "LAW": "Laws",
    "LANGUAGE": "Languages",
}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def outlet_colours(outlets: Iterable[str]) -> dict[str, QColor]:
    """A stable colour per outlet, by the outlets' sorted order."""
    return {name: QColor(OUTLET_COLOURS[i % len(OUTLET_COLOURS)]) for i, name in enumerate(sorted(set(outlets)))}


def type_colour(label: str, dark: bool = False) -> QColor:
    """Background for mentions of an entity type, readable under normal text."""
    colour = QColor(TYPE_COLOURS.get(label, FALLBACK_TYPE_COLOUR))
    if dark:
        hue, sat, _, alpha = colour.getHslF()
        colour = QColor.fromHslF(max(hue, 0.0), min(sat * 0.6 + 0.1, 1.0), 0.30, alpha)
    return colour


def type_name(label: str) -> str:
    return TYPE_NAMES.get(label, label.replace("_", " ").capitalize())
