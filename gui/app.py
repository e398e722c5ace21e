"""``newsprism``: the window appears at once; spaCy loads later, in a worker.

``newsprism``                   the last project, or the sample project on first start
``newsprism PROJECT.newsprism`` that project
``newsprism FILE_OR_FOLDER...`` the last (or sample) project with those imported
``newsprism --self-test``       checks the installation without opening a window
"""

from __future__ import annotations

import argparse
import sys

from core.paths import PROJECT_SUFFIX as SUFFIX  # light: pandas loads only after the splash shows


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(prog="newsprism", description="Compare how outlets cover the same story.")
    parser.add_argument("paths", nargs="*", help=f"a project ({SUFFIX}) to open, or files and folders to import")
    parser.add_argument("--self-test", action="store_true", help="check the installation and exit")
    return parser.parse_known_args(argv)  # the rest is for Qt (e.g. -platform)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in argv:
        from core import selftest

        return int(selftest.main() or 0)
    window = launch(argv)  # noqa: F841 - keeps the window alive while the event loop runs
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().exec()


def launch(argv: list[str]):
    """The application and its window, shown, with the start-up work scheduled; returns the window."""
    args, qt_args = parse_args(argv)

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QPixmap
    from PySide6.QtWidgets import QApplication, QSplashScreen

    from core.paths import resources_dir

    from gui.file_open_events import FileOpenHandler

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Newsprism")
    app.setOrganizationName("Newsprism")
    app.setDesktopFileName("newsprism")  # Wayland/X11 match the window to newsprism.desktop (icon, name)
    opener = FileOpenHandler(app)  # files macOS asks us to open while running (double-click, Dock drop)
    app.installEventFilter(opener)
    app.setStyle("Fusion")
    splash = QSplashScreen(QPixmap(str(resources_dir() / "icons" / "newsprism-256.png")))
    splash.showMessage("Opening Newsprism…", Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
    splash.show()
    app.processEvents()  # something on screen at once; pandas and pyqtgraph load next

    import pyqtgraph as pg

    from core.settings import Settings
    from gui.main_window import MainWindow
    from gui.theme import apply_appearance

    pg.setConfigOptions(antialias=True)
    settings = Settings.load()
    window = MainWindow(settings)
    apply_appearance(str(window.qsettings.value("appearance", "system")))
    window.show()
    splash.finish(window)
    projects = [p for p in args.paths if p.endswith(SUFFIX)]
    files = [p for p in args.paths if not p.endswith(SUFFIX)]

    def start_up() -> None:
        window.start_up(projects[0] if projects else None, files)
        opener.deliver_to(window.import_paths)  # a project file is opened, other files imported

    QTimer.singleShot(0, start_up)
    window.file_open_handler = opener
    return window


if __name__ == "__main__":
    sys.exit(main())
