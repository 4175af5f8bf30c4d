//! The lab check in the app, driven by its labels (egui_kittest): a
//! rectangle typed larger than the machine's bed is listed by the check
//! panel, "Show" selects and frames it, "Fix" makes the design ready in one
//! undo step, in English and in French; a stencil is ready with a warning
//! about its loose island, and "Fix" bridges it.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui_kittest::kittest::Queryable as _;
use fabrique::i18n::Language;
use fabrique::ui::AppCommand;
use fabrique::ui::canvas::highlight;
use ui_support::*;

/// The words each language uses.
struct Words {
    width: &'static str,
    select: &'static str,
    check: &'static str,
    too_big: &'static str,
    off_bed: &'static str,
    show: &'static str,
    fix: &'static str,
    ready: &'static str,
    undo: &'static str,
}

const ENGLISH: Words = Words {
    width: "Width (mm)",
    select: "Select",
    check: "Check",
    too_big: "is larger than the machine",
    off_bed: "lies outside the bed",
    show: "Show",
    fix: "Fix",
    ready: "Ready for the lab",
    undo: "Undo",
};

const FRENCH: Words = Words {
    width: "Largeur (mm)",
    select: "Choisir",
    check: "Vérifier",
    too_big: "est plus grand que la machine",
    off_bed: "est hors du plateau",
    show: "Montrer",
    fix: "Corriger",
    ready: "Prêt pour le fablab",
    undo: "Annuler",
};

/// Clicks `label`, then lets the check running on its worker thread finish.
fn click_and_check(
    harness: &mut egui_kittest::Harness<'_, fabrique::ui::FabriqueApp>,
    label: &str,
) {
    click(harness, label);
    harness
        .state_mut()
        .handle(fabrique::ui::AppCommand::WaitForCheck);
    settle(harness);
}

/// Draws a rectangle 700 mm wide (the default laser's bed is 610 mm),
/// fixes it from the check panel and undoes the fix.
fn too_big_is_fixed_in_one_click(language: Language, words: &Words) {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), language);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    type_in_field(&mut harness, words.width, "700");
    assert!((bounds(&harness).width() - 700.0).abs() < 1e-9);

    click_and_check(&mut harness, words.check);
    assert!(harness.state().check().open);
    assert!(
        harness.query_by_label_contains(words.too_big).is_some(),
        "the too-big finding is listed"
    );
    assert!(harness.query_by_label_contains(words.ready).is_none());

    // "Show" selects the shapes and frames the place on the canvas.
    click(&mut harness, words.select);
    harness.key_press(egui::Key::Escape);
    settle(&mut harness);
    assert!(harness.state().editor().session.selection.is_empty());
    click(&mut harness, words.show);
    assert_eq!(harness.state().editor().session.selection.len(), 1);
    let framed = highlight::current(&harness.ctx).expect("a frame on the canvas");
    assert!(framed.width() > 699.0, "{framed:?}");

    click_and_check(&mut harness, words.fix);
    assert!(bounds(&harness).width() <= 610.0, "{:?}", bounds(&harness));
    // Scaled about its lower-left corner, the design still hangs off the
    // bed's right edge: the check says so, and its fix puts it on the bed.
    assert!(bounds(&harness).x1 > 611.0, "{:?}", bounds(&harness));
    assert!(harness.query_by_label_contains(words.off_bed).is_some());
    assert!(harness.query_by_label_contains(words.ready).is_none());
    click_and_check(&mut harness, words.fix);
    assert!(
        (bounds(&harness).x1 - 610.0).abs() < 1e-3,
        "{:?}",
        bounds(&harness)
    );
    assert!(harness.query_by_label_contains(words.off_bed).is_none());
    assert!(harness.query_by_label_contains(words.ready).is_some());
    assert!(harness.query_by_label_contains(words.too_big).is_none());
    assert!(
        highlight::current(&harness.ctx).is_none(),
        "the old frame is gone"
    );

    // Each fix was one undo step: the problems come back.
    click_and_check(&mut harness, words.undo);
    assert!(harness.query_by_label_contains(words.off_bed).is_some());
    click_and_check(&mut harness, words.undo);
    assert!((bounds(&harness).width() - 700.0).abs() < 1e-9);
    assert!(harness.query_by_label_contains(words.too_big).is_some());

    // The same button closes the panel.
    click(&mut harness, words.check);
    assert!(!harness.state().check().open);
    assert!(harness.query_by_label_contains(words.too_big).is_none());
}

#[test]
fn a_design_too_big_for_the_laser_is_fixed_from_the_check_panel() {
    too_big_is_fixed_in_one_click(Language::English, &ENGLISH);
}

#[test]
fn the_check_panel_speaks_french() {
    too_big_is_fixed_in_one_click(Language::French, &FRENCH);
}

#[test]
fn a_stencil_is_ready_with_a_warning_and_gets_bridges() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    let stencil =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/island.svg");
    harness
        .state_mut()
        .handle(AppCommand::OpenPath(stencil.to_path_buf()));
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    assert_eq!(harness.state().editor().document.shapes.len(), 1);

    click_and_check(&mut harness, "Check");
    assert!(
        harness
            .query_by_label_contains("Ready for the lab")
            .is_some()
    );
    assert!(harness.query_by_label_contains("will fall out").is_some());
    assert!(harness.query_by_label_contains("add two bridges").is_some());
    click_and_check(&mut harness, "Fix");
    assert!(harness.query_by_label_contains("will fall out").is_none());
    assert!(
        harness
            .query_by_label_contains("Ready for the lab")
            .is_some()
    );
}
