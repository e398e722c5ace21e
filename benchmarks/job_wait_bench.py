"""What waiting on the job process costs the window's process: CPU time and wake-ups of the waiting thread.

Runs a job that sleeps (a child busy with its own work) and measures, in the
parent, the CPU time of the whole process and the voluntary context switches
while it waits. ``python -m benchmarks.job_wait_bench [seconds]``.
"""

from __future__ import annotations

import resource
import sys
import time

from core.job_process import JobProcess
from core.tasks import TaskState


def sleeping_job(seconds: float, *, state: TaskState) -> float:
    state.progress(0.0, "sleeping")
    time.sleep(seconds)
    return seconds


def measure(seconds: float) -> tuple[float, int]:
    """(CPU seconds, voluntary context switches) of this process while one job of ``seconds`` runs."""
    jobs = JobProcess()
    try:
        jobs.run(sleeping_job, 0.1)  # the child started: not measured
        before, cpu = resource.getrusage(resource.RUSAGE_SELF), time.process_time()
        jobs.run(sleeping_job, seconds, state=TaskState(lambda f, m: None))
        after = resource.getrusage(resource.RUSAGE_SELF)
        return time.process_time() - cpu, after.ru_nvcsw - before.ru_nvcsw
    finally:
        jobs.close()


if __name__ == "__main__":
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    cpu, switches = measure(seconds)
    print(f"waiting {seconds:.0f} s on a job: {cpu * 1000:.0f} ms CPU in the parent, {switches} wake-ups")
