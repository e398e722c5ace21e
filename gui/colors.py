"""Colours: the project's outlet colours as Qt colours, one per entity type, light and dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

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


def qcolours(outlet_colours: dict[str, str]) -> dict[str, QColor]:
    """The project's outlet colours (``Project.outlet_colours``, kept in the project) as Qt colours."""
    return {outlet: QColor(colour) for outlet, colour in outlet_colours.items()}


def type_colour(label: str, dark: bool = False) -> QColor:
    """Background for mentions of an entity type, readable under normal text."""
    colour = QColor(TYPE_COLOURS.get(label, FALLBACK_TYPE_COLOUR))
    if dark:
        hue, sat, _, alpha = colour.getHslF()
        colour = QColor.fromHslF(max(hue, 0.0), min(sat * 0.6 + 0.1, 1.0), 0.30, alpha)
    return colour


def type_name(label: str) -> str:
    return TYPE_NAMES.get(label, label.replace("_", " ").capitalize())
