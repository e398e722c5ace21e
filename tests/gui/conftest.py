"""GUI tests: offscreen Qt, isolated user folder, a project file analysed once per session."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _gui_home(tmp_path, monkeypatch):
    """Settings, window layout and untitled projects live in this test's folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("NEWSPRISM_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _collector_off_again():
    """Loading a spaCy model turns automatic collection back on (srsly). The app loads models only in
    its job process; the tests analyse in this process, so the window's policy (gui/gui_thread_gc.py)
    is restored before each test."""
    from gui.gui_thread_gc import collecting_on_gui_thread

    if collecting_on_gui_thread():
        gc.disable()


@pytest.fixture(scope="session")
def analysed_undated_seeds_file(tmp_path_factory):
    """The seeds imported and analysed once (loads the real model once per session): one story."""
    from core.project import Project

    path = tmp_path_factory.mktemp("gui-seeds") / "seeds.newsprism"
    with Project(path) as project:
        project.import_paths([SEEDS])
        project.analyse()
    return path


@pytest.fixture(scope="session")
def analysed_seeds_file(analysed_undated_seeds_file, tmp_path_factory):
    """The analysed seeds with their dates set (as a user would): two stories, one outlet each."""
    from core.project import Project
    from tests.conftest import date_the_seeds

    path = tmp_path_factory.mktemp("gui-dated-seeds") / "seeds.newsprism"
    with Project(analysed_undated_seeds_file) as undated:
        undated.save_as(path)
    with Project(path) as project:
        date_the_seeds(project)
    return path


@pytest.fixture
def seeds_file(analysed_seeds_file, tmp_path) -> Path:
    """A fresh copy of the analysed, dated sample project for one test."""
    path = tmp_path / "seeds.newsprism"
    shutil.copy(analysed_seeds_file, path)
    return path


@pytest.fixture
def undated_seeds_file(analysed_undated_seeds_file, tmp_path) -> Path:
    """A fresh copy of the analysed sample project as the app opens it first (undated: one story)."""
    path = tmp_path / "undated-seeds.newsprism"
    shutil.copy(analysed_undated_seeds_file, path)
    return path


@pytest.fixture
def window(qtbot):
    """The main window with nothing open; closed (runners shut down) after the test."""
    from core.settings import Settings
    from gui.main_window import MainWindow

    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    yield win
    win.close()


@pytest.fixture
def open_window(window, seeds_file, qtbot):
    """The window showing the analysed sample project."""
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        assert window.open_project(seeds_file)
    return window


SEVEN_OUTLETS = REPO / "tests" / "data" / "seven_outlets"


@pytest.fixture(scope="session")
def analysed_seven_outlets_file(tmp_path_factory):
    """Seven outlets' folders imported (outlet from the folder, date from the file name) and analysed once."""
    from core.project import Project

    path = tmp_path_factory.mktemp("gui-seven-outlets") / "seven.newsprism"
    with Project(path, create=True) as project:
        project.import_paths(sorted(p for p in SEVEN_OUTLETS.iterdir() if p.is_dir()))
        project.analyse()
    return path


@pytest.fixture
def seven_outlets_window(window, analysed_seven_outlets_file, tmp_path, qtbot):
    """The window showing a fresh copy of the seven-outlet project."""
    path = tmp_path / "seven.newsprism"
    shutil.copy(analysed_seven_outlets_file, path)
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        assert window.open_project(path)
    return window
