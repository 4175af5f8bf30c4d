#!/bin/sh
# Tracing speed side by side, in the same run: Debian's `potrace` on a PBM
# against the whole `fabrique trace` on the PNG of the same 3000 × 3000
# drawing (start, read, decode, threshold, trace, laser clean-up, write
# the SVG durably), and prints our time over potrace's.
#
#   tests/benches/trace_vs_potrace.sh     # needs potrace, ImageMagick, hyperfine (or falls back to a loop)
#
# It builds the release `fabrique` binary if needed (several minutes the
# first time). LIB=1 times the geometry crate's `trace_file` example
# instead (the library calls alone, writing the Béziers as a plain SVG,
# no clean-up, no fsync). Run it on a quiet machine: a second busy job
# takes the core our second thread uses, and potrace uses one.
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
if [ "${LIB:-0}" = 1 ]; then
    cargo build --release -q -p geometry --example trace_file
    ours="$target/release/examples/trace_file $work/drawing.png $work/ours.svg"
    global="$ours --threshold 128"
else
    cargo build --release -q --bin fabrique
    ours="$target/release/fabrique trace $work/drawing.png -o $work/ours.svg"
    global="$ours --threshold 128"
fi
theirs="potrace -s -o $work/potrace.svg $work/drawing.pbm"

# potrace runs on one core; ours uses two where it pays. Ours pinned to
# one core (taskset) is the like-for-like comparison of work done.
single="$ours"
if command -v taskset >/dev/null; then
    single="taskset -c 0 $ours"
fi

if command -v hyperfine >/dev/null; then
    # Interleaved runs of each, potrace first and last, so that a change
    # in the machine's load shows as potrace's two figures differing.
    hyperfine -N --warmup 5 --runs 60 --export-json "$work/times.json" \
        "$theirs" "$ours" "$global" "$single" "$theirs"
    if command -v python3 >/dev/null; then
        python3 - "$work/times.json" <<'PY'
import json, statistics, sys
runs = json.load(open(sys.argv[1]))["results"]
def figures(r):
    t = sorted(r["times"])
    return statistics.mean(t) * 1e3, statistics.median(t) * 1e3, t[0] * 1e3
potrace = [figures(r) for r in (runs[0], runs[-1])]
base = [statistics.mean(v) for v in zip(*potrace)]
print("\n%-34s %8s %8s %8s" % ("", "mean", "median", "min"))
names = ["potrace (first)", "fabrique trace", "  --threshold 128", "  on one core", "potrace (last)"]
for name, r in zip(names, runs):
    mean, median, low = figures(r)
    print("%-34s %6.1f ms %6.1f ms %6.1f ms" % (name, mean, median, low))
print("\nours / potrace (mean of potrace's two):")
for name, r in zip(names[1:4], runs[1:4]):
    mean, median, low = figures(r)
    print("%-34s %8.2f %8.2f %8.2f" % (name, mean / base[0], median / base[1], low / base[2]))
PY
    fi
else
    for cmd in "$theirs" "$ours" "$global" "$single"; do
        start=$(date +%s%N)
        for _ in $(seq 20); do $cmd; done
        end=$(date +%s%N)
        echo "$cmd: $(( (end - start) / 20000000 )) ms per run"
    done
fi
# One more run of the library example with the stages' times.
if [ "${LIB:-0}" = 1 ]; then
    $ours --timings
fi
