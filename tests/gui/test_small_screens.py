"""The window on a 1280 x 800 laptop, at 100 % and at 200 % scaling: nothing cut off, no table squeezed.

Qt's scale factor is fixed when the application starts, so each case runs
the real window in a fresh offscreen process (``layout_probe.py``) on a
screen of the given size; at 200 % a 2560 x 1600 screen leaves the window
the same 1280 x 800 logical pixels.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui.views.table_panel import MIN_VISIBLE_ROWS

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("scale, width, height", [(1, 1280, 800), (2, 2560, 1600)])
def test_the_window_fits_a_laptop_screen_at_its_scale(seeds_file, tmp_path, scale, width, height):
    screen = tmp_path / "screen.json"
    screen.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": str(scale), "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
           "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "tests.gui.layout_probe", str(seeds_file)], check=False,
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=300)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    result = json.loads(lines[-1])
    assert result["scale"] == scale and result["screen"] == [1280, 800]
    assert result["window"] == [1280, 800]  # as large as the screen's free area, no larger
    assert result["outside"] == []  # every dock inside the window
    assert set(result["rows"]) == {"articles", "stories", "entities", "quotes", "terms"}
    squeezed = {table: rows for table, rows in result["rows"].items() if rows < MIN_VISIBLE_ROWS}
    assert squeezed == {}, f"tables showing fewer than {MIN_VISIBLE_ROWS} rows: {squeezed}"
    assert result["cut"] == []  # no button sticks out of its dock or is narrower than its text
