#!/bin/sh
# Newsprism in the current user's desktop menu, with its icon and the
# .newsprism file type, by plain file copies (no xdg-utils needed).
#
#   install_desktop.sh install [PROGRAM]   PROGRAM defaults to the built bundle
#                                          (dist/newsprism/newsprism), else .venv/bin/newsprism;
#                                          run from inside a bundle, to that bundle's program
#   install_desktop.sh uninstall
#
# Files go under ${XDG_DATA_HOME:-~/.local/share}: applications/newsprism.desktop,
# mime/packages/newsprism.xml, icons/hicolor/<size>/{apps,mimetypes}/.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
APPS=$DATA/applications
MIME=$DATA/mime
ICONS=$DATA/icons/hicolor
ICON_SRC=$REPO/resources/icons
SIZES="16 24 32 48 64 128 256 512"
MIME_ICON=application-x-newsprism

say() { printf '%s\n' "$*"; }
die() { printf 'install_desktop: %s\n' "$*" >&2; exit 1; }

default_program() {
    # Run from a checkout, or from inside the bundle (_internal/packaging/linux).
    if [ "$(basename "$REPO")" = _internal ]; then set -- "$(cd "$REPO/.." && pwd)/newsprism"; else set -- "$REPO/dist/newsprism/newsprism" "$REPO/.venv/bin/newsprism"; fi
    for candidate in "$@"; do
        if [ -x "$candidate" ]; then printf '%s\n' "$candidate"; return; fi
    done
    die "no Newsprism program found: run 'make package' (or 'make install') first, or name it: $0 install /path/to/newsprism"
}

# Characters that would need escaping in a desktop entry's Exec key.
check_path() {
    case "$1" in
        *[\"\`\$\\%]* ) die "the program path must not contain \" \` \$ \\ or %: $1" ;;
    esac
    case "$1" in /*) ;; *) die "the program path must be absolute: $1" ;; esac
    [ -x "$1" ] || die "not an executable program: $1"
}

refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then update-mime-database "$MIME" || say "warning: update-mime-database failed"; fi
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$APPS" || say "warning: update-desktop-database failed"; fi
    touch "$ICONS" 2>/dev/null || true  # icon caches notice a changed folder
}

install_entry() {
    program=$1
    check_path "$program"
    mkdir -p "$APPS" "$MIME/packages"
    # The entry with the absolute program; TryExec hides it if the program goes away.
    PROGRAM=$program awk '
        /^Exec=/ { print "TryExec=" ENVIRON["PROGRAM"]; print "Exec=\"" ENVIRON["PROGRAM"] "\" %F"; next }
        { print }
    ' "$HERE/newsprism.desktop" > "$APPS/newsprism.desktop.tmp"
    mv "$APPS/newsprism.desktop.tmp" "$APPS/newsprism.desktop"
    cp "$HERE/newsprism.xml" "$MIME/packages/newsprism.xml"
    for size in $SIZES; do
        for kind in apps mimetypes; do mkdir -p "$ICONS/${size}x${size}/$kind"; done
        cp "$ICON_SRC/newsprism-$size.png" "$ICONS/${size}x${size}/apps/newsprism.png"
        cp "$ICON_SRC/newsprism-$size.png" "$ICONS/${size}x${size}/mimetypes/$MIME_ICON.png"
    done
    mkdir -p "$ICONS/scalable/apps" "$ICONS/scalable/mimetypes"
    cp "$ICON_SRC/newsprism.svg" "$ICONS/scalable/apps/newsprism.svg"
    cp "$ICON_SRC/newsprism.svg" "$ICONS/scalable/mimetypes/$MIME_ICON.svg"
    refresh
    say "Installed Newsprism for $(id -un): $APPS/newsprism.desktop runs $program"
}

uninstall_entry() {
    rm -f "$APPS/newsprism.desktop" "$MIME/packages/newsprism.xml"
    for size in $SIZES; do
        rm -f "$ICONS/${size}x${size}/apps/newsprism.png" "$ICONS/${size}x${size}/mimetypes/$MIME_ICON.png"
    done
    rm -f "$ICONS/scalable/apps/newsprism.svg" "$ICONS/scalable/mimetypes/$MIME_ICON.svg"
    [ -d "$MIME" ] && [ -d "$APPS" ] && refresh
    say "Removed Newsprism's menu entry, icons and file type for $(id -un)"
}

case "${1:-}" in
    install)
        program=${2:-}
        [ -n "$program" ] || program=$(default_program)
        install_entry "$program" ;;
    uninstall) uninstall_entry ;;
    *) die "usage: $0 install [PROGRAM] | uninstall" ;;
esac
