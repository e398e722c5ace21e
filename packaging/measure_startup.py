"""Launch the frozen app on an X display and time its start-up (package_test.sh).

Run inside ``xvfb-run``. Times, from the moment the program is started:

* ``first paint``: the first screen frame with anything drawn on it (Xvfb's
  root window is black, so the first non-black grab; a splash screen counts);
* ``main mapped``: a window bigger than 400 x 300 is visible
  (``xdotool search --onlyvisible --pid``);
* ``main painted``: the drawn pixels cover more than 400 x 300;
* ``app-reported first paint``: the app's own ``first-paint <unix time>`` line,
  printed when ``NEWSPRISM_REPORT_FIRST_PAINT=1`` (if the app supports it).

Saves ``<prefix>-first-paint.png``, ``<prefix>-main-window.png`` and, after
``--settle`` seconds, ``<prefix>-settled.png``; prints one result line. Test tooling: uses the
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
MAIN_MIN_SIZE = (400, 300)


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


def visible_windows(pid: int) -> list[tuple[str, int, int]]:
    """(id, width, height) of the program's visible windows."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid)], capture_output=True, text=True)
    windows = []
    for window in found.stdout.split():
        geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window], capture_output=True, text=True).stdout
        size = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
        if "WIDTH" in size:
            windows.append((window, int(size["WIDTH"]), int(size["HEIGHT"])))
    return windows


def is_main_size(width: int, height: int) -> bool:
    """Bigger than a splash screen or a dialog: the main window."""
    return width > MAIN_MIN_SIZE[0] and height > MAIN_MIN_SIZE[1]


def wait_for_main_window(proc: subprocess.Popen, started: float, timeout: float, prefix: Path) -> dict[str, float]:
    """Poll until the main window has painted; seconds for each milestone.

    ``first paint``: the first frame with pixels (a splash screen counts);
    ``main mapped``: a main-window-sized window is visible; ``main painted``:
    drawn pixels cover more than a splash screen would.
    """
    times: dict[str, float] = {}
    while "main painted" not in times:
        elapsed = time.monotonic() - started
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with status {proc.returncode} before painting its window")
        if elapsed > timeout:
            raise RuntimeError(f"no painted main window after {timeout:.0f} s (got: {', '.join(times) or 'nothing'})")
        if "main mapped" not in times and any(is_main_size(w, h) for _, w, h in visible_windows(proc.pid)):
            times["main mapped"] = time.monotonic() - started
        frame = ImageGrab.grab()
        box = frame.convert("L").getbbox()
        now = time.monotonic() - started
        if box is not None and "first paint" not in times:
            times["first paint"] = now
            frame.save(f"{prefix}-first-paint.png")
        if box is not None and "main mapped" in times and is_main_size(box[2] - box[0], box[3] - box[1]):
            times["main painted"] = now
            frame.save(f"{prefix}-main-window.png")
        time.sleep(POLL_SECONDS)
    return times


def reported_first_paint(log: Path, started_wall: float) -> float | None:
    match = re.search(rb"^first-paint ([0-9.]+)", log.read_bytes(), re.MULTILINE)
    return float(match.group(1)) - started_wall if match else None


def window_title(pid: int) -> str:
    windows = [w for w, width, height in visible_windows(pid) if is_main_size(width, height)]
    if not windows:
        return ""
    return subprocess.run(["xdotool", "getwindowname", windows[0]], capture_output=True, text=True).stdout.strip()


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
        times = wait_for_main_window(proc, started, args.timeout, args.prefix)
        time.sleep(args.settle)
        ImageGrab.grab().save(f"{args.prefix}-settled.png")
        title = window_title(proc.pid)
    except RuntimeError as exc:
        print(f"FAILED: {exc} (log: {log})")
        return 1
    finally:
        stop(proc)
    reported = reported_first_paint(log, started_wall)
    if reported is not None:
        times["app-reported first paint"] = reported
    parts = [f"{name} {seconds:.2f} s" for name, seconds in sorted(times.items(), key=lambda item: item[1])]
    print("; ".join(parts) + f'; title "{title}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
