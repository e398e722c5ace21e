"""Benchmark tests never touch a real user's folders."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _benchmark_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("newsprism-bench-home")
    monkeypatch.setenv("NEWSPRISM_HOME", str(home))
    return home
