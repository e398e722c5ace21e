"""Launch the frozen app on an X display and time its start-up (package_test.sh).

Run inside ``xvfb-run``. Times, from the moment the program is started:

* ``mapped``: its first window is visible (``xdotool search --onlyvisible --pid``);
* ``painted``: the first screen frame with anything drawn on it (Xvfb's root
  window is black, so the first non-black grab is the first painted window);
* ``reported``: the app's own ``first-paint <unix time>`` line on stderr, printed
  when ``NEWSPRISM_REPORT_FIRST_PAINT=1`` (if the app supports it).

Saves ``<prefix>-first-paint.png`` and, after ``--settle`` seconds,
``<prefix>-settled.png``; prints one result line. Test tooling: uses the
build machine's Pillow, never part of the app.
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

from PIL import ImageGrab

POLL_SECONDS = 0.02


def launch(program: Path, files: list[str], home: Path, log: Path, empty_bin: Path) -> subprocess.Popen:
    """The app with a bare environment: no Python or venv on PATH, its own home."""
    env = {
        "DISPLAY": os.environ["DISPLAY"],
        "XAUTHORITY": os.environ.get("XAUTHORITY", ""),
        "HOME": str(home),
        "PATH": str(empty_bin),
        "LANG": "C.UTF-8",
        "NEWSPRISM_HOME": str(home / "newsprism"),
        "NEWSPRISM_REPORT_FIRST_PAINT": "1",
    }
    with open(log, "wb") as out:
        return subprocess.Popen([str(program), *files], env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def window_visible(pid: int) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], capture_output=True, text=True)
    return bool(found.stdout.strip())


def wait_for_first_paint(proc: subprocess.Popen, started: float, timeout: float, shot: Path) -> tuple[float | None, float]:
    """Poll until a frame has pixels; returns (mapped, painted) seconds."""
    mapped = None
    while True:
        elapsed = time.monotonic() - started
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with status {proc.returncode} before painting a window")
        if elapsed > timeout:
            raise RuntimeError(f"no painted window after {timeout:.0f} s")
        if mapped is None and window_visible(proc.pid):
            mapped = time.monotonic() - started
        frame = ImageGrab.grab()
        if frame.convert("L").getbbox() is not None:
            painted = time.monotonic() - started
            frame.save(shot)
            return mapped, painted
        time.sleep(POLL_SECONDS)


def reported_first_paint(log: Path, started_wall: float) -> float | None:
    match = re.search(rb"^first-paint ([0-9.]+)", log.read_bytes(), re.MULTILINE)
    return float(match.group(1)) - started_wall if match else None


def window_title(pid: int) -> str:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], capture_output=True, text=True)
    ids = found.stdout.split()
    if not ids:
        return ""
    return subprocess.run(["xdotool", "getwindowname", ids[0]], capture_output=True, text=True).stdout.strip()


def stop(proc: subprocess.Popen) -> None:
    """End the app and anything it started (its own process group)."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--program", type=Path, required=True)
    parser.add_argument("--prefix", type=Path, required=True, help="path prefix for the log and screenshots")
    parser.add_argument("--sandbox", type=Path, required=True, help="scratch folder for the app's home")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--settle", type=float, default=15)
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()

    home = args.sandbox / f"home-{args.prefix.name}"
    empty_bin = args.sandbox / "empty-bin"
    home.mkdir(parents=True)
    empty_bin.mkdir(exist_ok=True)
    log = args.prefix.with_suffix(".log")
    started_wall, started = time.time(), time.monotonic()
    proc = launch(args.program, args.files, home, log, empty_bin)
    try:
        mapped, painted = wait_for_first_paint(proc, started, args.timeout, Path(f"{args.prefix}-first-paint.png"))
        time.sleep(args.settle)
        ImageGrab.grab().save(f"{args.prefix}-settled.png")
        title = window_title(proc.pid)
    except RuntimeError as exc:
        print(f"FAILED: {exc} (log: {log})")
        return 1
    finally:
        stop(proc)
    reported = reported_first_paint(log, started_wall)
    parts = [f"first painted frame after {painted:.2f} s"]
    if mapped is not None:
        parts.append(f"window mapped after {mapped:.2f} s")
    parts.append(f"app-reported first paint after {reported:.2f} s" if reported is not None else "no first-paint report from the app")
    parts.append(f'title "{title}"')
    print("; ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
