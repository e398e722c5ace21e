"""Light and dark palettes: follow the system unless the user chose one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

APPEARANCES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


def dark_palette() -> QPalette:
    """A dark Fusion palette with enough contrast for long reading."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2b2b"), (roles.WindowText, "#e6e6e6"), (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#292929"), (roles.ToolTipBase, "#3a3a3a"), (roles.ToolTipText, "#f0f0f0"),
        (roles.Text, "#e6e6e6"), (roles.Button, "#353535"), (roles.ButtonText, "#e6e6e6"),
        (roles.BrightText, "#ff6e6e"), (roles.Link, "#6cb4ff"), (roles.Highlight, "#2f65ca"),
        (roles.HighlightedText, "#ffffff"), (roles.PlaceholderText, "#9a9a9a"), (roles.Mid, "#505050"),
        (roles.Dark, "#151515"), (roles.Light, "#4a4a4a"),
    ):
        p.setColor(role, QColor(colour))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def apply_appearance(mode: str) -> None:
    """``system``, ``light`` or ``dark`` for the whole application."""
    app = QApplication.instance()
    if app is None:
        return
    hints = QGuiApplication.styleHints()
    if mode == "dark":
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif mode == "light":
        if hasattr(hints, "setColorScheme"):
            hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
    else:
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        app.setPalette(QPalette())
