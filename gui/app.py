"""``newsprism``: the window appears at once; pandas and pyqtgraph load after it, spaCy in a worker.

``newsprism``                   the last project, or the sample project on first start
``newsprism PROJECT.newsprism`` that project
``newsprism FILE_OR_FOLDER...`` the last (or sample) project with those imported
``newsprism --self-test``       checks the installation without opening a window
"""

from __future__ import annotations

import argparse
import sys

from core.paths import PROJECT_SUFFIX as SUFFIX  # light: pandas loads only after the window shows

#: Start the views and the project even if the window never paints (e.g. minimised at launch).
FALLBACK_START_MS = 2000


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
    """The application and its window, shown, with the start-up work scheduled; returns the window.

    The window's shell (menus, docks saying "Loading…") needs only Qt and
    paints at once; pandas, pyqtgraph and the views load after its first
    paint, then the project opens (its tables load in the background).
    """
    args, qt_args = parse_args(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from core.settings import Settings
    from gui.file_open_events import FileOpenHandler
    from gui.main_window import MainWindow
    from gui.theme import apply_appearance

    app = QApplication.instance() or QApplication([sys.argv[0], *qt_args])
    app.setApplicationName("Newsprism")
    app.setOrganizationName("Newsprism")
    app.setDesktopFileName("newsprism")  # Wayland/X11 match the window to newsprism.desktop (icon, name)
    opener = FileOpenHandler(app)  # files macOS asks us to open while running (double-click, Dock drop)
    app.installEventFilter(opener)
    app.setStyle("Fusion")
    window = MainWindow(Settings.load(), views_later=True)
    apply_appearance(str(window.qsettings.value("appearance", "system")))
    window.file_open_handler = opener
    projects = [p for p in args.paths if p.endswith(SUFFIX)]
    files = [p for p in args.paths if not p.endswith(SUFFIX)]

    def start_up() -> None:
        if window.views_built:
            return  # the fallback below, after the first paint already started up (or the other way round)
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True)
        window.build_views()
        window.start_up(projects[0] if projects else None, files)
        opener.deliver_to(window.import_paths)  # a project file is opened, other files imported

    # After the first paint has reached the screen; the fallback if no paint comes (a hidden screen).
    window.firstPainted.connect(lambda: QTimer.singleShot(0, start_up))
    QTimer.singleShot(FALLBACK_START_MS, start_up)
    window.show()
    return window


if __name__ == "__main__":
    sys.exit(main())
