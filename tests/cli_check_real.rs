//! End to end: `fabrique check` on drawings shaped like real laser files —
//! a living hinge of 312 slits in a plate whose outline is drawn in many
//! pieces (as box generators draw it) — gives a short report: the outline
//! is closed, the slits are one line naming their part, the drawing's
//! contents close the report; `--json` keeps every finding; a reader that
//! stops reading (`| head`) ends the command quietly.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::io::Read as _;
use std::process::Stdio;

/// A 120 × 40 mm plate, its outline in 16 pieces, 312 slits across its
/// middle, and a 5 mm hole; Boxes.py's marks so black is cut.
fn hinge_svg() -> String {
    let mut body = String::new();
    let corners = [[0.0, 0.0], [120.0, 0.0], [120.0, 40.0], [0.0, 40.0]];
    for side in 0..4 {
        let (a, b): ([f64; 2], [f64; 2]) = (corners[side], corners[(side + 1) % 4]);
        for k in 0..4 {
            let t0 = f64::from(k) / 4.0;
            let t1 = f64::from(k + 1) / 4.0;
            let p = |t: f64| {
                [
                    a[0] + (b[0] - a[0]) * t + 5.0,
                    a[1] + (b[1] - a[1]) * t + 5.0,
                ]
            };
            let (p0, p1) = (p(t0), p(t1));
            body.push_str(&format!(
                "<path d=\"M {} {} L {} {}\" stroke=\"rgb(0,0,0)\"/>\n",
                p0[0], p0[1], p1[0], p1[1]
            ));
        }
    }
    for i in 0..312 {
        let x = 20.0 + f64::from(i) * 0.29;
        let (y0, y1) = if i % 2 == 0 {
            (8.0, 28.0)
        } else {
            (22.0, 42.0)
        };
        body.push_str(&format!(
            "<path d=\"M {x:.2} {y0} V {y1}\" stroke=\"rgb(0,0,0)\"/>\n"
        ));
    }
    body.push_str("<circle cx=\"12\" cy=\"25\" r=\"2.5\" stroke=\"rgb(0,0,255)\"/>\n");
    format!(
        "<?xml version='1.0'?>\n<!-- Created with Boxes.py (https://festi.info/boxes.py) -->\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"130mm\" height=\"50mm\" \
         viewBox=\"0 0 130 50\"><g style=\"fill:none\">\n{body}</g></svg>\n"
    )
}

fn write_hinge() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hinge.svg");
    std::fs::write(&path, hinge_svg()).expect("write");
    let path = path.to_str().expect("utf-8").to_owned();
    (dir, path)
}

#[test]
fn a_hinge_and_a_many_piece_outline_give_a_short_check() {
    let (_dir, path) = write_hinge();
    let out = support::run(&["check", &path, "--lang", "en"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "only warnings: {stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines.len() <= 40, "{} lines:\n{stdout}", lines.len());
    assert!(
        stdout.contains("312 slits in part 1: a living hinge?"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("not closed"),
        "the outline chains: {stdout}"
    );
    assert!(
        stdout.contains("In the drawing: one part to cut out, one hole, 312 open cut lines."),
        "{stdout}"
    );
    let json = support::run(&["check", &path, "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let findings = value["findings"].as_array().expect("findings");
    let slits = findings
        .iter()
        .filter(|f| f["check"] == "open_cut_path")
        .count();
    assert_eq!(slits, 312, "--json keeps every finding");
    assert_eq!(value["summary"]["parts"], 1);
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let (_dir, path) = write_hinge();
    let mut child = support::fabrique()
        .args(["check", &path, "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("fabrique runs");
    // Read one byte, then hang up, as `| head -c 1` does.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let output = child.wait_with_output().expect("fabrique ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("internal error"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}
