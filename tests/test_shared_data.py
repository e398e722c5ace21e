"""Tests that need ../shared fail when it is missing, saying where they looked; NEWSPRISM_NO_SHARED=1 skips them."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import NO_SHARED, REPO

#: A test of its own run: it needs a file of a ../shared that is not there.
NEEDS_SHARED = '''
from pathlib import Path

from tests.conftest import require_shared


def test_reads_a_real_page():
    require_shared(Path({missing!r}))
'''


def _run(tmp_path, no_shared: str | None) -> subprocess.CompletedProcess:
    missing = str(tmp_path / "shared" / "fixtures" / "page.html")
    (tmp_path / "test_needs_shared.py").write_text(NEEDS_SHARED.format(missing=missing), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != NO_SHARED} | {"PYTHONPATH": str(REPO)}
    if no_shared is not None:
        env[NO_SHARED] = no_shared
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "test_needs_shared.py"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("no_shared", [None, "0", ""])
def test_missing_shared_data_fails_and_says_where_it_looked(tmp_path, no_shared):
    run = _run(tmp_path, no_shared)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "1 failed" in run.stdout
    assert f"{tmp_path}/shared/fixtures/page.html is missing: the tests need ../shared beside the checkout" in run.stdout
    assert f"{NO_SHARED}=1 to skip" in run.stdout


def test_missing_shared_data_skips_when_said_to_be_absent(tmp_path):
    run = _run(tmp_path, "1")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 skipped" in run.stdout and "1 failed" not in run.stdout
    assert f"{NO_SHARED}=1 says it is absent on purpose" in run.stdout
