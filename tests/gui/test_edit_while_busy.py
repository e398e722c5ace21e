"""An edit made while a job process holds the project's write lock waits off the GUI thread, then lands."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer

from core.job_process import JobProcess, run_on_project
from core.project import Project
from core.tasks import TaskState


def holding_job(project: Project, seconds: float, *, state: TaskState) -> None:
    """Hold a write transaction, as an analysis does while it saves a batch (run in the job process)."""
    with project.store.transaction():
        project.store.set_meta("written by", "the job")
        state.progress(0.5, "holding")
        time.sleep(seconds)


def test_an_edit_during_a_job_s_write_keeps_the_window_responsive_and_lands_after(open_window, qtbot):
    window = open_window
    jobs = JobProcess()
    holding = threading.Event()
    state = TaskState(lambda fraction, message: holding.set() if message == "holding" else None)
    job = threading.Thread(target=run_on_project, args=(jobs, window.project, holding_job, 6.0),
                           kwargs={"state": state})
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(job.is_alive()))
    try:
        job.start()
        assert holding.wait(60)
        window.edits.merge_entities(["Kremlin"], "Moscow")  # returns at once: the write waits in the edit queue
        timer.start(20)
        qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=5_000)  # the event loop runs meanwhile
        assert all(ticks) and job.is_alive()  # ... all while the job still held the lock
        assert not window.controller.edits.is_idle()
        assert "Kremlin" not in window.project.entity_names("Moscow")  # not written yet
        with qtbot.waitSignal(window.dataRefreshed, timeout=90_000):
            qtbot.waitUntil(window.controller.edits.is_idle, timeout=60_000)
        assert window.project.entity_names("Moscow") == ["Kremlin", "Moscow"]
        assert window.project.store.get_meta("written by") == "the job"  # the job's write is kept too
    finally:
        timer.stop()
        job.join()
        jobs.close()
    with qtbot.waitSignal(window.dataRefreshed, timeout=60_000):
        window.undo_stack.undo()
    assert window.project.entity_names("Moscow") == ["Moscow"]
