"""Render the app icon from ``resources/icons/newsprism.svg``.

Writes ``newsprism-<size>.png`` for the Linux icon theme and the window,
``newsprism.ico`` for the Windows ``.exe`` and ``newsprism.icns`` for the
macOS ``.app``. Qt's SVG renderer draws the pixels (it is already installed);
Pillow packs the ICO and ICNS containers. The outputs are committed, so a
build never needs this script; run it after changing the SVG::

    .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "newsprism.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn antialiased on a transparent square of ``size`` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def _pillow_image(png: bytes):
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGBA")


def write_ico(renders: dict[int, bytes], target: Path) -> None:
    """One ICO holding every size, each drawn from the SVG (not downscaled)."""
    images = [_pillow_image(renders[s]) for s in ICO_SIZES]
    largest = images[-1]
    largest.save(target, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])


def write_icns(renders: dict[int, bytes], target: Path) -> None:
    images = [_pillow_image(renders[s]) for s in ICNS_SIZES]
    images[-1].save(target, format="ICNS", append_images=images[:-1])


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need an app
    renders = {size: render_png(SVG, size) for size in sorted(set(PNG_SIZES + ICO_SIZES + ICNS_SIZES))}
    for size in PNG_SIZES:
        (ICONS / f"newsprism-{size}.png").write_bytes(renders[size])
    write_ico(renders, ICONS / "newsprism.ico")
    write_icns(renders, ICONS / "newsprism.icns")
    for path in sorted(ICONS.iterdir()):
        print(f"{path.stat().st_size:>9,}  {path.relative_to(ICONS.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
