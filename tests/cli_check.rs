//! End to end: `fabrique check` on a clean keychain says it is ready (exit
//! 0); on drawings made to have one lab problem each it lists that problem
//! in a sentence and exits 2 when it blocks (0 for warnings); `--json`
//! gives the same findings as data with each sentence as `message`; the
//! sentences are French by default (or by `--lang fr`) and English with
//! `--lang en`; bad input and unknown machines exit 1.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A failed expect is a failed test.

mod support;

use std::path::{Path, PathBuf};

use support::fixture;

/// A fixture of `tests/fixtures/check`.
fn check_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name)
}

/// Runs `fabrique check --lang en` and returns (exit status, stdout, stderr).
fn check(path: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec!["--lang", "en"];
    args.extend_from_slice(extra);
    check_raw(path, &args, &[])
}

/// Runs `fabrique check` with exactly `extra` and these environment
/// variables (the language ones cleared first).
fn check_raw(path: &Path, extra: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let path = path.to_str().expect("UTF-8 path");
    let mut args = vec!["check", path];
    args.extend_from_slice(extra);
    let mut command = support::fabrique();
    command.args(&args);
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.envs(env.iter().copied());
    let output = command.output().expect("fabrique runs");
    (
        output.status.code().expect("exit status"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The `check` tags of `--json` findings, and the `ready` flag.
fn json_checks(path: &Path, extra: &[&str]) -> (bool, Vec<String>) {
    let mut args = vec!["--json"];
    args.extend_from_slice(extra);
    let (_, stdout, _) = check(path, &args);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("--json parses");
    let checks = value["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| f["check"].as_str().expect("check tag").to_owned())
        .collect();
    (value["ready"].as_bool().expect("ready"), checks)
}

#[test]
fn the_keychain_is_ready_for_every_shipped_machine() {
    for machine in [
        "generic",
        "epilog-zing-24",
        "xtool-s1",
        "bambu-a1-mini",
        "ender-3",
    ] {
        let (code, stdout, stderr) = check(&fixture("keychain.svg"), &["--machine", machine]);
        assert_eq!(code, 0, "{machine}: {stdout}{stderr}");
        assert!(stdout.contains("is ready for"), "{stdout}");
        assert!(stdout.contains("no problem found"), "{stdout}");
    }
    let (ready, checks) = json_checks(&fixture("keychain.svg"), &[]);
    assert!(ready && checks.is_empty(), "{checks:?}");
}

/// (fixture, machine, expected `check` tag, exit status, words of the line)
const PROBLEMS: [(&str, &str, &str, i32, &str); 9] = [
    (
        "too_big.svg",
        "generic",
        "too_big",
        2,
        "larger than the machine",
    ),
    ("open_path.svg", "generic", "open_cut_path", 2, "not closed"),
    ("narrow.svg", "generic", "too_narrow", 2, "kerf"),
    (
        "small_hole.svg",
        "generic",
        "hole_too_small",
        2,
        "half the material",
    ),
    (
        "thin_wall.svg",
        "prusa-mk4",
        "wall_too_thin",
        2,
        "two nozzle widths",
    ),
    (
        "floating.fabrique",
        "",
        "floating_part",
        2,
        "above the plate",
    ),
    (
        "duplicate.svg",
        "generic",
        "duplicate_lines",
        0,
        "burn it twice",
    ),
    ("island.svg", "generic", "loose_island", 0, "fall out"),
    (
        "small_text.fabrique",
        "generic",
        "text_too_small",
        0,
        "too small to engrave",
    ),
];

#[test]
fn each_problem_is_listed_and_blocking_ones_exit_2() {
    for (name, machine, tag, status, words) in PROBLEMS {
        let path = check_fixture(name);
        let machine_args: &[&str] = if machine.is_empty() {
            &[]
        } else {
            &["--machine", machine]
        };
        let (code, stdout, stderr) = check(&path, machine_args);
        assert_eq!(code, status, "{name}: {stdout}{stderr}");
        assert!(stdout.contains(words), "{name}: {stdout}");
        let expected_label = if status == 2 { "PROBLEM:" } else { "warning:" };
        assert!(stdout.contains(expected_label), "{name}: {stdout}");
        assert!(stderr.is_empty(), "{name}: {stderr}");
        let (ready, checks) = json_checks(&path, machine_args);
        assert!(checks.iter().any(|c| c == tag), "{name}: {checks:?}");
        assert_eq!(ready, status == 0, "{name}");
    }
}

#[test]
fn json_findings_carry_where_and_the_fix() {
    let (_, stdout, _) = check(&check_fixture("too_big.svg"), &["--json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout).expect("--json parses");
    assert_eq!(value["machine"], "generic-laser");
    let finding = &value["findings"][0];
    assert_eq!(finding["severity"], "blocking");
    let width = finding["size_mm"][0].as_f64().expect("size");
    assert!((width - 1000.0).abs() < 0.01, "{width}");
    assert_eq!(finding["fix"]["fix"], "scale_to_fit");
    assert!(finding["bounds"]["max"][0].as_f64().expect("bounds") > 999.0);
}

#[test]
fn unknown_machines_and_bad_input_exit_1_with_one_line() {
    let (code, stdout, stderr) = check(&fixture("keychain.svg"), &["--machine", "laser-9000"]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("unknown machine") && stderr.contains("prusa-mk4"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for name in ["malformed.svg", "nothing_visible.svg"] {
        let (code, _, stderr) = check(&fixture(name), &[]);
        assert_eq!(code, 1, "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
    }
    let (code, _, _) = check(Path::new("/no/such/drawing.svg"), &[]);
    assert_eq!(code, 1);
    let (code, stdout, stderr) = check_raw(&fixture("keychain.svg"), &["--lang", "de"], &[]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    assert!(stderr.contains("fr, en"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn sentences_are_french_by_default_and_follow_lang_and_the_locale() {
    let too_big = check_fixture("too_big.svg");
    for (extra, env) in [
        (&[][..], &[][..]),
        (&["--lang", "fr"][..], &[("LANG", "en_GB.UTF-8")][..]),
        (&[][..], &[("LANG", "fr_FR.UTF-8")][..]),
    ] {
        let (code, stdout, _) = check_raw(&too_big, extra, env);
        assert_eq!(code, 2);
        assert!(
            stdout.contains("n'est pas prêt pour"),
            "{extra:?} {env:?}: {stdout}"
        );
        assert!(stdout.contains("PROBLÈME : Le dessin (1000 × "), "{stdout}");
        assert!(stdout.contains("plus grand que la machine"), "{stdout}");
        assert!(stdout.contains("Correction en un clic"), "{stdout}");
    }
    let (_, stdout, _) = check_raw(&too_big, &[], &[("LC_ALL", "en_US.UTF-8")]);
    assert!(stdout.contains("larger than the machine"), "{stdout}");
    let (_, stdout, _) = check_raw(&fixture("keychain.svg"), &[], &[]);
    assert!(
        stdout.contains("est prêt pour") && stdout.contains("aucun problème"),
        "{stdout}"
    );
}

#[test]
fn json_messages_follow_the_language() {
    for (lang, words) in [
        ("en", "larger than the machine"),
        ("fr", "plus grand que la machine"),
    ] {
        let (_, stdout, _) = check_raw(
            &check_fixture("too_big.svg"),
            &["--json", "--lang", lang],
            &[],
        );
        let value: serde_json::Value = serde_json::from_str(&stdout).expect("--json parses");
        let message = value["findings"][0]["message"].as_str().expect("message");
        assert!(message.contains(words), "{lang}: {message}");
        assert_eq!(value["findings"][0]["check"], "too_big");
    }
}
