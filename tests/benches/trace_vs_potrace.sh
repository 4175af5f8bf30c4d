#!/bin/sh
# Tracing speed side by side, in the same run: Debian's `potrace` on a PBM
# against Fabrique's whole pipeline on the PNG of the same 3000 × 3000
# drawing (read, decode, threshold, trace, write the SVG).
#
#   tests/benches/trace_vs_potrace.sh            # needs potrace, ImageMagick, hyperfine (or falls back to a loop)
#
# Our side is the geometry crate's `trace_file` example (the library calls
# `fabrique trace` makes, writing the Béziers as a plain SVG); USE_CLI=1
# times the release `fabrique trace` binary instead, if built.
set -eu
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

for tool in potrace convert; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install potrace imagemagick)" >&2; exit 1; }
done

# A high-contrast drawing with anti-aliased edges: discs, a ring, polygons,
# thin strokes and several lines of lettering (counters in A, B, 8, e, o).
convert -size 3000x3000 xc:white -fill black \
    -draw "circle 700,700 700,150" \
    -draw "circle 2200,800 2200,250" -fill white -draw "circle 2200,800 2200,520" -fill black \
    -draw "rectangle 300,1700 1300,2700" \
    -draw "polygon 2000,1600 2900,2000 2500,2900 1700,2600" \
    -draw "roundrectangle 1500,1500 1800,2900 60,60" \
    -stroke black -strokewidth 6 -draw "line 100,2950 2900,2800" -strokewidth 2 -draw "line 100,100 2900,300" -stroke none \
    -font DejaVu-Sans-Bold -pointsize 400 -draw "text 200,1550 'AB8 eo'" \
    -font DejaVu-Sans -pointsize 90 -draw "text 350,1900 'Fabrique trace'" -draw "text 350,2050 'un porte-clés'" \
    -pointsize 40 -draw "text 1850,1450 'Le fablab du village, 2026'" \
    -colorspace Gray -depth 8 "$work/drawing.png"
convert "$work/drawing.png" -threshold 50% "$work/drawing.pbm"
ls -l "$work/drawing.png" "$work/drawing.pbm" | awk '{print $5, $9}'

target="${CARGO_TARGET_DIR:-target}"
cargo build --release -q -p geometry --example trace_file
ours="$target/release/examples/trace_file $work/drawing.png $work/ours.svg"
if [ "${USE_CLI:-0}" = 1 ] && [ -x "$target/release/fabrique" ]; then
    # The real CLI (its laser exporter writes flattened hairline paths).
    ours="$target/release/fabrique trace $work/drawing.png -o $work/ours.svg"
fi
theirs="potrace -s -o $work/potrace.svg $work/drawing.pbm"
# One global threshold (Otsu), to see what the default paper-relative
# threshold costs (the example only).
global="$target/release/examples/trace_file $work/drawing.png $work/global.svg --threshold otsu"

# potrace runs on one core; ours uses two where it pays. Ours pinned to
# one core (taskset) is the like-for-like comparison.
single="$ours"
if command -v taskset >/dev/null; then
    single="taskset -c 0 $ours"
fi

if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs 40 "$theirs" "$ours" "$global" "$single"
else
    for cmd in "$theirs" "$ours" "$global" "$single"; do
        start=$(date +%s%N)
        for _ in $(seq 20); do $cmd; done
        end=$(date +%s%N)
        echo "$cmd: $(( (end - start) / 20000000 )) ms per run"
    done
fi
# One more run of ours with the stages' times, and both outputs' sizes.
case "$ours" in *trace_file*) $ours --timings ;; esac
