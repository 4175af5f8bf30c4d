//! Tests of the machine profiles: every shipped file parses and is valid,
//! lab folders add or replace machines. Compiled only under #[cfg(test)].

use super::*;

#[test]
fn every_shipped_file_parses_and_is_valid() {
    for (name, text) in BUILTIN {
        let machine = parse(Path::new(name), text).unwrap();
        assert_eq!(format!("{}.json", machine.id()), name);
    }
    assert_eq!(all_machines().len(), BUILTIN.len());
}

#[test]
fn shipped_beds_match_the_lab_machines() {
    let bed = |id: &str| match find(id).unwrap() {
        Machine::Laser(p) => (p.bed_mm.0, p.bed_mm.1, 0.0),
        Machine::Printer(p) => p.bed_mm,
    };
    assert_eq!(bed("epilog-zing-24"), (610.0, 305.0, 0.0));
    assert_eq!(bed("xtool-p2"), (600.0, 308.0, 0.0));
    assert_eq!(bed("xtool-s1"), (608.0, 385.0, 0.0));
    assert_eq!(bed("bambu-a1-mini"), (180.0, 180.0, 180.0));
    assert_eq!(bed("prusa-mk4"), (250.0, 210.0, 220.0));
    assert_eq!(bed("ender-3"), (220.0, 220.0, 250.0));
    assert!(matches!(find("generic-printer"), Some(Machine::Printer(_))));
    assert!(find("laser-of-the-moon").is_none());
}

#[test]
fn generic_is_the_generic_laser_with_the_generic_colour_code() {
    let Some(Machine::Laser(laser)) = find(GENERIC_ALIAS) else {
        panic!("generic is a laser");
    };
    let generic = LaserProfile::generic();
    assert_eq!(laser.id, "generic-laser");
    assert_eq!(
        (
            laser.cut_color,
            laser.score_color,
            laser.bed_mm,
            laser.kerf_mm
        ),
        (
            generic.cut_color,
            generic.score_color,
            generic.bed_mm,
            generic.kerf_mm
        )
    );
}

#[test]
fn a_lab_folder_adds_replaces_and_reports_broken_files() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "atelier-laser.json",
        r##"{"kind":"laser","id":"atelier-laser","name":"Atelier","bed_mm":[400,300],
            "kerf_mm":0.1,"cut_color":"#FF00FF","score_color":"#00FF00",
            "engrave_color":"#000000","stroke_width_mm":0.01}"##,
    );
    write(
        "ender-3.json",
        r#"{"kind":"printer","id":"ender-3","name":"Our Ender","bed_mm":[200,200,200],"nozzle_mm":0.6}"#,
    );
    write(
        "broken.json",
        r#"{"kind":"printer","id":"x","name":"x","bed_mm":[0,0,0],"nozzle_mm":0.4}"#,
    );
    write("typo.json", "{ not json");
    write("notes.txt", "ignored");
    let (machines, errors) = all_machines_with_lab(dir.path());
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors
            .iter()
            .any(|e| e.to_string().contains("build volume"))
    );
    let Some(Machine::Laser(lab)) = find_in(&machines, "atelier-laser") else {
        panic!("lab laser loaded");
    };
    // Fields a lab leaves out take the documented defaults.
    assert_eq!(lab.material_thickness_mm, 3.0);
    assert_eq!(lab.min_feature_mm, 0.5);
    let Some(Machine::Printer(ender)) = find_in(&machines, "ender-3") else {
        panic!("ender replaced");
    };
    assert_eq!(ender.name, "Our Ender");
    assert_eq!(machines.len(), BUILTIN.len() + 1);
    assert!(load_dir(&dir.path().join("missing")).errors.is_empty());
}
