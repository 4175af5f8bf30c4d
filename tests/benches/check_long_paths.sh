#!/bin/sh
# The lab check on single cut outlines of 190,000 segments, just under the
# 200,000-segment limit: a random walk (1 mm steps) and a zigzag hatching
# (100 columns 3 mm apart, rows 0.1 mm apart), the kinds of drawing that
# once made `fabrique check` run for minutes. Both files are written by the
# Python below, the same on every run (seeded).
#
# Not here, because still too slow: the same walk *filled*, which makes
# tens of thousands of small closed loops; counting parts and holes
# compares loops pairwise (summary, holes): stopped unfinished after 89 s of CPU.
#
#   tests/benches/check_long_paths.sh        # needs hyperfine, python3
#
# Honours CARGO_TARGET_DIR and RUNS.
set -eu
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

for tool in hyperfine python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hyperfine python3)" >&2; exit 1; }
done

cargo build --release --locked -q

python3 - "$work" <<'PY'
import math, random, sys
random.seed(1)
n = 190_000
def write(name, points, filled):
    d = "M " + " L ".join(f"{x:.3f},{y:.3f}" for x, y in points) + " Z"
    paint = 'fill="#ff0000" stroke="none"' if filled else 'fill="none" stroke="#ff0000" stroke-width="0.01"'
    with open(f"{sys.argv[1]}/{name}.svg", "w") as f:
        f.write('<svg xmlns="http://www.w3.org/2000/svg" width="400mm" height="300mm" '
                f'viewBox="0 0 400 300"><path {paint} d="{d}"/></svg>\n')
walk, x, y = [], 200.0, 150.0
for _ in range(n):
    a = random.uniform(0, 2 * math.pi)
    x = min(390, max(10, x + math.cos(a)))
    y = min(290, max(10, y + math.sin(a)))
    walk.append((x, y))
write("walk_outline", walk, False)
write("zigzag", [((i % 100) * 3 + 10, (i // 100) * 0.1 + 10) for i in range(n)], False)
PY

for name in walk_outline zigzag; do
    set -- "$@" "$target/release/fabrique check $work/$name.svg --lang en"
done
# `check` exits 2 when it finds a blocking problem: not a failed run.
hyperfine -N -i --warmup 1 --runs "${RUNS:-5}" "$@"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
