"""Export and document reader tests: isolated user folder, paths to the shared real-world fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SHARED_FIXTURES, require_shared


@pytest.fixture(autouse=True)
def _newsprism_home(tmp_path, monkeypatch):
    """No test here reads or writes a real user's settings."""
    monkeypatch.setenv("NEWSPRISM_HOME", str(tmp_path / "home"))


def fixture_file(relative: str) -> Path:
    """A file of ../shared/fixtures; missing, the test fails (see :func:`tests.conftest.require_shared`)."""
    return require_shared(SHARED_FIXTURES / relative)
