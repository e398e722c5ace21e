"""``newsprism`` as launched: a project file opens it, other files are imported into the open project."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from gui.app import main
from gui.main_window import MainWindow


def _run_until(argv, done, limit=120.0) -> dict:
    """Run ``main(argv)``; stop once ``done(window)`` holds (checked from the event loop)."""
    seen: dict = {}
    deadline = time.monotonic() + limit

    def poll() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        timed_out = time.monotonic() > deadline
        if windows and (timed_out or done(windows[0])):
            seen.update(window=windows[0], path=windows[0].project.path, rows=windows[0].article_model.rowCount(),
                        timed_out=timed_out)
            timer.stop()
            windows[0].close()
            QApplication.quit()

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(50)
    seen["code"] = main(argv)
    return seen


def test_a_project_file_on_the_command_line_is_opened(qapp, seeds_file):
    seen = _run_until([str(seeds_file)], lambda w: w.view_data is not None)
    assert seen["code"] == 0 and not seen["timed_out"]
    assert seen["path"] == seeds_file and seen["rows"] == 2


def test_files_on_the_command_line_are_imported_into_the_sample_project(qapp, tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text("Summit in Geneva\nThe envoy Maria Lopez met officials in Geneva on Monday.\n")
    seen = _run_until([str(extra)], lambda w: w.article_model.rowCount() == 3
                      and not w.controller.work.is_running() and not w.controller.data.is_running())
    assert not seen["timed_out"]
    assert seen["path"].name == "Sample.newsprism" and seen["rows"] == 3
