"""The script that takes the documentation's screenshots still runs and shoots every view."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from tests.conftest import REPO


def test_the_screenshot_script_writes_every_documented_view(tmp_path):
    # the window at 200 % comes from a run of its own (--scale 2): Qt's scale is fixed per process
    documented = sorted(p.name for p in (REPO / "docs" / "screenshots").glob("*.png") if "pct." not in p.name)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, str(REPO / "scripts" / "screenshot.py"), "--out", str(tmp_path)],
                   cwd=REPO, env=env, check=True, capture_output=True, timeout=600)
    written = sorted(p.name for p in tmp_path.glob("*.png"))
    assert len(documented) >= 10 and written == documented
    window = QImage(str(tmp_path / "main-window.png"))
    assert (window.width(), window.height()) == (1600, 1000)
