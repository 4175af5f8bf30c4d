//! The layout holds on every kiosk screen: at 1024×600, 1280×720, 1366×768
//! and 1920×1080, in French (the longer words), every interactive widget
//! lies inside the window and none covers another: on the main screen with
//! a shape selected (laser and 3D), with an error under a field, on the
//! start screen, on the first coach card of every tutorial, and in the
//! Display window and the widest reading font (B612).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fabrique::i18n::Language;
use fabrique::ui::{AppOptions, FabriqueApp};
use ui_support::*;

const SIZES: [(f32, f32); 4] = [
    (1024.0, 600.0),
    (1280.0, 720.0),
    (1366.0, 768.0),
    (1920.0, 1080.0),
];

fn app_at(data: &std::path::Path, (width, height): (f32, f32)) -> Harness<'static, FabriqueApp> {
    let options = AppOptions::testing(data, Language::French);
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(width, height))
        .build_eframe(move |_cc| FabriqueApp::new(options));
    settle(&mut harness);
    harness
}

/// `true` when `node` is inside a dialog (a modal window).
fn in_dialog(node: &egui_kittest::kittest::AccessKitNode<'_>) -> bool {
    let mut parent = node.parent();
    while let Some(p) = parent {
        if p.role() == Role::Dialog {
            return true;
        }
        parent = p.parent();
    }
    false
}

/// Height of the status line at the bottom, which has no widget: a widget
/// starting below its top lies in a scrolled panel.
const STATUS_LINE: f64 = 32.0;

/// Every interactive widget inside the window, none over another. A
/// widget starting under the status line (or wholly above the window)
/// lies in a scrolled panel (the properties' list) and is reachable by
/// scrolling; one cut by the window's edge elsewhere is a broken layout. While a dialog is up, only its
/// widgets count (the window behind is covered and disabled).
#[track_caller]
fn assert_layout_holds(
    harness: &Harness<'_, FabriqueApp>,
    (width, height): (f32, f32),
    what: &str,
) {
    let (w, h) = (f64::from(width), f64::from(height));
    let mut widgets: Vec<(String, egui::accesskit::Rect, bool)> = Vec::new();
    for node in harness.query_all_by(|node| is_interactive(node.role())) {
        let node = node.accesskit_node();
        let label = node.label().unwrap_or_default();
        let Some(b) = node.bounding_box() else {
            continue;
        };
        let scrolled_out = b.y0 >= h - STATUS_LINE || b.y1 <= 0.0;
        if !scrolled_out {
            widgets.push((label, b, in_dialog(&node)));
        }
    }
    if widgets.iter().any(|w| w.2) {
        widgets.retain(|w| w.2);
    }
    assert!(widgets.len() > 3, "{what}: {} widgets", widgets.len());
    for (label, b, _) in &widgets {
        let inside = b.x0 >= -1.0 && b.y0 >= -1.0 && b.x1 <= w + 1.0 && b.y1 <= h + 1.0;
        assert!(
            inside,
            "{what} at {width}×{height}: {label:?} {b:?} is cut by the window's edge"
        );
    }
    for (i, (a_label, a, _)) in widgets.iter().enumerate() {
        for (b_label, b, _) in &widgets[i + 1..] {
            let overlap_x = a.x1.min(b.x1) - a.x0.max(b.x0);
            let overlap_y = a.y1.min(b.y1) - a.y0.max(b.y0);
            assert!(
                overlap_x <= 1.0 || overlap_y <= 1.0,
                "{what} at {width}×{height}: {a_label:?} {a:?} overlaps {b_label:?} {b:?}"
            );
        }
    }
}

/// Every drawing tool's button is wholly in sight, no scrolling needed.
#[track_caller]
fn assert_tools_in_sight(harness: &Harness<'_, FabriqueApp>, (width, height): (f32, f32)) {
    for label in [
        "Choisir",
        "Rectangle",
        "Arrondi",
        "Cercle",
        "Polygone",
        "Étoile",
        "Texte",
        "Crayon",
        "Plume",
        "Boîte",
    ] {
        let node = harness.get_by_role_and_label(Role::Button, label);
        let b = node.accesskit_node().bounding_box().unwrap();
        assert!(
            b.y1 <= f64::from(height) - 20.0,
            "{label} below the fold at {width}×{height}: {b:?}"
        );
    }
}

#[test]
fn the_main_screen_holds_at_every_size() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = app_at(dir.path(), size);
        assert_layout_holds(&harness, size, "empty");
        assert_tools_in_sight(&harness, size);
        draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
        assert_layout_holds(&harness, size, "a rectangle selected");
        // A nonsense width: the error under the field wraps in the panel.
        type_in_field(&mut harness, "Largeur (mm)", "-5");
        let error = harness
            .query_all_by_label_contains("plus grande que zéro")
            .next();
        assert!(error.is_some(), "the error is shown");
        assert_layout_holds(&harness, size, "an error under Largeur");
        let properties = harness.state().editor().document.shapes.len();
        assert_eq!(properties, 1);
        click(&mut harness, "Impression 3D");
        settle(&mut harness);
        assert_layout_holds(&harness, size, "3D mode");
    }
}

#[test]
fn the_start_screen_holds_at_every_size() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = app_at(dir.path(), size);
        harness
            .state_mut()
            .handle(fabrique::model::command::Command::OpenTutorials);
        settle(&mut harness);
        assert_layout_holds(&harness, size, "start screen");
    }
}

#[test]
fn the_first_card_of_every_tutorial_holds_at_every_size() {
    let count = fabrique::ui::tutorial::catalogue().len();
    for size in SIZES {
        for index in 0..count {
            let dir = tempfile::tempdir().unwrap();
            let mut harness = app_at(dir.path(), size);
            harness.state_mut().handle(fabrique::ui::AppCommand::Start(
                fabrique::ui::tutorial::start_screen::StartChoice::Tutorial(index),
            ));
            settle(&mut harness);
            let id = fabrique::ui::tutorial::catalogue()[index].id.clone();
            assert_layout_holds(&harness, size, &format!("tutorial {id}"));
        }
    }
}

#[test]
fn the_display_window_and_the_widest_font_hold_at_every_size() {
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = app_at(dir.path(), size);
        click(&mut harness, "Affichage");
        assert_layout_holds(&harness, size, "the Display window");
        // B612 is the widest of the reading fonts, high contrast frames
        // every button: the main screen must hold with both.
        harness.get_by_label_contains("B612").click();
        settle(&mut harness);
        click(&mut harness, "Contraste élevé");
        click(&mut harness, "Fermer");
        draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
        assert_layout_holds(&harness, size, "B612, high contrast, a rectangle selected");
        click(&mut harness, "Impression 3D");
        assert_layout_holds(&harness, size, "B612, high contrast, 3D mode");
    }
}

/// On the labs' most common screen, in French, the top bar is one row (a
/// second row takes height from the canvas and moves the languages).
#[test]
fn the_top_bar_is_one_row_at_1366_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let harness = app_at(dir.path(), (1366.0, 768.0));
    let top = |label: &str| {
        harness
            .get_by_label(label)
            .accesskit_node()
            .bounding_box()
            .unwrap()
            .y0
    };
    assert_eq!(
        top("English"),
        top("Nouveau"),
        "English wrapped to a second row"
    );
}

/// The import's colour step (a Boxes.py file, six colours) and the laser
/// export dialog with its crop box hold on every screen.
#[test]
fn the_import_colour_step_and_the_export_dialog_hold_at_every_size() {
    let boxes =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/laser/boxes_py.svg");
    for size in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let mut harness = app_at(dir.path(), size);
        harness
            .state_mut()
            .handle(fabrique::ui::AppCommand::OpenPath(boxes.clone()));
        harness
            .state_mut()
            .handle(fabrique::ui::AppCommand::WaitForJob);
        settle(&mut harness);
        assert!(harness.query_by_label("Traits #0000FF").is_some());
        assert_layout_holds(&harness, size, "the import's colour step");
        harness
            .get_all_by_label("Importer")
            .find(|n| !n.accesskit_node().is_disabled())
            .unwrap()
            .click();
        settle(&mut harness);
        harness
            .state_mut()
            .handle(fabrique::ui::AppCommand::WaitForJob);
        settle(&mut harness);
        click(&mut harness, "Exporter");
        assert!(harness.query_by_label("Recadrer sur le dessin").is_some());
        assert_layout_holds(&harness, size, "the laser export dialog");
    }
}
