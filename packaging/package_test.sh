#!/bin/sh
# End-to-end check of the frozen app (make package-test; takes a few minutes):
#   1. build dist/newsprism with `make package` (NEWSPRISM_SKIP_BUILD=1 reuses a build)
#   2. report the bundle's size (on disk and as a .tar.gz download)
#   3. run `newsprism --self-test` with an empty environment: no Python, no venv
#      on PATH, and no network (a private network namespace when allowed)
#   4. open the window under xvfb-run with a seed file on its command line, time
#      the start-up to the first painted window and take screenshots
#      (packaging/measure_startup.py, with the build machine's Pillow)
# Results and screenshots go to out/package-test/ (summary.txt sums them up).
set -eu

REPO=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=$REPO/dist/newsprism
PROGRAM=$BUNDLE/newsprism
OUT=$REPO/out/package-test
PY=$REPO/.venv/bin/python
SEED=$(ls "$REPO"/seeds/*.txt | head -n 1)
LAUNCHES=${NEWSPRISM_LAUNCHES:-3}
SETTLE=${NEWSPRISM_SETTLE_SECONDS:-15}
WINDOW_TIMEOUT=${NEWSPRISM_WINDOW_TIMEOUT:-60}
X_PACKAGES="xvfb xauth x11-utils xdotool libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0 libegl1 libfontconfig1"

say() { printf '%s\n' "$*" | tee -a "$OUT/summary.txt"; }
die() { printf 'package-test: FAILED: %s\n' "$*" | tee -a "$OUT/summary.txt" >&2; exit 1; }
now() { date +%s.%N; }
seconds_since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }'; }

rm -rf "$OUT"
mkdir -p "$OUT"
: > "$OUT/summary.txt"

# -- 1. build -----------------------------------------------------------------
if [ "${NEWSPRISM_SKIP_BUILD:-0}" = 1 ] && [ -x "$PROGRAM" ]; then
    say "build: reusing $BUNDLE"
else
    started=$(now)
    make -C "$REPO" package > "$OUT/build.log" 2>&1 || { tail -n 30 "$OUT/build.log"; die "the build failed (out/package-test/build.log)"; }
    say "build: $(seconds_since "$started") s (log: out/package-test/build.log)"
fi
[ -x "$PROGRAM" ] || die "no program at $PROGRAM"

# -- 2. size ------------------------------------------------------------------
disk_mb=$(du -sm "$BUNDLE" | cut -f1)
gz_mb=$(tar -C "$BUNDLE/.." -cf - newsprism | gzip -6 | wc -c | awk '{ printf "%.0f", $1 / 1048576 }')
say "bundle size: ${disk_mb} MB on disk, ${gz_mb} MB as .tar.gz"

# -- 3. self-test: empty environment, no Python on PATH, no network -------------
SANDBOX=$(mktemp -d /tmp/newsprism-package-test.XXXXXX)
trap 'rm -rf "$SANDBOX"' EXIT
mkdir -p "$SANDBOX/empty-bin" "$SANDBOX/home"
isolate=""
if unshare --net true 2>/dev/null; then isolate="$(command -v unshare) --net"; fi
started=$(now)
set +e
# shellcheck disable=SC2086 # $isolate is a command prefix, empty or two words
env -i HOME="$SANDBOX/home" PATH="$SANDBOX/empty-bin" NEWSPRISM_HOME="$SANDBOX/home/newsprism" \
    $isolate "$PROGRAM" --self-test > "$OUT/self-test.txt" 2>&1
status=$?
set -e
sed 's/^/    /' "$OUT/self-test.txt"
network="without network (unshare --net)"
[ -n "$isolate" ] || network="WITH network (unshare --net not permitted here)"
if [ "$status" -eq 0 ]; then
    say "self-test: passed in $(seconds_since "$started") s; empty PATH, no venv, $network"
else
    say "self-test: FAILED (exit $status); see out/package-test/self-test.txt"
fi
selftest_status=$status

# -- 4. the window under Xvfb ---------------------------------------------------
missing=""
for tool in xvfb-run xdotool xwininfo; do command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"; done
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing$missing and Qt's X11 libraries with apt-get"
        # shellcheck disable=SC2086
        (apt-get install -y $X_PACKAGES || { apt-get update && apt-get install -y $X_PACKAGES; }) > "$OUT/apt.log" 2>&1 \
            || die "apt-get install failed (out/package-test/apt.log)"
    else
        die "missing$missing; install with: sudo apt-get install -y $X_PACKAGES"
    fi
fi
qxcb=$(find "$BUNDLE" -name libqxcb.so | head -n 1)
if [ -n "$qxcb" ]; then
    unresolved=$(LD_LIBRARY_PATH="$BUNDLE/_internal:$(dirname "$qxcb")/../../lib" ldd "$qxcb" | grep "not found" || true)
    [ -z "$unresolved" ] || say "warning: Qt's xcb plugin misses libraries (apt-get install them):
$unresolved"
else
    say "warning: no Qt xcb platform plugin in the bundle (does gui/ import QtWidgets yet?)"
fi

say "window: $LAUNCHES launches with $(basename "$SEED") on the command line (screen 1280x800)"
i=1
while [ "$i" -le "$LAUNCHES" ]; do
    result=$(xvfb-run -a -s "-screen 0 1280x800x24 -noreset" "$PY" "$REPO/packaging/measure_startup.py" \
        --program "$PROGRAM" --prefix "$OUT/launch-$i" --sandbox "$SANDBOX" \
        --timeout "$WINDOW_TIMEOUT" --settle "$SETTLE" "$SEED" 2>&1) \
        || die "launch $i: $result"
    say "    launch $i: $result"
    i=$((i + 1))
done
say "screenshots: out/package-test/launch-1-first-paint.png, launch-1-main-window.png, launch-1-settled.png"

# A project file on the command line (a double-click on it) opens that project.
"$PY" -m core.cli import "$SEED" --project "$SANDBOX/Story.newsprism" --no-analyse > "$OUT/project-cli.log" 2>&1 \
    || die "could not make a project with newsprism-cli (out/package-test/project-cli.log)"
result=$(xvfb-run -a -s "-screen 0 1280x800x24 -noreset" "$PY" "$REPO/packaging/measure_startup.py" \
    --program "$PROGRAM" --prefix "$OUT/project" --sandbox "$SANDBOX" \
    --timeout "$WINDOW_TIMEOUT" --settle 3 "$SANDBOX/Story.newsprism" 2>&1) || die "project launch: $result"
case "$result" in
    *'title "Story'*) say "project file: Story.newsprism on the command line opened it ($result)" ;;
    *) die "Story.newsprism on the command line did not open it: $result" ;;
esac
[ "$selftest_status" -eq 0 ] || die "the self-test failed"
say "package-test: passed"
