"""``newsprism-cli import`` returns only when every process it started has ended (issue 19)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from core.nlp.pipeline import PARALLEL_FROM
from tests.conftest import REPO
from tests.processes import HAS_PROC_CHILDREN, alive, descendants

pytestmark = pytest.mark.skipif(not HAS_PROC_CHILDREN, reason="needs /proc/PID/task/TID/children (Linux)")


@pytest.mark.slow
def test_no_process_is_left_when_the_import_has_returned(tmp_path):
    files = tmp_path / "articles"
    files.mkdir()
    for i in range(PARALLEL_FROM):  # enough articles for the analysis to start its worker processes
        (files / f"a{i:03d}.txt").write_text(
            f"Talks in Paris, day {i}\n\nAnna Berg said the talks had failed. “We will try again,” Berg said.\n",
            encoding="utf-8")
    command = [sys.executable, "-m", "core.cli", "import", str(files), "--project", str(tmp_path / "p.newsprism"), "--json"]
    cli = subprocess.Popen(command, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    started: set[int] = set()
    while cli.poll() is None:
        started |= descendants(cli.pid)
        time.sleep(0.01)
    stderr = cli.stderr.read()
    assert cli.returncode == 0, stderr[-2000:]
    assert len(started) >= 2, "the analysis was meant to run in worker processes"
    left = {pid: _command(pid) for pid in started if alive(pid)}
    assert left == {}, f"still running after the command returned: {left}"
    assert "leaked" not in stderr, stderr[-2000:]


def _command(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", encoding="utf-8", errors="replace") as f:
            return f.read().replace("\0", " ")[:200]
    except OSError:
        return "?"
