"""Entry point of the frozen app (PyInstaller runs this script).

``--self-test`` is handled before anything from ``gui`` is imported, so the
check runs without Qt and without a display; everything else starts the
window, which receives the file paths on the command line (double-clicked
project files, files dropped on the icon).
"""

from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if "--self-test" in argv:
        from core.selftest import main as self_test

        return self_test()
    from gui.app import main as start_window

    return start_window() or 0


if __name__ == "__main__":
    multiprocessing.freeze_support()  # spaCy's n_process workers re-enter here when frozen
    sys.exit(main())
