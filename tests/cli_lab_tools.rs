//! End to end with the lab's own tools: admesh must find nothing to repair
//! in our STL files, and PrusaSlicer must slice our STL and 3MF files as
//! they are. Skips (saying why) when a tool is missing, unless
//! `FABRIQUE_REQUIRE_TOOLS` is set, as in CI.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::process::Command;

use support::{fixture, run, tool};

const FIXTURES: [&str; 6] = [
    "keychain.svg",
    "ring.svg",
    "two_squares.svg",
    "star_touching.svg",
    "text.svg",
    "inkscape_like.svg",
];

/// admesh's count for `label` (for example "Edges fixed").
fn admesh_count(report: &str, label: &str) -> u64 {
    report
        .lines()
        .find(|l| l.trim_start().starts_with(label))
        .and_then(|l| l.split(':').nth(1))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("admesh printed no {label:?}:\n{report}"))
}

#[test]
fn admesh_finds_nothing_to_repair() {
    let Some(admesh) = tool("admesh") else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    for name in FIXTURES {
        let stl = dir.path().join(name.replace(".svg", ".stl"));
        let result = run(&[
            "extrude",
            fixture(name).to_str().expect("utf-8"),
            "-o",
            stl.to_str().expect("utf-8"),
            "--height",
            "3",
        ]);
        assert!(
            result.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        let output = Command::new(&admesh)
            .arg(&stl)
            .output()
            .expect("admesh runs");
        let report = String::from_utf8_lossy(&output.stdout);
        for label in [
            "Degenerate facets",
            "Edges fixed",
            "Facets removed",
            "Facets added",
            "Facets reversed",
            "Backwards edges",
            "Normals fixed",
        ] {
            assert_eq!(
                admesh_count(&report, label),
                0,
                "{name}: admesh {label}\n{report}"
            );
        }
    }
}

#[test]
fn prusa_slicer_slices_our_stl_and_3mf() {
    let Some(slicer) = tool("prusa-slicer") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["keychain.svg", "text.svg", "star_touching.svg"] {
        for ext in ["stl", "3mf"] {
            let model = dir.path().join(name.replace(".svg", &format!(".{ext}")));
            let result = run(&[
                "extrude",
                fixture(name).to_str().expect("utf-8"),
                "-o",
                model.to_str().expect("utf-8"),
                "--height",
                "3",
            ]);
            assert!(
                result.status.success(),
                "{name}: {}",
                String::from_utf8_lossy(&result.stderr)
            );
            let gcode = dir.path().join(format!("{name}.{ext}.gcode"));
            let output = Command::new(&slicer)
                .arg("--export-gcode")
                .arg("--center")
                .arg("100,100")
                .arg("-o")
                .arg(&gcode)
                .arg(&model)
                .env("HOME", dir.path())
                .output()
                .expect("prusa-slicer runs");
            assert!(
                output.status.success() && gcode.is_file(),
                "{name}.{ext}: prusa-slicer failed:\n{}\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            let log = String::from_utf8_lossy(&output.stdout).to_lowercase()
                + &String::from_utf8_lossy(&output.stderr).to_lowercase();
            assert!(
                !log.contains("repaired") && !log.contains("errors"),
                "{name}.{ext}: slicer repaired the mesh:\n{log}"
            );
        }
    }
}
