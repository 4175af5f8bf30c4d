//! Files written by the exporters, opened by the real tools of a lab:
//! admesh (STL checker), PrusaSlicer (slicer), rsvg-convert (SVG renderer)
//! and ezdxf (Python DXF library).
//!
//! Each test skips, saying why, when its tool is missing, unless the
//! environment sets `FABRIQUE_REQUIRE_TOOLS=1`: then a missing tool fails.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use exporters::{ExportOptions, Format, LaserProfile, export, save, write_3mf, write_stl};
use geometry::{Document, Fill, LaserRole, Mesh, Shape, ShapeKind};

/// The tool's path, or `None` (after saying so) when it is missing and
/// tools are not required.
fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let required = std::env::var("FABRIQUE_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "{name} is required (FABRIQUE_REQUIRE_TOOLS=1) but not on PATH"
        );
        eprintln!("skipped: {name} is not on PATH (set FABRIQUE_REQUIRE_TOOLS=1 to require it)");
    }
    found
}

fn run(command: &mut Command) -> Output {
    let output = command.output().unwrap();
    eprintln!(
        "{command:?} → {}\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// A 20 mm cube, as a hand-built mesh (12 triangles, outward).
fn cube_mesh(side: f64) -> Mesh {
    let s = side;
    let vertices = vec![
        [0.0, 0.0, 0.0],
        [s, 0.0, 0.0],
        [s, s, 0.0],
        [0.0, s, 0.0],
        [0.0, 0.0, s],
        [s, 0.0, s],
        [s, s, s],
        [0.0, s, s],
    ];
    let quads = [
        [0, 3, 2, 1],
        [4, 5, 6, 7],
        [0, 1, 5, 4],
        [1, 2, 6, 5],
        [2, 3, 7, 6],
        [3, 0, 4, 7],
    ];
    let triangles = quads
        .iter()
        .flat_map(|q| [[q[0], q[1], q[2]], [q[0], q[2], q[3]]])
        .collect();
    Mesh {
        vertices,
        triangles,
    }
}

/// A keychain: a rounded plate with a ring hole, raised text on it.
fn keychain() -> Document {
    let mut doc = Document::new();
    let mut plate = Shape::new(ShapeKind::RoundedRectangle {
        width: 60.0,
        height: 25.0,
        radius: 5.0,
    });
    plate.extrusion.height = 3.0;
    doc.add(plate);
    let mut hole = Shape::new(ShapeKind::Ellipse { rx: 3.0, ry: 3.0 }).translated(-24.0, 0.0);
    hole.extrusion.hole = true;
    hole.extrusion.height = 3.0;
    doc.add(hole);
    let mut text = Shape::new(ShapeKind::Text {
        text: "Léa".into(),
        font: String::new(),
        size: 12.0,
    })
    .translated(5.0, 0.0);
    text.extrusion.base = 3.0;
    text.extrusion.height = 2.0;
    text.role = LaserRole::Engrave;
    doc.add(text);
    doc
}

/// The admesh report's number after `label`.
fn admesh_count(report: &str, label: &str) -> Option<i64> {
    let line = report.lines().find(|l| l.trim_start().starts_with(label))?;
    line.split(':')
        .nth(1)?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[track_caller]
fn assert_admesh_clean(admesh: &Path, stl: &Path) {
    let output = run(Command::new(admesh).arg(stl));
    assert!(output.status.success());
    let report = String::from_utf8_lossy(&output.stdout);
    for label in [
        "Degenerate facets",
        "Edges fixed",
        "Facets removed",
        "Facets added",
        "Facets reversed",
        "Backwards edges",
    ] {
        assert_eq!(
            admesh_count(&report, label),
            Some(0),
            "{label} in\n{report}"
        );
    }
}

#[test]
fn admesh_finds_nothing_to_repair() {
    let Some(admesh) = tool("admesh") else { return };
    let dir = tempfile::tempdir().unwrap();
    let cube = dir.path().join("cube.stl");
    write_stl(&[cube_mesh(20.0)], std::fs::File::create(&cube).unwrap()).unwrap();
    assert_admesh_clean(&admesh, &cube);
    let keychain_path = dir.path().join("keychain.stl");
    save(&keychain_path, &keychain(), &ExportOptions::default()).unwrap();
    assert_admesh_clean(&admesh, &keychain_path);
}

#[test]
fn prusa_slicer_slices_stl_and_3mf() {
    let Some(slicer) = tool("prusa-slicer") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let stl = dir.path().join("cube.stl");
    write_stl(&[cube_mesh(20.0)], std::fs::File::create(&stl).unwrap()).unwrap();
    let threemf = dir.path().join("cube.3mf");
    write_3mf(&[cube_mesh(20.0)], std::fs::File::create(&threemf).unwrap()).unwrap();
    let saved = dir.path().join("keychain.3mf");
    save(&saved, &keychain(), &ExportOptions::default()).unwrap();
    for input in [&stl, &threemf, &saved] {
        let gcode = input.with_extension("gcode");
        let output = run(Command::new(&slicer)
            .arg("--export-gcode")
            .arg("-o")
            .arg(&gcode)
            .arg(input));
        assert!(output.status.success(), "{} did not slice", input.display());
        let text = std::fs::read_to_string(&gcode).unwrap();
        assert!(text.lines().filter(|l| l.starts_with("G1 ")).count() > 100);
    }
}

/// Width and height of a PNG, from its IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let word =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (word(16), word(20))
}

#[test]
fn rsvg_renders_the_laser_svg_at_its_size_in_mm() {
    let Some(rsvg) = tool("rsvg-convert") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("keychain.svg");
    save(&svg, &keychain(), &ExportOptions::default()).unwrap();
    let png = dir.path().join("keychain.png");
    // 254 dpi: 10 pixels per millimetre.
    let output = run(Command::new(&rsvg)
        .args(["--dpi-x", "254", "--dpi-y", "254", "-o"])
        .arg(&png)
        .arg(&svg));
    assert!(output.status.success());
    assert_eq!(png_size(&std::fs::read(&png).unwrap()), (600, 250));
}

#[test]
fn ezdxf_reads_the_dxf() {
    let Some(python) = tool("python3") else {
        return;
    };
    let probe = run(Command::new(&python).args(["-c", "import ezdxf"]));
    if !probe.status.success() {
        let required = std::env::var("FABRIQUE_REQUIRE_TOOLS").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "python3 module ezdxf is required (FABRIQUE_REQUIRE_TOOLS=1)"
        );
        eprintln!("skipped: python3 has no ezdxf (pip install ezdxf)");
        return;
    }
    let mut doc = keychain();
    let mut fold = Shape::new(ShapeKind::Rectangle {
        width: 10.0,
        height: 10.0,
    })
    .translated(100.0, 0.0);
    fold.fill = Fill::Outline;
    fold.role = LaserRole::Score;
    doc.add(fold);
    let dir = tempfile::tempdir().unwrap();
    let dxf = dir.path().join("keychain.dxf");
    save(&dxf, &doc, &ExportOptions::default()).unwrap();
    let script = r#"
import sys, ezdxf
from ezdxf import recover
doc, auditor = recover.readfile(sys.argv[1])
assert doc.dxfversion == "AC1009", doc.dxfversion
assert not auditor.has_errors, [str(e) for e in auditor.errors]
counts = {}
for e in doc.modelspace():
    assert e.dxftype() == "POLYLINE", e.dxftype()
    counts[e.dxf.layer] = counts.get(e.dxf.layer, 0) + 1
colors = {l.dxf.name: l.dxf.color for l in doc.layers}
print(counts, colors, doc.header.get("$MEASUREMENT"))
assert colors["CUT"] == 1 and colors["SCORE"] == 5 and colors["ENGRAVE"] == 7, colors
assert counts.get("CUT") == 2 and counts.get("SCORE") == 1 and counts.get("ENGRAVE", 0) >= 3, counts
assert doc.header.get("$MEASUREMENT") == 1
"#;
    let output = run(Command::new(&python).arg("-c").arg(script).arg(&dxf));
    assert!(output.status.success());
}

#[test]
fn export_to_a_stream_matches_the_saved_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.svg");
    save(&path, &keychain(), &ExportOptions::default()).unwrap();
    let mut bytes = Vec::new();
    let options = ExportOptions {
        profile: LaserProfile::generic(),
        ..ExportOptions::default()
    };
    export(&keychain(), &options, Format::LaserSvg, &mut bytes).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}
