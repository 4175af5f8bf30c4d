//! The import's colour step through the real UI (egui_kittest): a
//! Boxes.py file shows its colours with Boxes.py's operations preselected
//! (red ignored), a changed choice reaches the shapes, Cancel imports
//! nothing, and a file of one colour comes in without the step.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fabrique::i18n::Language;
use fabrique::ui::dialogs::Dialog;
use fabrique::ui::{AppCommand, FabriqueApp};
use geometry::LaserRole;
use ui_support::*;

fn laser_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/laser")
        .join(name)
}

/// Opens `path` as the file dialog would, and waits for the reading.
fn import(harness: &mut Harness<'_, FabriqueApp>, path: &Path) {
    harness
        .state_mut()
        .handle(AppCommand::OpenPath(path.to_owned()));
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(harness);
}

fn step_open(harness: &Harness<'_, FabriqueApp>) -> bool {
    matches!(harness.state().dialog(), Some(Dialog::ImportColors(_)))
}

/// The operation shown for the row named `row`.
fn operation(harness: &Harness<'_, FabriqueApp>, row: &str) -> String {
    harness
        .get_by_role_and_label(Role::ComboBox, row)
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

/// Clicks the enabled widget labelled `label` that is not a mere label
/// (the top bar's "Import" waits, disabled, behind the dialog; the
/// preview's legend repeats the operations' words).
fn click_enabled(harness: &mut Harness<'_, FabriqueApp>, label: &str) {
    harness
        .get_all_by_label(label)
        .find(|n| !n.accesskit_node().is_disabled() && n.accesskit_node().role() != Role::Label)
        .expect("an enabled button")
        .click();
    settle(harness);
}

/// The document's shapes' laser roles, with each shape's width (mm).
fn roles(harness: &Harness<'_, FabriqueApp>) -> Vec<(f64, LaserRole)> {
    let mut roles: Vec<(f64, LaserRole)> = harness
        .state()
        .editor()
        .document
        .shapes
        .iter()
        .map(|s| {
            let b = geometry::transform::shapes_bounds(std::slice::from_ref(s)).unwrap();
            ((b.width() * 10.0).round() / 10.0, s.role)
        })
        .collect();
    roles.sort_by(|a, b| a.0.total_cmp(&b.0));
    roles
}

#[test]
fn boxes_py_colours_come_preselected_and_a_changed_choice_reaches_the_shapes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    import(&mut harness, &laser_fixture("boxes_py.svg"));
    assert!(step_open(&harness), "the colour step is shown");
    assert!(harness.state().editor().document.shapes.is_empty());
    assert!(
        harness
            .query_by_label_contains("Dessin fait avec Boxes.py")
            .is_some()
    );
    // Boxes.py's convention: red annotations ignored, black and blue cut,
    // green etching scored.
    assert_eq!(operation(&harness, "Traits #FF0000"), "Ignorer");
    assert_eq!(operation(&harness, "Surfaces #FF0000"), "Ignorer");
    assert_eq!(operation(&harness, "Traits #000000"), "Découper");
    assert_eq!(operation(&harness, "Traits #0000FF"), "Découper");
    assert_eq!(operation(&harness, "Traits #00FF00"), "Marquer");
    assert!(harness.query_by_label("60 mm").is_some(), "blue's length");
    // Blue becomes a score line.
    harness
        .get_by_role_and_label(Role::ComboBox, "Traits #0000FF")
        .click();
    settle(&mut harness);
    click_enabled(&mut harness, "Marquer");
    assert_eq!(operation(&harness, "Traits #0000FF"), "Marquer");
    click_enabled(&mut harness, "Importer");
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    assert!(!step_open(&harness));
    // Green line 40 mm (score), blue 20 mm (now score), navy 30 mm (cut),
    // the black outline 100 mm (cut); the red ones left out.
    assert_eq!(
        roles(&harness),
        [
            (20.0, LaserRole::Score),
            (30.0, LaserRole::Cut),
            (40.0, LaserRole::Score),
            (100.0, LaserRole::Cut),
        ]
    );
}

/// Sets the row `row` to `operation` through its combo box.
fn choose(harness: &mut Harness<'_, FabriqueApp>, row: &str, operation_word: &str) {
    harness.get_by_role_and_label(Role::ComboBox, row).click();
    settle(harness);
    click_enabled(harness, operation_word);
    assert_eq!(operation(harness, row), operation_word);
}

/// Presses "Importer" and waits for the shapes.
fn import_chosen(harness: &mut Harness<'_, FabriqueApp>) {
    click_enabled(harness, "Importer");
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(harness);
    assert!(!step_open(harness));
}

#[test]
fn a_changed_colour_is_proposed_again_for_the_next_file_until_set_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    let boxes = laser_fixture("boxes_py.svg");
    import(&mut harness, &boxes);
    choose(&mut harness, "Traits #0000FF", "Marquer");
    import_chosen(&mut harness);
    // The second box of the day: blue starts as a score line, the rest on
    // Boxes.py's defaults.
    import(&mut harness, &boxes);
    assert!(step_open(&harness));
    assert_eq!(operation(&harness, "Traits #0000FF"), "Marquer");
    assert_eq!(operation(&harness, "Traits #000000"), "Découper");
    assert_eq!(operation(&harness, "Traits #FF0000"), "Ignorer");
    // Imported as shown, without touching anything: blue's 20 mm is scored.
    import_chosen(&mut harness);
    let scored: Vec<f64> = harness
        .state()
        .editor()
        .document
        .shapes
        .iter()
        .filter(|s| s.role == LaserRole::Score)
        .map(|s| {
            let b = geometry::transform::shapes_bounds(std::slice::from_ref(s)).unwrap();
            (b.width() * 10.0).round() / 10.0
        })
        .collect();
    assert_eq!(scored.iter().filter(|w| **w == 20.0).count(), 2);
    // Set back to the file's default, it is forgotten.
    import(&mut harness, &boxes);
    choose(&mut harness, "Traits #0000FF", "Découper");
    import_chosen(&mut harness);
    import(&mut harness, &boxes);
    assert_eq!(operation(&harness, "Traits #0000FF"), "Découper");
}

#[test]
fn cancel_imports_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    import(&mut harness, &laser_fixture("boxes_py.svg"));
    assert!(step_open(&harness));
    click_enabled(&mut harness, "Annuler");
    assert!(!step_open(&harness));
    assert!(harness.state().editor().document.shapes.is_empty());
    assert!(harness.state().job().is_none(), "nothing is read again");
}

#[test]
fn a_file_of_one_colour_comes_in_without_the_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    let path = dir.path().join("two-squares.svg");
    std::fs::write(
        &path,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="50mm" viewBox="0 0 100 50">
        <rect x="10" y="10" width="20" height="20" fill="none" stroke="#ff0000"/>
        <rect x="50" y="10" width="30" height="30" fill="none" stroke="#ff0000"/></svg>"##,
    )
    .unwrap();
    import(&mut harness, &path);
    assert!(!step_open(&harness), "one colour: nothing to choose");
    assert_eq!(
        roles(&harness),
        [(20.0, LaserRole::Cut), (30.0, LaserRole::Cut)]
    );
}

#[test]
fn the_lightburn_palette_follows_the_lab_code_and_the_choices() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    import(&mut harness, &laser_fixture("lightburn_palette.svg"));
    assert!(step_open(&harness));
    assert!(
        harness
            .query_by_label_contains("Each colour tells the laser")
            .is_some(),
        "no program's convention is claimed"
    );
    // The generic code: blue scores, red cuts; black and green lines cut,
    // the yellow area engraves.
    assert_eq!(operation(&harness, "Lines #0000FF"), "Score");
    assert_eq!(operation(&harness, "Lines #00E000"), "Cut");
    assert_eq!(operation(&harness, "Areas #D0D000"), "Engrave");
    assert!(harness.query_by_label("400 mm").is_some(), "black's length");
    assert!(harness.query_by_label("one shape").is_some(), "one area");
    harness
        .get_by_role_and_label(Role::ComboBox, "Areas #D0D000")
        .click();
    settle(&mut harness);
    click_enabled(&mut harness, "Ignore");
    click_enabled(&mut harness, "Import");
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    let shapes = &harness.state().editor().document.shapes;
    assert_eq!(shapes.len(), 4, "the area was left out");
    assert!(shapes.iter().all(|s| s.role != LaserRole::Engrave));
}

#[test]
fn ignoring_every_colour_imports_nothing_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    import(&mut harness, &laser_fixture("lightburn_palette.svg"));
    for row in [
        "Lines #000000",
        "Lines #0000FF",
        "Lines #00E000",
        "Lines #FF0000",
        "Areas #D0D000",
    ] {
        harness.get_by_role_and_label(Role::ComboBox, row).click();
        settle(&mut harness);
        click_enabled(&mut harness, "Ignore");
        assert_eq!(operation(&harness, row), "Ignore");
    }
    click_enabled(&mut harness, "Import");
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    assert!(harness.state().editor().document.shapes.is_empty());
    // Said in the dialog and the status line.
    assert_eq!(
        harness
            .query_all_by_label_contains("Every colour of this drawing is set to ignore")
            .count(),
        2
    );
}

#[test]
fn what_the_import_left_out_is_said_in_the_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/svg/ignored_effects.svg");
    import(&mut harness, &path);
    assert_eq!(harness.state().editor().document.shapes.len(), 3);
    let notice = harness
        .state()
        .notice()
        .as_ref()
        .expect("a message")
        .text
        .clone();
    assert!(
        !harness.state().notice().as_ref().unwrap().is_error,
        "{notice}"
    );
    assert!(
        notice.contains("Laissé de côté dans ignored_effects.svg"),
        "{notice}"
    );
    assert!(
        notice.contains("une image (importez le fichier"),
        "{notice}"
    );
    assert!(
        !notice.contains("fabrique trace"),
        "window advice, not a command: {notice}"
    );
    // Shown in the window, not only kept in the state.
    harness.get_by_label_contains("Laissé de côté");
}
