//! End to end: every bad input gives one clear line on stderr, exit status
//! 1, no panic or backtrace, and no output file.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use support::{fixture, run};

#[track_caller]
fn assert_refused(args: &[&str], output: &std::path::Path, expect: &str) {
    let result = run(args);
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert_eq!(result.status.code(), Some(1), "{args:?}: {stderr}");
    assert_eq!(
        stderr.lines().count(),
        1,
        "{args:?}: not one line: {stderr}"
    );
    assert!(stderr.starts_with("fabrique: "), "{stderr}");
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
    assert!(
        stderr.contains(expect),
        "{args:?}: {stderr:?} does not say {expect:?}"
    );
    assert!(!output.exists(), "{args:?}: left {}", output.display());
    let leftovers: Vec<_> = std::fs::read_dir(output.parent().expect("dir"))
        .expect("dir")
        .collect();
    assert!(
        leftovers.is_empty(),
        "{args:?}: temporary files left: {leftovers:?}"
    );
}

#[test]
fn hostile_and_broken_svg_files_are_refused_cleanly() {
    let cases = [
        ("empty.svg", "empty"),
        ("random_bytes.svg", "not text"),
        ("malformed.svg", "malformed XML"),
        ("entity_billion_laughs.svg", "entities"),
        ("entity_quadratic.svg", "entities"),
        ("entity_loop.svg", "entities"),
        ("xxe_file.svg", "external entity"),
        ("zero_viewbox.svg", "viewBox"),
        ("zero_size.svg", "zero"),
        ("nested_groups_5000.svg", "nest"),
        ("svgz_compressed.svg", "compressed"),
        ("not_svg_root.svg", "not <svg>"),
        ("nothing_visible.svg", "nothing visible"),
        ("stroke_only.svg", "no filled shape"),
    ];
    for (name, expect) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("out.stl");
        let input = fixture(name);
        let args = [
            "extrude",
            input.to_str().expect("utf-8"),
            "-o",
            output.to_str().expect("utf-8"),
            "--height",
            "3",
        ];
        assert_refused(&args, &output, expect);
    }
}

#[test]
fn nonsense_arguments_are_refused_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ring = fixture("ring.svg");
    let ring = ring.to_str().expect("utf-8");
    let stl = dir.path().join("out.stl");
    let stl_s = stl.to_str().expect("utf-8");
    for height in ["nan", "-3", "0", "inf", "1e9"] {
        assert_refused(
            &["extrude", ring, "-o", stl_s, "--height", height],
            &stl,
            "not a usable length",
        );
    }
    assert_refused(&["extrude", ring, "-o", stl_s], &stl, "--height 3");
    let pdf = dir.path().join("out.pdf");
    assert_refused(
        &["laser", ring, "-o", pdf.to_str().expect("utf-8")],
        &pdf,
        ".svg or .dxf",
    );
    assert_refused(
        &[
            "extrude",
            ring,
            "-o",
            dir.path().join("x.svg").to_str().expect("utf-8"),
            "--height",
            "3",
        ],
        &dir.path().join("x.svg"),
        ".stl or .3mf",
    );
    let svg = dir.path().join("out.svg");
    assert_refused(
        &[
            "laser",
            "/no/such/file.svg",
            "-o",
            svg.to_str().expect("utf-8"),
        ],
        &svg,
        // In the system's language: "cannot read" or "impossible de lire".
        "/no/such/file.svg",
    );
    assert_refused(
        &[
            "laser",
            ring,
            "-o",
            svg.to_str().expect("utf-8"),
            "--machine",
            "nope",
        ],
        &svg,
        "unknown machine",
    );
}

#[test]
fn pictures_and_projects_are_recognised_by_content() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = tempfile::tempdir().expect("temp dir");
    let stl = out_dir.path().join("out.stl");
    let stl_s = stl.to_str().expect("utf-8");
    // A PNG named .svg is still a picture.
    let png = dir.path().join("photo.svg");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    assert_refused(
        &[
            "extrude",
            png.to_str().expect("utf-8"),
            "-o",
            stl_s,
            "--height",
            "3",
        ],
        &stl,
        "fabrique trace",
    );
    // A damaged project and one from a newer Fabrique.
    let broken = dir.path().join("broken.fabrique");
    std::fs::write(&broken, b"{\"format_version\": 1, \"shapes\": [").expect("write");
    assert_refused(
        &["extrude", broken.to_str().expect("utf-8"), "-o", stl_s],
        &stl,
        "damaged",
    );
    let newer = dir.path().join("newer.fabrique");
    std::fs::write(&newer, b"{\"format_version\": 999, \"shapes\": []}").expect("write");
    assert_refused(
        &["extrude", newer.to_str().expect("utf-8"), "-o", stl_s],
        &stl,
        "newer Fabrique",
    );
}

#[test]
fn a_good_project_keeps_its_own_heights() {
    use geometry::{Document, Extrusion, Shape, ShapeKind};
    let dir = tempfile::tempdir().expect("temp dir");
    let mut doc = Document::new();
    let mut plate = Shape::new(ShapeKind::Rectangle {
        width: 40.0,
        height: 20.0,
    });
    plate.extrusion = Extrusion {
        height: 2.0,
        base: 0.0,
        hole: false,
    };
    doc.add(plate);
    let mut letter = Shape::new(ShapeKind::Rectangle {
        width: 10.0,
        height: 10.0,
    });
    letter.extrusion = Extrusion {
        height: 1.0,
        base: 2.0,
        hole: false,
    };
    doc.add(letter);
    let project = dir.path().join("p.fabrique");
    std::fs::write(&project, serde_json::to_vec(&doc).expect("json")).expect("write");
    let stl = dir.path().join("p.stl");
    let result = run(&[
        "extrude",
        project.to_str().expect("utf-8"),
        "-o",
        stl.to_str().expect("utf-8"),
    ]);
    assert!(
        result.status.success(),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    let mesh = support::read_stl(&stl);
    assert!(mesh.defects().is_clean());
    assert!(
        (mesh.signed_volume() - (800.0 * 2.0 + 100.0)).abs() < 0.01,
        "{}",
        mesh.signed_volume()
    );
}

#[test]
fn usage_mistakes_are_one_line_and_status_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.stl");
    let ring = fixture("ring.svg");
    let ring = ring.to_str().expect("utf-8");
    assert_refused(
        &[
            "extrude",
            ring,
            "-o",
            out.to_str().expect("utf-8"),
            "--height",
            "3",
            "--frob",
        ],
        &out,
        "--frob",
    );
    assert_refused(
        &["extrude", "-o", out.to_str().expect("utf-8")],
        &out,
        "required",
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_a_folder_and_a_huge_file_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let fifo = input.join("pipe.svg");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = input.join("huge.svg");
    // 3 GB that take no room: only the size is looked at.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    let folder = input.join("folder.svg");
    std::fs::create_dir(&folder).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let output = out_dir.join("cut.svg");
    let out = output.to_str().unwrap();
    for (file, name) in [
        (&fifo, "pipe.svg"),
        (&huge, "huge.svg"),
        (&folder, "folder.svg"),
    ] {
        let file = file.to_str().unwrap();
        // Nobody writes into the FIFO: reading it would wait forever.
        // The message speaks the system's language.
        let french = support::fabrique()
            .env("LANG", "fr_FR.UTF-8")
            .args(["laser", file, "-o", out])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&french.stderr);
        assert!(
            said.contains("n'est pas un fichier ordinaire") || said.contains("fait"),
            "{said}"
        );
        assert_refused(&["laser", file, "-o", out], &output, name);
        assert_refused(&["check", file], &output, name);
        assert_refused(&["trace", file, "-o", out], &output, name);
    }
}

#[test]
fn absurd_coordinates_and_control_characters_give_one_line() {
    use geometry::{Document, Shape, ShapeKind};
    let dir = tempfile::tempdir().expect("temp dir");
    let out_dir = tempfile::tempdir().expect("temp dir");
    let square = || {
        Shape::new(ShapeKind::Rectangle {
            width: 10.0,
            height: 10.0,
        })
    };
    let project = |name: &str, doc: &Document| {
        let path = dir.path().join(name);
        std::fs::write(&path, serde_json::to_vec(doc).expect("json")).expect("write");
        path
    };
    let mut far = Document::new();
    far.add(square().translated(1e308, 0.0));
    let far = project("far.fabrique", &far);
    let svg = dir.path().join("far.svg");
    std::fs::write(
        &svg,
        br#"<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="100mm" viewBox="0 0 100 100"><path d="M0 0 L1e30 0 L0 10 Z"/></svg>"#,
    )
    .expect("write");
    for input in [&far, &svg] {
        let input = input.to_str().expect("utf-8");
        let output = out_dir.path().join("out.svg");
        let o = output.to_str().expect("utf-8");
        assert_refused(&["laser", input, "-o", o], &output, "origin");
        let output = out_dir.path().join("out.stl");
        let o = output.to_str().expect("utf-8");
        assert_refused(
            &["extrude", input, "-o", o, "--height", "3"],
            &output,
            "origin",
        );
        let none = out_dir.path().join("none");
        assert_refused(&["check", input], &none, "origin");
    }
    // A bad value holding a tab and newlines is quoted on one line.
    let mut doc = Document::new();
    doc.add(square());
    let text = serde_json::to_string(&doc).expect("json").replacen(
        "rectangle",
        "rect\\tan\\ngle\\r\\n",
        1,
    );
    let bad = dir.path().join("bad.fabrique");
    std::fs::write(&bad, text).expect("write");
    let output = out_dir.path().join("out.stl");
    let o = output.to_str().expect("utf-8");
    assert_refused(
        &["extrude", bad.to_str().expect("utf-8"), "-o", o],
        &output,
        "damaged",
    );
}
