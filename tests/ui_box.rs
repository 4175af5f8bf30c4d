//! The finger-joint box maker driven through the real UI by its labels:
//! the panels it adds pass the lab check and export as closed laser
//! paths; nonsense is refused with a sentence and adds nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui_kittest::kittest::Queryable as _;
use exporters::check::{CheckOptions, Severity, check};
use fabrique::i18n::Language;
use ui_support::*;

fn generic_laser() -> exporters::Machine {
    exporters::machines::find("generic-laser").unwrap()
}

fn fill_box_dialog(
    harness: &mut egui_kittest::Harness<'_, fabrique::ui::FabriqueApp>,
    thickness: &str,
) {
    click(harness, "Box");
    assert!(harness.query_by_label("Finger-joint box").is_some());
    type_in_field(harness, "Inner width (mm)", "80");
    type_in_field(harness, "Inner depth (mm)", "60");
    type_in_field(harness, "Inner height (mm)", "40");
    type_in_field(harness, "Material thickness (mm)", thickness);
    type_in_field(harness, "Kerf (mm)", "0.15");
}

#[test]
fn a_box_of_80_by_60_by_40_is_six_grouped_panels_ready_for_the_lab() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    fill_box_dialog(&mut harness, "3");
    click(&mut harness, "Create");
    let state = harness.state();
    let doc = &state.editor().document;
    assert_eq!(doc.shapes.len(), 6);
    assert_eq!(state.editor().session.selection.len(), 6);
    let group = doc.shapes[0].group;
    assert!(group.is_some());
    assert!(
        doc.shapes
            .iter()
            .all(|s| s.group == group && s.role == geometry::LaserRole::Cut && s.is_filled())
    );
    assert!(state.dialog().is_none());
    // On the machine's bed (the default laser's, 610 × 305 mm).
    let placed = bounds(&harness);
    assert!(
        placed.x0 >= 0.0 && placed.y0 >= 0.0 && placed.x1 <= 610.0 && placed.y1 <= 305.0,
        "{placed:?}"
    );
    let state = harness.state();
    let doc = &state.editor().document;

    // Lab-ready for the generic laser: nothing blocking.
    let report = check(doc, &generic_laser(), &CheckOptions::default());
    let blocking: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Blocking)
        .collect();
    assert!(blocking.is_empty(), "{blocking:?}");

    // The laser SVG parses back with one closed cut path per panel.
    let exporters::Machine::Laser(profile) = generic_laser() else {
        panic!("generic-laser is a laser");
    };
    let mut svg = Vec::new();
    exporters::write_laser_svg(doc, &profile, 0.01, &mut svg).unwrap();
    let tree = usvg::Tree::from_data(&svg, &usvg::Options::default()).unwrap();
    let mut subpaths = 0;
    let mut open = 0;
    collect_subpaths(tree.root(), &mut subpaths, &mut open);
    assert_eq!(subpaths, 6);
    assert_eq!(open, 0);

    // One undo step takes the whole box away.
    click(&mut harness, "Undo");
    assert!(harness.state().editor().document.shapes.is_empty());
}

/// Counts subpaths, and those not ended by a close, in every path.
fn collect_subpaths(group: &usvg::Group, subpaths: &mut usize, open: &mut usize) {
    use usvg::tiny_skia_path::PathSegment;
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => collect_subpaths(g, subpaths, open),
            usvg::Node::Path(p) => {
                let mut in_subpath = false;
                for segment in p.data().segments() {
                    match segment {
                        PathSegment::MoveTo(_) => {
                            if in_subpath {
                                *open += 1;
                            }
                            *subpaths += 1;
                            in_subpath = true;
                        }
                        PathSegment::Close => in_subpath = false,
                        _ => {}
                    }
                }
                if in_subpath {
                    *open += 1;
                }
            }
            _ => {}
        }
    }
}

#[test]
fn a_sheet_too_thick_for_the_box_is_explained_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    fill_box_dialog(&mut harness, "50");
    click(&mut harness, "Create");
    assert!(harness.state().editor().document.shapes.is_empty());
    assert!(
        harness
            .query_by_label_contains("is too thick for this box")
            .is_some()
    );
    // Still open, to correct the number.
    type_in_field(&mut harness, "Material thickness (mm)", "abc");
    click(&mut harness, "Create");
    assert!(harness.query_by_label_contains("is not a number").is_some());
    assert!(harness.state().editor().document.shapes.is_empty());
    click(&mut harness, "Cancel");
    assert!(harness.state().dialog().is_none());
    assert!(harness.state().editor().document.shapes.is_empty());
}

#[test]
fn the_box_maker_speaks_french_and_makes_an_open_box() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    click(&mut harness, "Boîte");
    assert!(harness.query_by_label("Boîte à encoches").is_some());
    type_in_field(&mut harness, "Largeur intérieure (mm)", "100,5");
    click(&mut harness, "Couvercle");
    click(&mut harness, "Créer");
    assert_eq!(harness.state().editor().document.shapes.len(), 5);
}
