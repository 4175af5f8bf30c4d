//! End to end: the real `fabrique` binary turns each good SVG fixture into
//! STL, 3MF, laser SVG and DXF; every file is read back and checked for
//! what a lab needs: closed outward meshes of the right volume and size, mm
//! units, hairline cut paths in the lab's colours.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::type_complexity)]

mod support;

use std::path::Path;

use support::{fixture, read_3mf, read_stl, run};

/// (fixture, filled area mm², bounds [x0, y0, x1, y1] mm, parts)
const GOOD: [(&str, f64, [f64; 4], usize); 12] = [
    ("keychain.svg", 957.991, [0.0, 0.0, 50.0, 20.0], 1),
    (
        "ring.svg",
        300.0 * std::f64::consts::PI,
        [5.0, 5.0, 45.0, 45.0],
        1,
    ),
    ("two_squares.svg", 1575.0, [5.0, 10.0, 50.0, 55.0], 1),
    (
        "star_touching.svg",
        940.456,
        [13.82, 10.98, 86.18, 49.02],
        2,
    ),
    ("inkscape_like.svg", 6000.0, [10.0, 10.0, 110.0, 70.0], 1),
    ("unit_mm.svg", 2500.0, [10.0, 20.0, 60.0, 70.0], 1),
    ("unit_cm.svg", 2500.0, [10.0, 20.0, 60.0, 70.0], 1),
    ("unit_in.svg", 2500.0, [10.0, 20.0, 60.0, 70.0], 1),
    ("unit_pt.svg", 2500.0, [10.0, 20.0, 60.0, 70.0], 1),
    ("unit_pc.svg", 2500.0, [10.0, 20.0, 60.0, 70.0], 1),
    ("unit_px.svg", 2500.0, [10.0, 20.0, 60.0, 70.0], 1),
    ("unit_unitless.svg", 2500.0, [10.0, 20.0, 60.0, 70.0], 1),
];

const HEIGHT: f64 = 3.0;

#[track_caller]
fn check_meshes(name: &str, meshes: &[geometry::Mesh], area: f64, bounds: [f64; 4]) {
    assert!(!meshes.is_empty(), "{name}: no mesh");
    let mut volume = 0.0;
    let (mut lo, mut hi) = ([f64::MAX; 3], [f64::MIN; 3]);
    for mesh in meshes {
        let defects = mesh.defects();
        assert!(defects.is_clean(), "{name}: {defects:?}");
        let v = mesh.signed_volume();
        assert!(v > 0.0, "{name}: inside out");
        volume += v;
        let (a, b) = mesh.bounds().expect("vertices");
        for k in 0..3 {
            lo[k] = lo[k].min(a[k]);
            hi[k] = hi[k].max(b[k]);
        }
    }
    let want = area * HEIGHT;
    assert!(
        (volume - want).abs() <= 1e-3 * want,
        "{name}: volume {volume} != {want}"
    );
    // 0.02 mm: the fixtures' bounds are given to 0.01 mm; STL is f32.
    for (got, expected) in [lo[0], lo[1], hi[0], hi[1]].into_iter().zip(bounds) {
        assert!(
            (got - expected).abs() < 0.02,
            "{name}: bounds {lo:?} {hi:?} != {bounds:?}"
        );
    }
    assert!(
        lo[2].abs() < 1e-6 && (hi[2] - HEIGHT).abs() < 1e-5,
        "{name}: z from {} to {}",
        lo[2],
        hi[2]
    );
}

fn out(dir: &Path, name: &str, ext: &str) -> String {
    dir.join(format!("{}.{ext}", name.trim_end_matches(".svg")))
        .to_string_lossy()
        .into_owned()
}

#[test]
fn every_good_fixture_extrudes_to_closed_stl_and_3mf_of_the_right_volume_and_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, area, bounds, parts) in GOOD {
        let input = fixture(name);
        for ext in ["stl", "3mf"] {
            let output = out(dir.path(), name, ext);
            let result = run(&[
                "extrude",
                input.to_str().expect("utf-8 path"),
                "-o",
                &output,
                "--height",
                "3",
            ]);
            assert!(
                result.status.success(),
                "{name} → {ext}: {}",
                String::from_utf8_lossy(&result.stderr)
            );
            if ext == "stl" {
                let mesh = read_stl(Path::new(&output));
                check_meshes(name, &[mesh], area, bounds);
            } else {
                let (meshes, unit) = read_3mf(Path::new(&output));
                assert_eq!(unit, "millimeter", "{name}");
                assert_eq!(meshes.len(), parts, "{name}: one 3MF object per part");
                check_meshes(name, &meshes, area, bounds);
            }
        }
    }
}

/// Root size and viewBox of a laser SVG, and its paths' (d, stroke, width, fill).
fn read_laser_svg(
    path: &Path,
) -> (
    (String, String, String),
    Vec<(String, String, String, String)>,
) {
    let text = std::fs::read_to_string(path).expect("SVG is text");
    let doc = usvg::roxmltree::Document::parse(&text).expect("SVG is XML");
    let root = doc.root_element();
    let attr = |n: usvg::roxmltree::Node, a: &str| n.attribute(a).unwrap_or("").to_owned();
    let size = (
        attr(root, "width"),
        attr(root, "height"),
        attr(root, "viewBox"),
    );
    assert!(
        !text.contains("<text") && !text.contains("<image"),
        "no text, no raster"
    );
    let paths = root
        .descendants()
        .filter(|n| n.has_tag_name("path"))
        .map(|n| {
            (
                attr(n, "d"),
                attr(n, "stroke"),
                attr(n, "stroke-width"),
                attr(n, "fill"),
            )
        })
        .collect();
    (size, paths)
}

#[test]
fn laser_svg_is_in_millimetres_with_hairline_cut_paths() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, _, bounds, _) in GOOD {
        let output = out(dir.path(), name, "svg");
        // --fit: the page is the drawing's bounds (by default the input's page is kept).
        let result = run(&[
            "laser",
            fixture(name).to_str().expect("utf-8"),
            "-o",
            &output,
            "--fit",
        ]);
        assert!(
            result.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&result.stderr)
        );
        let ((width, height, view_box), paths) = read_laser_svg(Path::new(&output));
        let mm = |s: &str| {
            s.strip_suffix("mm")
                .and_then(|v| v.parse::<f64>().ok())
                .expect("size in mm")
        };
        let (w, h) = (mm(&width), mm(&height));
        assert!(
            (w - (bounds[2] - bounds[0])).abs() < 0.02
                && (h - (bounds[3] - bounds[1])).abs() < 0.02,
            "{name}: {w} × {h}"
        );
        let vb: Vec<f64> = view_box
            .split_whitespace()
            .map(|v| v.parse().expect("number"))
            .collect();
        assert_eq!(vb.len(), 4);
        assert!(
            (vb[2] - w).abs() < 1e-9 && (vb[3] - h).abs() < 1e-9,
            "{name}: 1 unit = 1 mm"
        );
        assert!(!paths.is_empty(), "{name}: no path");
        for (d, stroke, width, fill) in paths {
            if stroke.is_empty() || stroke == "none" {
                continue; // engraving: filled, no stroke
            }
            assert!(
                stroke == "#FF0000" || stroke == "#0000FF",
                "{name}: stroke {stroke}"
            );
            let width: f64 = width.parse().expect("stroke width");
            assert!(
                (0.01..=0.025).contains(&width),
                "{name}: not a hairline ({width})"
            );
            assert_eq!(fill, "none", "{name}");
            if stroke == "#FF0000" && !name.starts_with("inkscape") {
                assert!(d.trim_end().ends_with('Z'), "{name}: open cut path {d}");
            }
        }
    }
}

#[test]
fn two_overlapping_squares_are_cut_along_their_outlines_without_double_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = out(dir.path(), "two_squares", "svg");
    assert!(
        run(&[
            "laser",
            fixture("two_squares.svg").to_str().expect("utf-8"),
            "-o",
            &output,
            // Black fills are engraved in the lab code: cut them here.
            "--colors",
            "#000000=cut"
        ])
        .status
        .success()
    );
    let (_, paths) = read_laser_svg(Path::new(&output));
    // Collect every segment; none may appear twice in either direction.
    let mut segments = Vec::new();
    for (d, ..) in &paths {
        let numbers: Vec<f64> = d
            .split(|c: char| c.is_ascii_alphabetic() || c.is_whitespace() || c == ',')
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().expect("number"))
            .collect();
        let points: Vec<[i64; 2]> = numbers
            .chunks(2)
            .map(|p| [(p[0] * 1000.0) as i64, (p[1] * 1000.0) as i64])
            .collect();
        for i in 0..points.len() {
            let (a, b) = (points[i], points[(i + 1) % points.len()]);
            segments.push(if a < b { (a, b) } else { (b, a) });
        }
    }
    let before = segments.len();
    segments.sort();
    segments.dedup();
    assert_eq!(before, segments.len(), "a cut segment is written twice");
}

#[test]
fn dxf_has_closed_polylines_in_millimetres() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = out(dir.path(), "keychain", "dxf");
    assert!(
        run(&[
            "laser",
            fixture("keychain.svg").to_str().expect("utf-8"),
            "-o",
            &output
        ])
        .status
        .success()
    );
    let text = std::fs::read_to_string(&output).expect("DXF is text");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let pairs: Vec<(&str, &str)> = lines
        .chunks(2)
        .filter(|p| p.len() == 2)
        .map(|p| (p[0], p[1]))
        .collect();
    let polylines = pairs.iter().filter(|p| *p == &("0", "POLYLINE")).count();
    assert_eq!(polylines, 2, "the plate and its hole");
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for w in pairs.windows(2) {
        if w[0].0 == "10" && w[1].0 == "20" {
            xs.push(w[0].1.parse::<f64>().expect("x"));
            ys.push(w[1].1.parse::<f64>().expect("y"));
        }
    }
    let span = |v: &[f64]| {
        v.iter().cloned().fold(f64::MIN, f64::max) - v.iter().cloned().fold(f64::MAX, f64::min)
    };
    assert!(
        (span(&xs) - 50.0).abs() < 0.01 && (span(&ys) - 20.0).abs() < 0.01,
        "{} × {}",
        span(&xs),
        span(&ys)
    );
    assert!(pairs.iter().any(|p| p == &("70", "1")), "closed flag");
}

#[test]
fn a_labs_own_machine_works_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let lab = dir.path().join("data/machines");
    std::fs::create_dir_all(&lab).unwrap();
    std::fs::write(
        lab.join("atelier-laser.json"),
        r##"{"kind": "laser", "id": "atelier-laser", "name": "Atelier laser",
            "bed_mm": [400.0, 300.0], "kerf_mm": 0.15, "min_feature_mm": 0.5,
            "material_thickness_mm": 3.0, "cut_color": "#00FF00", "score_color": "#0000FF",
            "engrave_color": "#000000", "stroke_width_mm": 0.01}"##,
    )
    .unwrap();
    let input = support::fixture("keychain.svg");
    let out = dir.path().join("cut.svg");
    let status = support::fabrique()
        .env("FABRIQUE_DATA_DIR", dir.path().join("data"))
        .args([
            "laser",
            input.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args(["--machine", "atelier-laser"])
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let svg = std::fs::read_to_string(&out).unwrap();
    assert!(
        svg.to_lowercase().contains("#00ff00"),
        "the lab's cut colour: {svg}"
    );
    let check = support::fabrique()
        .env("FABRIQUE_DATA_DIR", dir.path().join("data"))
        .args([
            "check",
            input.to_str().unwrap(),
            "--machine",
            "atelier-laser",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(!stderr.contains("unknown machine"), "{stderr}");
    assert_ne!(check.status.code(), Some(1), "{stderr}");
}

#[test]
fn extrude_takes_a_labs_own_printer_and_refuses_a_part_larger_than_its_volume() {
    let dir = tempfile::tempdir().unwrap();
    let lab = dir.path().join("data/machines");
    std::fs::create_dir_all(&lab).unwrap();
    // A tiny lab printer (40 mm square bed) and a roomy one.
    for (id, side) in [("mini-atelier", 40.0), ("grande-atelier", 400.0)] {
        std::fs::write(
            lab.join(format!("{id}.json")),
            format!(
                r#"{{"kind": "printer", "id": "{id}", "name": "{id}",
                    "bed_mm": [{side}, {side}, 100.0], "nozzle_mm": 0.4}}"#
            ),
        )
        .unwrap();
    }
    let input = support::fixture("keychain.svg");
    let run = |machine: &str, out: &std::path::Path| {
        support::fabrique()
            .env("FABRIQUE_DATA_DIR", dir.path().join("data"))
            .args(["extrude", input.to_str().unwrap(), "-o"])
            .arg(out)
            .args(["--height", "3", "--machine", machine])
            .output()
            .unwrap()
    };
    let fits = dir.path().join("fits.stl");
    let roomy = run("grande-atelier", &fits);
    assert!(
        roomy.status.success(),
        "{}",
        String::from_utf8_lossy(&roomy.stderr)
    );
    assert!(fits.exists());
    let too_big = dir.path().join("too-big.stl");
    let small = run("mini-atelier", &too_big);
    let stderr = String::from_utf8_lossy(&small.stderr);
    assert_eq!(small.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("does not fit"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "one line: {stderr}");
    assert!(!too_big.exists(), "nothing written");
    // A laser is not a printer.
    let laser = run("epilog-zing-24", &too_big);
    assert!(
        String::from_utf8_lossy(&laser.stderr).contains("unknown machine"),
        "{}",
        String::from_utf8_lossy(&laser.stderr)
    );
}

/// Without `$FABRIQUE_DATA_DIR`, a lab's machine files are read where the
/// app keeps its data on Linux, `$XDG_DATA_HOME/fabrique/machines/`, by
/// `laser`, `extrude` and `check` alike.
#[cfg(target_os = "linux")]
#[test]
fn a_labs_machines_in_the_xdg_data_folder_serve_laser_extrude_and_check() {
    let dir = tempfile::tempdir().unwrap();
    let lab = dir.path().join("xdg-data/fabrique/machines");
    std::fs::create_dir_all(&lab).unwrap();
    std::fs::write(
        lab.join("atelier-laser.json"),
        r##"{"kind": "laser", "id": "atelier-laser", "name": "Atelier laser",
            "bed_mm": [400.0, 300.0], "kerf_mm": 0.15, "min_feature_mm": 0.5,
            "material_thickness_mm": 3.0, "cut_color": "#00FF00", "score_color": "#0000FF",
            "engrave_color": "#000000", "stroke_width_mm": 0.01}"##,
    )
    .unwrap();
    std::fs::write(
        lab.join("atelier-printer.json"),
        r#"{"kind": "printer", "id": "atelier-printer", "name": "Atelier printer",
            "bed_mm": [40.0, 40.0, 100.0], "nozzle_mm": 0.4}"#,
    )
    .unwrap();
    let input = support::fixture("keychain.svg");
    let fabrique = || {
        let mut command = support::fabrique();
        command
            .env_remove("FABRIQUE_DATA_DIR")
            .env("HOME", dir.path())
            .env("XDG_DATA_HOME", dir.path().join("xdg-data"))
            .env("XDG_CONFIG_HOME", dir.path().join("xdg-config"));
        command
    };
    let cut = dir.path().join("cut.svg");
    let laser = fabrique()
        .args(["laser", input.to_str().unwrap(), "-o"])
        .arg(&cut)
        .args(["--machine", "atelier-laser"])
        .output()
        .unwrap();
    assert!(
        laser.status.success(),
        "{}",
        String::from_utf8_lossy(&laser.stderr)
    );
    let svg = std::fs::read_to_string(&cut).unwrap().to_lowercase();
    assert!(svg.contains("#00ff00"), "the lab's cut colour: {svg}");

    let check = fabrique()
        .args(["check", input.to_str().unwrap(), "--json"])
        .args(["--machine", "atelier-laser"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert_ne!(
        check.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(stdout.contains("atelier-laser"), "{stdout}");

    // The keychain (50 × 20 mm) does not fit the lab printer's 40 mm bed.
    let solid = dir.path().join("part.stl");
    let extrude = fabrique()
        .args(["extrude", input.to_str().unwrap(), "-o"])
        .arg(&solid)
        .args(["--height", "3", "--machine", "atelier-printer"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&extrude.stderr);
    assert_eq!(extrude.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("does not fit"), "{stderr}");
    assert!(!solid.exists());
}
