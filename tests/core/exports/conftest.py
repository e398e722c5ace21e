"""Export and document reader tests: isolated user folder, paths to the shared real-world fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[3] / ".." / "shared" / "fixtures"


@pytest.fixture(autouse=True)
def _newsprism_home(tmp_path, monkeypatch):
    """No test here reads or writes a real user's settings."""
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path / "home"))


def fixture_file(relative: str) -> Path:
    """A file of ../shared/fixtures; the test is skipped when the folder is not there."""
    path = FIXTURES / relative
    if not path.is_file():
        pytest.skip(f"shared fixture {relative} is not available")
    return path
