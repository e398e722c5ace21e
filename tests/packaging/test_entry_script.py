"""The frozen app's entry script: ``--self-test`` never touches the window code."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import types
from pathlib import Path

import pytest

ENTRY = Path(__file__).resolve().parents[2] / "packaging" / "newsprism_entry.py"


@pytest.fixture
def entry():
    spec = importlib.util.spec_from_file_location("newsprism_entry_under_test", ENTRY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def calls(monkeypatch):
    """Stand-ins for the self-test and the window, recording which one ran."""
    record: list[str] = []
    fake_gui = types.ModuleType("gui.app")
    fake_gui.main = lambda: record.append("window") or 0
    monkeypatch.setitem(sys.modules, "gui.app", fake_gui)
    monkeypatch.setattr("core.selftest.main", lambda: record.append("self-test") or 3)
    return record


def test_self_test_flag_runs_the_self_test_and_returns_its_status(entry, calls):
    assert entry.main(["--self-test"]) == 3
    assert calls == ["self-test"]


def test_files_on_the_command_line_start_the_window(entry, calls):
    assert entry.main(["/tmp/story.newsprism"]) == 0
    assert calls == ["window"]


def test_self_test_imports_no_qt(tmp_path):
    """In a fresh interpreter: the self-test path loads neither gui nor Qt."""
    probe = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('entry', {str(ENTRY)!r})\n"
        "entry = importlib.util.module_from_spec(spec); spec.loader.exec_module(entry)\n"
        "import core.selftest; core.selftest.main = lambda: 0\n"
        "assert entry.main(['--self-test']) == 0\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('gui', 'PySide6', 'shiboken6', 'pyqtgraph')))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ENTRY.parents[1], check=True)
    assert result.stdout.strip() == "[]"
