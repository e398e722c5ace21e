"""Screenshots of the real window on the sample project, for the README and docs/.

Run under a virtual screen:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot.py

It uses a temporary user folder (the sample project is built fresh and your
own settings are untouched), waits for the analysis, then saves the whole
window and each view to ``docs/screenshots/``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def wait_until(app, condition, timeout: float = 180.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.02)


def settle(app, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--size", default="1600x1000")
    args = parser.parse_args()
    os.environ["NEWSPRISM_HOME"] = tempfile.mkdtemp(prefix="newsprism-shots-")
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = (int(v) for v in args.size.split("x"))

    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from core.settings import Settings
    from gui.main_window import MainWindow
    from gui.theme import apply_appearance

    app = QApplication([sys.argv[0]])
    app.setStyle("Fusion")
    pg.setConfigOptions(antialias=True)
    window = MainWindow(Settings())
    window.resize(width, height)
    window.show()
    window.start_up()
    wait_until(app, lambda: window.view_data is not None and not window.view_data.mentions.empty
               and not window.controller.work.is_running())
    window.article_panel.table.selectAll()
    window.select_entity("Kim Jong Un")
    settle(app, 1.0)

    def save(widget, name: str) -> None:
        path = args.out / name
        widget.grab().save(str(path))
        print(path)

    save(window, "main-window.png")
    save(window.docks["side_by_side"], "side-by-side.png")
    save(window.docks["chart"], "entity-chart.png")
    save(window.docks["articles"], "articles.png")
    save(window.docks["entities"], "entities.png")

    window.chart_state.metric = "per_1000_words"
    settle(app)
    save(window.docks["chart"], "entity-chart-per-1000-words.png")
    window.chart_state.metric = "mentions"

    bad = Path(tempfile.mkdtemp(prefix="newsprism-bad-"))
    (bad / "empty.txt").write_bytes(b"")
    (bad / "scan.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "notes.docx").write_bytes(b"not really a Word file")
    window.import_paths([bad, REPO / "seeds" / sorted(os.listdir(REPO / "seeds"))[0]])
    wait_until(app, lambda: window.import_report.results and not window.controller.work.is_running())
    settle(app, 0.5)
    save(window.docks["import_report"], "import-report.png")

    window.docks["entities"].raise_()
    apply_appearance("dark")
    settle(app, 1.0)
    save(window, "main-window-dark.png")
    apply_appearance("system")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
