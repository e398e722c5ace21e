"""Where Newsprism's data files live, in a checkout and in a frozen app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The project file suffix (also ``core.project.SUFFIX``); here so the launcher need not import pandas.
PROJECT_SUFFIX = ".newsprism"


def app_root() -> Path:
    """The folder holding ``resources/`` and ``seeds/``.

    PyInstaller unpacks data next to the executable (``sys._MEIPASS``); in a
    checkout or an editable install they sit beside the ``core`` package.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return app_root() / "resources"


def seeds_dir() -> Path:
    return app_root() / "seeds"


def user_data_dir() -> Path:
    """Per-user folder for settings, the sample project and untitled projects.

    ``NEWSPRISM_HOME`` overrides it (tests point it at a temporary folder).
    """
    override = os.environ.get("NEWSPRISM_HOME")
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home())) / "Newsprism"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "Newsprism"
    else:
        base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
        path = Path(base) / "newsprism"
    path.mkdir(parents=True, exist_ok=True)
    return path
