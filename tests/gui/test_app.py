"""``newsprism`` as launched: a project file opens it, other files are imported into the open project.

The tests drive ``launch`` (everything ``main`` does before the event loop);
running ``QApplication.exec`` inside pytest stops later thread-pool work from
starting in the same process.
"""

from __future__ import annotations

import time
from pathlib import Path

from gui.app import launch


def test_a_project_file_on_the_command_line_is_opened(qtbot, seeds_file):
    window = launch([str(seeds_file)])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view_data is not None, timeout=60_000)
    assert window.isVisible()
    assert window.project.path == seeds_file and window.article_model.rowCount() == 2
    window.close()


def test_files_on_the_command_line_are_imported_into_the_sample_project(qtbot, tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text("Summit in Geneva\nThe envoy Maria Lopez met officials in Geneva on Monday.\n")
    window = launch([str(extra)])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.views_built and window.article_model.rowCount() == 3, timeout=120_000)
    assert window.project.path.name == "Sample.newsprism"
    window.close()



def test_the_window_shell_imports_no_heavy_module():
    """``gui.app`` and the window's shell paint before pandas, numpy, pyqtgraph or spaCy are imported."""
    import subprocess
    import sys

    code = ("import sys, gui.app, gui.main_window; "
            "print(*(m in sys.modules for m in ('pandas', 'numpy', 'pyqtgraph', 'spacy')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(Path(__file__).resolve().parents[2])).stdout.split()
    assert out == ["False"] * 4


def test_the_launched_window_paints_its_shell_first_then_builds_its_views(qtbot, seeds_file):
    from PySide6.QtWidgets import QLabel

    window = launch([str(seeds_file)])
    qtbot.addWidget(window)
    assert window.isVisible() and not window.views_built
    loading = [dock.widget() for dock in window.docks.values()]
    assert all(isinstance(w, QLabel) and w.text() == "Loading…" for w in loading)
    assert {dock.windowTitle() for dock in window.docks.values()} >= {"Articles", "Side by side", "Entities"}
    assert [action.text() for action in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        pass  # first paint -> views -> the project's data
    assert window.docks["articles"].widget() is window.article_panel
    assert window.docks["entities"].widget() is window.entity_panel
    assert window.article_model.rowCount() == 2
    window.close()


def test_the_light_project_suffix_is_the_projects():
    from core.paths import PROJECT_SUFFIX
    from core.project import SUFFIX

    assert PROJECT_SUFFIX == SUFFIX


def test_first_paint_is_reported_when_packaging_asks(qtbot, monkeypatch, capsys):
    from core.settings import Settings
    from gui.main_window import MainWindow

    monkeypatch.setenv("NEWSPRISM_REPORT_FIRST_PAINT", "1")
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window._report_first_paint is False)
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("first-paint ")]
    assert len(lines) == 1 and abs(float(lines[0].split()[1]) - time.time()) < 3600
    window.repaint()
    assert "first-paint" not in capsys.readouterr().err  # once only
    window.close()


def test_the_window_is_no_larger_than_the_screen(qtbot):
    from core.settings import Settings
    from gui.main_window import MainWindow, window_settings

    settings = window_settings()
    settings.setValue("window/geometry", None)
    window = MainWindow(Settings())
    qtbot.addWidget(window)
    free = window.screen().availableGeometry()
    assert window.width() <= free.width() and window.height() <= free.height()
    window.close()


def test_a_file_the_system_asks_to_open_is_imported(qtbot, tmp_path):
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    window = launch([])
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view_data is not None and window.article_model.rowCount() == 2, timeout=120_000)
    extra = tmp_path / "opened.txt"
    extra.write_text("Port reopens\nThe harbour master Ana Silva reopened the port of Lisbon on Monday.\n")
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(extra)))
    qtbot.waitUntil(lambda: window.article_model.rowCount() == 3, timeout=120_000)
    window.close()
