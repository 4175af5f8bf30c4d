//! End to end: whatever a stranger puts in a file name, an option or a
//! file's values (tabs, newlines, carriage returns), every command says
//! what went wrong on exactly one line of stderr. A quoted bad value is
//! escaped (`\n`, `\t`), so a script reading stderr line by line, or a
//! lab's log, never sees a message broken in two or a forged next line.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::path::Path;

/// Runs `fabrique args` and checks stderr is one line without control
/// characters (other than its final newline), containing `expect`.
#[track_caller]
fn assert_one_line(args: &[&str], expect: &str) {
    let output = support::run(args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let body = stderr.strip_suffix('\n').unwrap_or(&stderr);
    assert!(
        !body.is_empty() && !body.chars().any(char::is_control),
        "{args:?}: not one clean line: {stderr:?}"
    );
    assert!(body.starts_with("fabrique: "), "{args:?}: {stderr:?}");
    assert!(
        body.contains(expect),
        "{args:?}: {stderr:?} does not say {expect:?}"
    );
}

fn write(dir: &Path, name: &str, contents: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write");
    path.to_str().expect("utf-8").to_owned()
}

const CONTROL: &str = "a\tb\nc\rd";

#[test]
fn control_characters_in_names_options_and_files_stay_on_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let out_svg = d.join("out.svg");
    let out_svg = out_svg.to_str().expect("utf-8");
    let out_stl = d.join("out.stl");
    let out_stl = out_stl.to_str().expect("utf-8");

    // A file name that does not exist, in every command.
    let missing = d.join(format!("{CONTROL}.svg"));
    let missing = missing.to_str().expect("utf-8");
    let escaped = "a\\tb\\nc\\rd";
    assert_one_line(&["laser", missing, "-o", out_svg], escaped);
    assert_one_line(
        &["extrude", missing, "-o", out_stl, "--height", "3"],
        escaped,
    );
    assert_one_line(&["check", missing], escaped);
    assert_one_line(&["trace", missing, "-o", out_svg], escaped);

    // Usage mistakes quote what was typed.
    let ring = support::fixture("ring.svg");
    let ring = ring.to_str().expect("utf-8");
    let option = format!("--{CONTROL}");
    assert_one_line(&["laser", ring, "-o", out_svg, &option], escaped);
    assert_one_line(
        &["extrude", ring, "-o", out_stl, "--height", CONTROL],
        escaped,
    );
    assert_one_line(&["check", ring, "--lang", CONTROL], escaped);

    // Values checked by the commands themselves.
    assert_one_line(&["check", ring, "--machine", CONTROL], escaped);
    let colors = format!("#00ff00={CONTROL}");
    assert_one_line(
        &["laser", ring, "-o", out_svg, "--colors", &colors],
        escaped,
    );

    // Bad values inside the files.
    let project = write(
        d,
        "bad.fabrique",
        r#"{"format_version": 1, "shapes": [{"id": 1, "kind": "rect\tan\ngle\r\n",
            "width": 10.0, "height": 10.0, "transform": [1, 0, 0, 1, 0, 0],
            "fill": {"filled": "non_zero"}, "role": "cut",
            "extrusion": {"height": 3.0, "base": 0.0, "hole": false}}]}"#,
    );
    for args in [
        vec!["laser", &project, "-o", out_svg],
        vec!["extrude", &project, "-o", out_stl],
        vec!["check", &project],
    ] {
        assert_one_line(&args, "damaged");
    }
    // A shape 1e308 mm away: refused in one short line, not 309 digits.
    let far = write(
        d,
        "far.fabrique",
        r#"{"format_version": 1, "shapes": [{"id": 1, "kind": "rectangle",
            "width": 10.0, "height": 10.0, "transform": [1, 0, 0, 1, 1e308, 0],
            "fill": {"filled": "non_zero"}, "role": "cut",
            "extrusion": {"height": 3.0, "base": 0.0, "hole": false}}]}"#,
    );
    for args in [
        vec!["laser", &far, "-o", out_svg],
        vec!["extrude", &far, "-o", out_stl],
        vec!["check", &far],
    ] {
        assert_one_line(&args, "1e308 mm");
        let said = support::run(&args).stderr;
        assert!(said.len() < 400, "{}", String::from_utf8_lossy(&said));
    }
    let external = write(
        d,
        "external.svg",
        "<!DOCTYPE svg [<!ENTITY xxe SYSTEM \"file:///etc/pass\twd\n.svg\">]>\
         <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10mm\" height=\"10mm\">&xxe;</svg>",
    );
    assert_one_line(&["laser", &external, "-o", out_svg], "wd\\n");

    // A warning printed on the way (ignored colours), from a file whose
    // name holds a newline: still one line, and the file is written.
    let green = write(
        d,
        "green\nline.svg",
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="20mm" height="20mm"
            viewBox="0 0 20 20"><rect x="2" y="2" width="10" height="10" fill="none"
            stroke="#ff0000"/><path d="M1 18 L19 18" stroke="#00ff00" fill="none"/></svg>"##,
    );
    assert_one_line(
        &["laser", &green, "-o", out_svg, "--colors", "#00ff00=ignore"],
        "green\\nline",
    );
    assert!(
        Path::new(out_svg).exists(),
        "the warning stopped the export"
    );
}

#[test]
fn a_drawing_over_the_segment_limit_is_refused_by_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    // A self-crossing star of chords, one line segment over
    // geometry::limits::MAX_SEGMENTS (the closing `z` is not counted).
    let over = geometry::limits::MAX_SEGMENTS + 1;
    let mut path = String::from("M90 50");
    for i in 1..=over {
        let angle = i as f64 * 0.377 * std::f64::consts::TAU;
        path.push_str(&format!(
            " L{:.2} {:.2}",
            50.0 + 40.0 * angle.cos(),
            50.0 + 40.0 * angle.sin()
        ));
    }
    path.push('z');
    let svg = write(
        d,
        "over.svg",
        &format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="100mm"
                viewBox="0 0 100 100"><path fill="#ff0000" d="{path}"/></svg>"##
        ),
    );
    let out_svg = d.join("out.svg");
    let out_stl = d.join("out.stl");
    let limit = geometry::limits::MAX_SEGMENTS.to_string();
    for args in [
        vec!["laser", &svg, "-o", out_svg.to_str().expect("utf-8")],
        vec![
            "extrude",
            &svg,
            "-o",
            out_stl.to_str().expect("utf-8"),
            "--height",
            "3",
        ],
        vec!["check", &svg],
    ] {
        let output = support::run(&args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_one_line(&args, &limit);
    }
    assert!(!out_svg.exists() && !out_stl.exists());
}
