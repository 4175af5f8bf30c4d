#!/usr/bin/env bash
# Runs the real Fabrique window under Xvfb (1366×768, Mesa's software
# OpenGL, as on the labs' old laptops), in French and in English, drives it
# with xdotool and saves screenshots in target/screenshots/ (or $OUT).
#
#   cargo build -p fabrique && scripts/screenshots.sh [path/to/fabrique]
#
# Needs: xvfb xauth imagemagick xdotool libxcursor1 libxi6
#        libxkbcommon-x11-0 libegl1 libegl-mesa0 libgl1-mesa-dri
# The clicks use fixed positions of the 1366×768 layout; if the layout
# changes, look at the first screenshot and update them.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
bin=${1:-$root/target/debug/fabrique}
out=${OUT:-$root/target/screenshots}
mkdir -p "$out"
sample="$here/sample-keychain.fabrique"

shoot_session() {
    local lang=$1 locale=$2
    local data
    data=$(mktemp -d)
    # One X server per language; the inner script runs inside it.
    LANG=$locale LC_ALL=$locale FABRIQUE_DATA_DIR=$data FABRIQUE_BUILTIN_DIALOG=1 \
        xvfb-run -a -s '-screen 0 1366x768x24' bash -c '
        set -u
        bin=$1; out=$2; lang=$3; sample=$4
        "$bin" "$sample" & pid=$!
        sleep 5
        # No window manager under Xvfb: give the window the keyboard ourselves.
        wid=$(xdotool search --name "^Fabrique$" | head -1)
        xdotool windowfocus --sync "$wid" || true
        shot() { import -window root "$out/$lang-$1.png"; }
        shot 1-project
        xdotool mousemove 400 500 click 1; sleep 0.5   # empty canvas: deselect
        xdotool key ctrl+a; sleep 1
        shot 2-all-selected
        xdotool mousemove 300 500 click 1; sleep 0.3
        xdotool mousemove 45 140 click 1; sleep 0.3    # the Rectangle tool
        xdotool mousemove 250 560 mousedown 1 mousemove 300 600 mousemove 360 640 sleep 0.5
        shot 3-drawing
        xdotool mouseup 1; sleep 1
        shot 4-drawn
        xdotool key ctrl+z; sleep 0.5
        xdotool mousemove 1200 400 click 1; sleep 0.3
        xdotool key ctrl+a; sleep 0.3
        # The "3D print" switch in the top bar (position measured on the screenshots).
        xdotool mousemove "$5" 16 click 1; sleep 3
        shot 5-3d
        # Orbit: egui needs a frame between press, moves and release.
        xdotool mousemove 860 450; sleep 0.3; xdotool mousedown 1; sleep 0.3
        for x in 880 900 920 940 960; do xdotool mousemove $x 440; sleep 0.15; done
        xdotool mouseup 1; sleep 1
        shot 6-3d-orbit
        xdotool key ctrl+e; sleep 1
        shot 7-export
        kill $pid
    ' _ "$bin" "$out" "$lang" "$sample" "${3}"
    rm -rf "$data"
}

# The trace dialog on a generated picture (a disc and a word, in a bundled
# font: ImageMagick's default font is often not installed).
shoot_trace() {
    local lang=$1 locale=$2
    local data picture
    data=$(mktemp -d)
    picture="$data/dessin.png"
    convert -size 600x400 xc:white -fill black -draw "circle 160 200 160 80" \
        -font "$root/assets/fonts/Lato-Bold.ttf" -pointsize 110 -annotate +300+240 "Léa" "$picture"
    LANG=$locale LC_ALL=$locale FABRIQUE_DATA_DIR=$data FABRIQUE_BUILTIN_DIALOG=1 \
        xvfb-run -a -s '-screen 0 1366x768x24' bash -c '
        "$1" "$2" & pid=$!
        sleep 5
        import -window root "$3"
        kill $pid
    ' _ "$bin" "$picture" "$out/$lang-8-trace.png"
    rm -rf "$data"
}

# The start screen at first start, then the coach of the keychain tutorial.
shoot_tutorial() {
    local lang=$1 locale=$2
    local data
    data=$(mktemp -d)
    LANG=$locale LC_ALL=$locale FABRIQUE_DATA_DIR=$data FABRIQUE_BUILTIN_DIALOG=1 \
        xvfb-run -a -s '-screen 0 1366x768x24' bash -c '
        "$1" & pid=$!
        sleep 5
        import -window root "$2/$3-9-start.png"
        # The title of the second card (the keychain), same place in both languages.
        xdotool mousemove 591 313; sleep 0.3; xdotool click 1; sleep 2
        import -window root "$2/$3-10-coach.png"
        kill $pid
    ' _ "$bin" "$out" "$lang"
    rm -rf "$data"
}

shoot_session fr fr_FR.UTF-8 "${FR_3D_X:-650}"
shoot_session en en_GB.UTF-8 "${EN_3D_X:-476}"
shoot_trace fr fr_FR.UTF-8
shoot_trace en en_GB.UTF-8
shoot_tutorial fr fr_FR.UTF-8
shoot_tutorial en en_GB.UTF-8
ls -1 "$out"
