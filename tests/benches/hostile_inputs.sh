#!/bin/sh
# Hostile inputs, measured: every command must finish in seconds and well
# under 1 GB, or refuse at once with one line naming the limit. Prints, per
# command, its exit status, wall time, CPU time and maximum resident memory
# (GNU time), and the first line of what it said on stderr.
#
#   tests/benches/hostile_inputs.sh            # needs python3 and /usr/bin/time
#
# The inputs, written by the Python below (seeded, the same on every run):
# - walk_1m.svg: one filled, self-crossing path of 1,000,000 segments
#   (a random walk, ~6 MB), five times geometry::limits::MAX_SEGMENTS:
#   must be refused;
# - walk_limit.svg: the same walk cut to 199,999 segments (and its closing
#   `z`), just under the limit: the largest accepted, must stay bounded;
# - stacked.svg: 1,000 identical circles on top of each other;
# - far.fabrique: a square translated by 1e308 mm: refused;
# - control.fabrique: a shape kind holding a tab and newlines: refused on
#   one line.
#
# Honours CARGO_TARGET_DIR and TIMEOUT_S (each command is stopped after
# it, 120 s by default: exit 124); SKIP_BUILD=1 uses the binary as it is.
set -eu
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}
bin="$target/release/fabrique"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

for tool in python3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y python3 time)" >&2; exit 1; }
done
[ "${SKIP_BUILD:-0}" = 1 ] || cargo build --release --locked -q

python3 - "$work" <<'PY'
import random, sys
work = sys.argv[1]
random.seed(12)
# 0.1 mm user units on a 400 x 300 mm page; steps of up to 1 mm, relative
# and in whole units so the file stays small; the walk bounces off the
# page's edges, so it crosses itself everywhere.
def walk(n):
    x, y, steps = 2000, 1500, []
    for _ in range(n):
        dx, dy = random.randint(-10, 10), random.randint(-10, 10)
        if not 100 <= x + dx <= 3900: dx = -dx
        if not 100 <= y + dy <= 2900: dy = -dy
        x, y = x + dx, y + dy
        steps.append(f"{dx} {dy}")
    return steps
def svg(name, steps):
    with open(f"{work}/{name}", "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="400mm" height="300mm" '
                'viewBox="0 0 4000 3000"><path fill="#ff0000" stroke="none" d="M2000 1500l')
        f.write(" ".join(steps))
        f.write('z"/></svg>\n')
steps = walk(1_000_000)
svg("walk_1m.svg", steps)
# The limit counts line segments, not the closing `z`: 199,999 is under it.
svg("walk_limit.svg", steps[:199_999])
with open(f"{work}/stacked.svg", "w") as f:
    f.write('<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="100mm" viewBox="0 0 100 100">')
    f.write('<circle cx="50" cy="50" r="20" fill="#ff0000"/>' * 1000)
    f.write('</svg>\n')
def project(name, kind, dx):
    with open(f"{work}/{name}", "w") as f:
        f.write('{"format_version": 1, "shapes": [{"id": 1, "kind": ' + kind + ', '
                '"width": 10.0, "height": 10.0, "transform": [1.0, 0.0, 0.0, 1.0, ' + dx + ', 0.0], '
                '"fill": {"filled": "non_zero"}, "role": "cut", '
                '"extrusion": {"height": 3.0, "base": 0.0, "hole": false}}]}\n')
project("far.fabrique", '"rectangle"', "1e308")
project("control.fabrique", '"rect\\tan\\ngle\\r\\n"', "0.0")
PY

ls -l "$work"/*.svg | awk '{printf "%-16s %9d bytes\n", $NF, $5}' | sed "s|$work/||"
echo
printf '%-30s %4s %8s %8s %9s  %s\n' command exit wall_s cpu_s max_rss said
measure() {
    label=$1
    shift
    # GNU time writes "Command exited with non-zero status" first: the
    # figures are its last line. A run past the timeout exits 124.
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" timeout "${TIMEOUT_S:-120}" "$@" \
        >/dev/null 2>"$work/stderr" && code=0 || code=$?
    tail -n 1 "$work/time" > "$work/figures"
    read -r wall user sys rss < "$work/figures"
    said=$(head -n 1 "$work/stderr" | cut -c 1-110)
    lines=$(wc -l < "$work/stderr")
    cpu=$(awk "BEGIN { print $user + $sys }")
    printf '%-30s %4s %8s %8s %6d MB  [%s line(s)] %s\n' "$label" "$code" "$wall" "$cpu" $((rss / 1024)) "$lines" "$said"
}
for input in walk_1m.svg walk_limit.svg stacked.svg far.fabrique control.fabrique; do
    measure "laser $input" "$bin" laser "$work/$input" -o "$work/out.svg" --lang en
    measure "extrude $input" "$bin" extrude "$work/$input" -o "$work/out.stl" --height 3 --lang en
    measure "check $input" "$bin" check "$work/$input" --lang en
    rm -f "$work/out.svg" "$work/out.stl"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
