"""A chart as a PNG or SVG file, its title, axes and legend included.

The whole ``PlotItem`` is exported (the title, axes, legend and colour bar
live inside it), at the size it has on screen for SVG and scaled to a
chosen width for PNG.
"""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QRectF

IMAGE_SUFFIXES = (".png", ".svg")
IMAGE_FILTERS = "PNG image (*.png);;SVG drawing (*.svg)"


def png_width(plot: pg.PlotWidget) -> int:
    """Print quality: twice the width on screen, at least 1,600 pixels."""
    return max(1600, plot.width() * 2)


def export_chart(plot: pg.PlotWidget, path: str | Path, *, width: int | None = None, title: str = "") -> Path:
    """Write ``plot`` to ``path`` (``.png`` or ``.svg``); a PNG is ``width`` pixels wide, its height to scale."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".png":
        import pyqtgraph.exporters as exporters

        exporter = exporters.ImageExporter(plot.getPlotItem())
        exporter.parameters()["width"] = int(width or png_width(plot))
        exporter.export(str(path))
    elif suffix == ".svg":
        _export_svg(plot, path, title)
    else:
        raise ValueError(f"cannot export a chart as '{suffix or path.name}'; use .png or .svg")
    return path


def _export_svg(plot: pg.PlotWidget, path: Path, title: str) -> None:
    """Vector SVG through Qt's SVG generator (pyqtgraph's SVG exporter fails on Qt 6 paths); text stays text."""
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    source = plot.getPlotItem().sceneBoundingRect()
    target = QRectF(0, 0, source.width(), source.height())
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(source.size().toSize())
    generator.setViewBox(target)
    generator.setTitle(title or "Newsprism chart")
    painter = QPainter(generator)
    try:
        painter.fillRect(target, plot.backgroundBrush())
        plot.scene().render(painter, target, source)
    finally:
        painter.end()
