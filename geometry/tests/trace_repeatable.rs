//! The same picture traces to the same shapes every time, in both modes:
//! a maker who traces a drawing twice, or a test that compares runs, must
//! not get two different laser files. Generated phone photos of the pen
//! drawings (`trace_support::photo`, `trace_support::sketch`), each traced
//! three times in this process (each run's hash maps are seeded afresh).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A failed unwrap is a failed test.

mod trace_support;

use geometry::trace::{TraceOptions, decode_image, trace_image, trace_lines};
use trace_support::photo::{CONDITIONS, line_coverage, pen_drawing, photograph};
use trace_support::sketch::sketch_drawing;

const W: u32 = 800;
const H: u32 = 600;

#[test]
fn a_photo_traces_the_same_every_time() {
    let drawings = [("part", pen_drawing(W, H)), ("sketch", sketch_drawing(7))];
    for (name, truth) in &drawings {
        for k in [0, CONDITIONS.len() - 1] {
            let (coverage, _) = line_coverage(truth, W, H, 2.0);
            let jpeg = photograph(&coverage, W, H, &CONDITIONS[k], 90 + k as u64);
            let image = decode_image(&jpeg).unwrap();
            let opts = TraceOptions::default();
            let lines = |_| format!("{:?}", trace_lines(&image, &opts).unwrap().shapes);
            let filled = |_| format!("{:?}", trace_image(&image, &opts, &|_| true).unwrap());
            for (mode, runs) in [
                ("lines", (0..3).map(lines).collect::<Vec<_>>()),
                ("filled", (0..3).map(filled).collect::<Vec<_>>()),
            ] {
                assert!(
                    runs.iter().all(|r| *r == runs[0]),
                    "{name}, {}, {mode}: the runs differ",
                    CONDITIONS[k].name
                );
            }
        }
    }
}
