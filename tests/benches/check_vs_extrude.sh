#!/bin/sh
# The lab check's speed against extrusion, on the same drawing, in the same
# run: `fabrique check` (every laser check, Epilog Zing 24) and `fabrique
# extrude` on the SVG of 400 gears (51,200 straight segments), both timed
# as whole commands. The goal: check at most twice extrude.
#
#   tests/benches/check_vs_extrude.sh        # needs hyperfine, python3
#
# Honours CARGO_TARGET_DIR and RUNS. The drawing comes from
# tests/benches/gears.rs (`cargo bench --bench pipeline -- --write-svg FILE`).
set -eu
cd "$(dirname "$0")/../.."
target=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

for tool in hyperfine python3; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hyperfine python3)" >&2; exit 1; }
done

cargo build --release --locked -q
cargo bench --locked -q --bench pipeline -- --write-svg "$work/black.svg"
# The gears are filled black, which the lab's colour code engraves: the
# check would then only look at engraved areas. Filled red, the cut colour
# of every shipped laser profile, they are 400 parts to cut out, each with
# a bore, as in the issue; extrusion does not look at colours.
sed 's/fill="black"/fill="#ff0000"/' "$work/black.svg" > "$work/gears.svg"

check="$target/release/fabrique check $work/gears.svg --machine epilog-zing-24 --lang en"
extrude="$target/release/fabrique extrude $work/gears.svg -o $work/out.stl --height 3"
# `check` exits 2 when it finds a blocking problem: not a failed run.
hyperfine -N -i --warmup 2 --runs "${RUNS:-10}" --export-json "$work/times.json" "$check" "$extrude"
"$target/release/fabrique" check "$work/gears.svg" --machine epilog-zing-24 --lang en | tail -3 || true

python3 - "$work" <<'PY'
import json, sys
runs = json.load(open(f"{sys.argv[1]}/times.json"))["results"]
for name, r in zip(("fabrique check", "fabrique extrude"), runs):
    print(f"{name:17s} {r['mean'] * 1000:7.1f} ms wall (± {r['stddev'] * 1000:.1f}, "
          f"min {r['min'] * 1000:.1f}), {(r['user'] + r['system']) * 1000:7.1f} ms CPU")
ratio = runs[0]["mean"] / runs[1]["mean"]
print(f"check / extrude: {ratio:.2f} (goal: at most 2)")
print("load average:", open("/proc/loadavg").read().split()[:3])
PY
