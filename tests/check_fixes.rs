//! Every one-click fix on the check fixtures (the drawings the CLI tests
//! use, as a user would bring them): after the fix, the check no longer
//! finds that problem and finds nothing new that blocks.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A failed expect is a failed test.

use std::path::Path;

use exporters::check::{CheckOptions, Finding, Severity, apply_fix, check};

/// (fixture, machine)
const FIXTURES: [(&str, &str); 7] = [
    ("too_big.svg", "generic"),
    ("open_path.svg", "generic"),
    ("narrow.svg", "generic"),
    ("small_hole.svg", "generic"),
    ("thin_wall.svg", "prusa-mk4"),
    ("floating.fabrique", "prusa-mk4"),
    ("island.svg", "generic"),
];

fn tag(finding: &Finding) -> String {
    serde_json::to_value(&finding.kind).unwrap()["check"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn each_fix_clears_its_finding_on_the_fixtures() {
    for (name, machine) in FIXTURES {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/check")
            .join(name);
        let document = fabrique::cli::input::load_drawing(&path).expect(name);
        let machine = exporters::machines::find(machine).expect(machine);
        let before = check(&document, &machine, &CheckOptions::default());
        let with_fix: Vec<&Finding> = before.findings.iter().filter(|f| f.fix.is_some()).collect();
        assert!(!with_fix.is_empty(), "{name}: {:?}", before.findings);
        for finding in with_fix {
            let fixed = apply_fix(&document, finding.fix.as_ref().unwrap());
            let after = check(&fixed, &machine, &CheckOptions::default());
            let tags: Vec<String> = after.findings.iter().map(tag).collect();
            assert!(!tags.contains(&tag(finding)), "{name}: {tags:?}");
            assert!(
                after
                    .findings
                    .iter()
                    .all(|f| f.severity != Severity::Blocking),
                "{name}: {:?}",
                after.findings
            );
        }
    }
}
