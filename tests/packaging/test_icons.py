"""The app icon: the SVG source and the PNG, ICO and ICNS files drawn from it."""

from __future__ import annotations

import importlib.util
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path.name} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_svg_is_a_square_svg_document():
    root = ET.parse(ICONS / "newsprism.svg").getroot()

    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 512 512"


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_has_its_size(size):
    assert png_size(ICONS / f"newsprism-{size}.png") == (size, size)


def test_ico_holds_the_windows_sizes():
    data = (ICONS / "newsprism.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    widths = [data[6 + 16 * i] or 256 for i in range(count)]  # 0 means 256

    assert (reserved, kind) == (0, 1)
    assert sorted(widths) == [16, 24, 32, 48, 64, 128, 256]


def test_icns_is_complete():
    data = (ICONS / "newsprism.icns").read_bytes()

    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)


def test_svg_renders_what_the_pngs_show(qapp):
    """The committed 64 px PNG matches a fresh rendering of the SVG, near enough."""
    from PySide6.QtGui import QColor, QImage

    spec = importlib.util.spec_from_file_location("make_icons", ICONS.parents[1] / "packaging" / "make_icons.py")
    make_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_icons)

    fresh = QImage.fromData(make_icons.render_png(ICONS / "newsprism.svg", 64))
    committed = QImage(str(ICONS / "newsprism-64.png"))
    diffs = [
        abs(QColor(fresh.pixel(x, y)).lightness() - QColor(committed.pixel(x, y)).lightness())
        for x in range(0, 64, 4)
        for y in range(0, 64, 4)
    ]
    assert max(diffs) < 40, "re-run packaging/make_icons.py after changing the SVG"
