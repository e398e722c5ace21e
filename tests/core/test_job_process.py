"""Long work in a child process: results, progress, Cancel, errors and crashes come back to the caller."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from core import jobs
from core.store.store import ProjectError
from core.job_process import ChildDied, JobProcess, run_on_project
from core.project import Project
from core.tasks import Cancelled, TaskState
from tests.conftest import REPO
from tests.processes import HAS_PROC_CHILDREN, descendants, still_running

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


# -- jobs the child runs (module level: the child imports them by name) --------------------
def counting_job(n: int, *, state: TaskState) -> tuple[int, int]:
    for i in range(n):
        state.progress(i / n, f"step {i}")
        time.sleep(0.06)  # longer than the child's progress interval: every step is sent
    return os.getpid(), n


def endless_job(*, state: TaskState) -> None:
    while True:
        state.progress(0.5, "working")
        time.sleep(0.01)


def failing_job(*, state: TaskState) -> None:
    raise ValueError("the third file is not a table")


def holding_job(project: Project, seconds: float, *, state: TaskState) -> None:
    """Hold a write transaction on the project, as a large table's import does."""
    with project.store.transaction():
        project.store.set_meta("written by", "the child")
        state.progress(0.5, "holding")
        time.sleep(seconds)


class TwoPartError(Exception):
    """As some libraries' exceptions: pickled, it cannot be rebuilt (its __init__ wants two arguments)."""

    def __init__(self, line: int, reason: str):
        super().__init__(f"line {line}: {reason}")


def unpicklable_failing_job(*, state: TaskState) -> None:
    raise TwoPartError(3, "unexpected end of the table")


def dying_job(*, state: TaskState) -> None:
    os._exit(3)  # as a crash in a native reader would


@pytest.fixture
def job_process():
    jobs_ = JobProcess()
    yield jobs_
    jobs_.close()


def test_the_job_runs_in_another_process_and_its_progress_arrives_in_order(job_process):
    seen = []
    state = TaskState(lambda fraction, message: seen.append(message))
    pid, n = job_process.run(counting_job, 5, state=state)
    assert pid != os.getpid() and n == 5
    assert seen == [f"step {i}" for i in range(5)]


def test_the_child_lives_on_between_jobs(job_process):
    first, _ = job_process.run(counting_job, 1)
    second, _ = job_process.run(counting_job, 1)
    assert first == second  # a model it loaded stays loaded


def test_cancel_stops_the_job_in_the_child_and_the_next_job_runs(job_process):
    state = TaskState(lambda fraction, message: None)
    threading.Timer(0.5, state.cancel).start()
    started = time.monotonic()
    with pytest.raises(Cancelled):
        job_process.run(endless_job, state=state)
    assert time.monotonic() - started < 10
    assert job_process.run(counting_job, 2)[1] == 2


def test_an_error_in_the_child_is_raised_here_with_its_message(job_process):
    with pytest.raises(ValueError, match="the third file is not a table"):
        job_process.run(failing_job)


def test_an_error_that_cannot_cross_processes_arrives_as_its_type_and_message(job_process):
    with pytest.raises(RuntimeError, match="TwoPartError: line 3: unexpected end of the table"):
        job_process.run(unpicklable_failing_job)
    assert job_process.run(counting_job, 1)[1] == 1  # the child carries on


def test_a_child_that_dies_fails_the_job_and_the_next_job_gets_a_new_child(job_process):
    with pytest.raises(ChildDied, match="stopped unexpectedly"):
        job_process.run(dying_job)
    pid, _ = job_process.run(counting_job, 1)
    assert pid != os.getpid()


def test_a_job_on_a_project_is_seen_by_the_project_that_started_it(job_process, tmp_path):
    with Project(tmp_path / "p.newsprism") as project:
        assert project.articles_frame().empty  # read (and cached) before the job
        outcome = run_on_project(job_process, project, jobs.import_then_analyse, [str(SEEDS)])
        assert outcome.analysis_error is None and len(outcome.results) == 2
        assert len(project.articles_frame()) == 2
        assert set(project.store.analysis_state()) == set(project.articles_frame()["id"])
        assert not project.entity_counts().empty


@pytest.mark.slow
def test_an_edit_in_the_window_waits_for_a_long_transaction_in_the_child(job_process, tmp_path):
    with Project(tmp_path / "p.newsprism") as project:
        holding = threading.Event()
        state = TaskState(lambda fraction, message: holding.set() if message == "holding" else None)
        job = threading.Thread(target=run_on_project, args=(job_process, project, holding_job, 6.0),
                               kwargs={"state": state})
        job.start()
        assert holding.wait(60)
        project.store.set_meta("edited by", "the user")  # longer than sqlite's default 5 s wait
        job.join()
        assert project.store.get_meta("written by") == "the child"
        assert project.store.get_meta("edited by") == "the user"


def test_a_project_that_is_gone_fails_with_the_store_error(job_process, tmp_path):
    with Project(tmp_path / "p.newsprism") as project:
        (tmp_path / "p.newsprism").rename(tmp_path / "moved.newsprism")
        with pytest.raises(ProjectError, match="does not exist"):
            run_on_project(job_process, project, jobs.analyse)


def test_a_job_reads_the_user_folder_of_the_caller_even_if_the_child_started_for_another(
        job_process, tmp_path, monkeypatch):
    job_process.run(counting_job, 1)  # the child starts with this process's user folder
    home = tmp_path / "home"
    home.mkdir()
    (home / "outlets.csv").write_text("alias,outlet\nNewsweek,Newsweek Magazine\n", encoding="utf-8")
    monkeypatch.setenv("NEWSPRISM_HOME", str(home))
    with Project(tmp_path / "p.newsprism") as project:
        run_on_project(job_process, project, jobs.import_then_analyse, [str(SEEDS)])
        assert sorted(project.articles_frame()["outlet"]) == ["Newsweek Magazine", "Yahoo News"]


_KILLED_PARENT = """
import time
from core.job_process import JobProcess
from tests.core.test_job_process import counting_job
JobProcess().run(counting_job, 1)
print("child started", flush=True)
time.sleep(600)
"""


@pytest.mark.skipif(not HAS_PROC_CHILDREN, reason="needs Linux /proc to find the child processes")
def test_the_child_ends_when_the_process_that_started_it_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", _KILLED_PARENT], cwd=REPO, stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().strip() == "child started"
        children = descendants(parent.pid)
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    assert children, "the job ran in no child process"
    assert still_running(children, timeout=20) == set()
