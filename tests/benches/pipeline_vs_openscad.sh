#!/bin/sh
# Extrusion speed side by side, in the same run: `fabrique extrude` against
# OpenSCAD's `linear_extrude(height=3) import("gears.svg");`, both from the
# same SVG of 400 gears (51,200 straight segments) to a binary STL, both
# timed as whole commands (start, read, extrude, write, exit).
#
#   tests/benches/pipeline_vs_openscad.sh        # needs openscad, admesh, hyperfine, python3
#
# Honours CARGO_TARGET_DIR. The drawing comes from tests/benches/gears.rs
# (`cargo bench --bench pipeline -- --write-svg FILE`); the per-stage
# times are `cargo bench --bench pipeline`.
set -eu
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

for tool in openscad admesh hyperfine python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y openscad admesh hyperfine python3)" >&2; exit 1; }
done

cargo build --release --locked -q
cargo bench --locked -q --bench pipeline -- --write-svg "$work/gears.svg"
echo 'linear_extrude(height=3) import("gears.svg");' > "$work/gears.scad"
ls -l "$work/gears.svg" | awk '{print $5 " bytes"}'

ours="$target/release/fabrique extrude $work/gears.svg -o $work/out.stl --height 3"
theirs="openscad -q -o $work/out_scad.stl $work/gears.scad"
hyperfine -N --warmup 2 --runs "${RUNS:-15}" --export-json "$work/times.json" "$ours" "$theirs"

# Apples to apples: both files closed, with the same volume.
for stl in out.stl out_scad.stl; do
    admesh "$work/$stl" > "$work/$stl.txt" 2>&1 || true
done
python3 - "$work" <<'EOF'
import json, re, sys
work = sys.argv[1]
runs = json.load(open(f"{work}/times.json"))["results"]
ours, theirs = (r["mean"] for r in runs)
cpu = [r["user"] + r["system"] for r in runs]
print()
for name, r, c in (("fabrique extrude", runs[0], cpu[0]), ("openscad", runs[1], cpu[1])):
    print(f"{name:17s} {r['mean'] * 1000:7.1f} ms wall (± {r['stddev'] * 1000:.1f}, "
          f"min {r['min'] * 1000:.1f}), {c * 1000:7.1f} ms CPU (user + sys)")
print(f"ratio: {theirs / ours:.1f}x faster (wall), {cpu[1] / cpu[0]:.1f}x (CPU)")
# On a busy machine the wall times include waiting for a core: compare with
# the load average, and prefer a quiet machine for the figures.
print("load average:", open("/proc/loadavg").read().split()[:3])
def stats(name):
    text = open(f"{work}/{name}.txt").read()
    get = lambda label: float(re.search(label + r"\s*:\s*([-0-9.e+]+)", text).group(1))
    return {k: get(k) for k in ("Number of facets", "Number of parts", "Volume",
                                "Edges fixed", "Facets removed", "Facets added",
                                "Facets reversed", "Backwards edges")}
a, b = stats("out.stl"), stats("out_scad.stl")
for name, s in (("fabrique", a), ("openscad", b)):
    print(f"{name}: {s['Number of facets']:.0f} facets, {s['Number of parts']:.0f} parts, "
          f"volume {s['Volume']:.2f} mm³, repairs: edges {s['Edges fixed']:.0f}, "
          f"removed {s['Facets removed']:.0f}, added {s['Facets added']:.0f}, "
          f"reversed {s['Facets reversed']:.0f}, backwards {s['Backwards edges']:.0f}")
diff = abs(a["Volume"] - b["Volume"]) / b["Volume"]
print(f"volume difference: {diff * 100:.3f} %")
sys.exit(0 if diff < 0.01 else 1)
EOF
