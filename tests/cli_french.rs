//! End to end: under a French system (`LANG=fr_FR.UTF-8`), or with
//! `--lang fr`, every failing command says what is wrong in French, with
//! no English left in the line — the command's own errors, the reasons
//! the libraries give (a broken SVG, a bad colour list) and the usage
//! mistakes clap would have worded in English.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use support::fixture;

/// Words of the English messages that no French message uses.
const ENGLISH: [&str; 12] = [
    "cannot", " the ", " is ", " not ", "unknown", "error", "Check", "Give", " or ", " use ",
    "See ", "missing",
];

/// Runs `fabrique args` under `lang` and returns its one line of stderr.
#[track_caller]
fn refusal(lang: &str, args: &[&str]) -> String {
    let output = support::fabrique()
        .env("LANG", lang)
        .args(args)
        .output()
        .expect("fabrique runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(stderr.starts_with("fabrique: "), "{stderr}");
    stderr
}

#[track_caller]
fn assert_french(stderr: &str, expect: &str) {
    assert!(
        stderr.contains(expect),
        "{stderr:?} does not say {expect:?}"
    );
    for word in ENGLISH {
        assert!(!stderr.contains(word), "{stderr:?}: English {word:?}");
    }
}

#[test]
fn failing_commands_speak_french_under_a_french_system() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let ring = fixture("ring.svg");
    let ring = ring.to_str().unwrap();
    let broken = fixture("malformed.svg");
    let broken_s = broken.to_str().unwrap();
    let (missing, svg, stl, pdf) = (out("absent.svg"), out("a.svg"), out("a.stl"), out("a.pdf"));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["laser", &missing, "-o", &svg],
            "fichier ou dossier introuvable",
        ),
        (
            vec!["extrude", broken_s, "-o", &stl, "--height", "3"],
            "le XML est cassé ligne",
        ),
        (vec!["laser", ring, "-o", &pdf], ".svg ou .dxf"),
        (vec!["extrude", ring, "-o", &stl], "donnez la hauteur"),
        (
            vec!["extrude", ring, "-o", &stl, "--height", "-2.5"],
            "-2,5 n'est pas une longueur utilisable",
        ),
        (
            vec!["laser", ring, "-o", &svg, "--colors", "#0000ff=burn"],
            "« burn » n'est ni cut",
        ),
        (
            vec!["check", ring, "--machine", "laser-9000"],
            "machine inconnue « laser-9000 »",
        ),
        (vec!["laser", ring, "--bogus"], "option inconnue --bogus"),
        (
            vec!["extrude", ring, "-o", &stl, "--height", "trois"],
            "trois n'est pas une valeur acceptée par --height",
        ),
        (vec!["trace", ring, "-o", &svg], "ce n'est pas une image"),
    ];
    for (args, expect) in cases {
        assert_french(&refusal("fr_FR.UTF-8", &args), expect);
    }
}

#[test]
fn lang_wins_over_the_system() {
    let dir = tempfile::tempdir().unwrap();
    let ring = fixture("ring.svg");
    let stl = dir.path().join("a.stl");
    let args = [
        "extrude",
        ring.to_str().unwrap(),
        "-o",
        stl.to_str().unwrap(),
    ];
    let with_fr = [&args[..], &["--lang", "fr"]].concat();
    let french = refusal("en_GB.UTF-8", &with_fr);
    assert_french(&french, "donnez la hauteur");
    let with_en = [&args[..], &["--lang", "en"]].concat();
    let english = refusal("fr_FR.UTF-8", &with_en);
    assert!(english.contains("give the height"), "{english}");
    // Even a line clap cannot read follows --lang.
    let usage = refusal(
        "en_GB.UTF-8",
        &["check", "x.svg", "--lang", "fr", "--bogus"],
    );
    assert_french(&usage, "option inconnue");
}
