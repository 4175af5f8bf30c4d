//! The editor driven through its real UI by labels (egui_kittest): drawing,
//! typing exact sizes, undo/redo, booleans, refusing nonsense input.

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;
use fabrique::ui::i18n::Language;
use ui_support::*;

#[test]
fn draw_a_rectangle_and_type_40_by_20_mm() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    assert_eq!(harness.state().editor.document.shapes.len(), 1);
    assert_eq!(harness.state().editor.session.selection.len(), 1);
    type_in_field(&mut harness, "Width (mm)", "40");
    type_in_field(&mut harness, "Height (mm)", "20");
    let b = bounds(&harness);
    assert!((b.width() - 40.0).abs() < 1e-9, "width {}", b.width());
    assert!((b.height() - 20.0).abs() < 1e-9, "height {}", b.height());
    // Each typed size is one undo step.
    click(&mut harness, "Undo");
    assert!((bounds(&harness).height() - 20.0).abs() > 1e-6);
    assert!((bounds(&harness).width() - 40.0).abs() < 1e-9);
}

#[test]
fn nonsense_sizes_are_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    let before = harness.state().editor.document.clone();
    for nonsense in ["abc", "NaN", "-5", "1e12"] {
        type_in_field(&mut harness, "Width (mm)", nonsense);
        assert_eq!(
            harness.state().editor.document,
            before,
            "{nonsense} was accepted"
        );
    }
    assert!(
        harness
            .query_by_label_contains("far bigger than any machine")
            .is_some()
    );
}

#[test]
fn undo_and_redo_every_change_with_buttons_and_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    draw_rectangle(&mut harness, (0.6, 0.3), (0.7, 0.6));
    assert_eq!(harness.state().editor.document.shapes.len(), 2);
    click(&mut harness, "Undo");
    assert_eq!(harness.state().editor.document.shapes.len(), 1);
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::Z]);
    settle(&mut harness);
    assert_eq!(harness.state().editor.document.shapes.len(), 0);
    click(&mut harness, "Redo");
    assert_eq!(harness.state().editor.document.shapes.len(), 1);
    harness.key_combination_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, &[Key::Z]);
    settle(&mut harness);
    assert_eq!(harness.state().editor.document.shapes.len(), 2);
}

#[test]
fn a_drag_is_one_undo_step_and_arrows_nudge() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    let drawn = bounds(&harness);
    let from = canvas_point(&harness, 0.4, 0.45);
    let to = canvas_point(&harness, 0.6, 0.5);
    drag(&mut harness, from, to);
    let moved = bounds(&harness);
    assert!(moved.x0 > drawn.x0 + 5.0, "{drawn:?} → {moved:?}");
    harness.key_press(Key::ArrowRight);
    settle(&mut harness);
    assert!((bounds(&harness).x0 - moved.x0 - 1.0).abs() < 1e-9);
    click(&mut harness, "Undo");
    click(&mut harness, "Undo");
    assert_eq!(bounds(&harness), drawn);
}

#[test]
fn union_of_two_overlapping_rectangles() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    draw_rectangle(&mut harness, (0.4, 0.4), (0.6, 0.7));
    let shapes = &harness.state().editor.document.shapes;
    let separate: f64 = shapes
        .iter()
        .map(|s| geometry::outline::shape_region(s, 0.01).area())
        .sum();
    let union_area = geometry::outline::union_region(shapes, 0.01).area();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    settle(&mut harness);
    assert_eq!(harness.state().editor.session.selection.len(), 2);
    click(&mut harness, "Union");
    let shapes = &harness.state().editor.document.shapes;
    assert_eq!(shapes.len(), 1);
    assert!(matches!(shapes[0].kind, geometry::ShapeKind::Path { .. }));
    let area = geometry::outline::shape_region(&shapes[0], 0.01).area();
    assert!((area - union_area).abs() < 1e-3 && area < separate);
    click(&mut harness, "Undo");
    assert_eq!(harness.state().editor.document.shapes.len(), 2);
}

#[test]
fn esc_cancels_a_drag() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    let before = harness.state().editor.document.clone();
    let from = canvas_point(&harness, 0.4, 0.45);
    let to = canvas_point(&harness, 0.7, 0.5);
    harness.event(egui::Event::PointerMoved(from));
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for t in [0.3, 0.6, 1.0] {
        harness.event(egui::Event::PointerMoved(from + (to - from) * t));
        harness.step();
    }
    assert_ne!(harness.state().editor.document, before, "live move");
    harness.key_press(Key::Escape);
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    settle(&mut harness);
    assert_eq!(harness.state().editor.document, before);
    assert!(!harness.state().editor.history.in_gesture());
}

#[test]
fn language_switches_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    assert!(harness.query_by_label("New").is_some());
    click(&mut harness, "Français");
    assert!(harness.query_by_label("Nouveau").is_some());
    assert!(harness.query_by_label("New").is_none());
    assert!(harness.query_by_label("Rectangle").is_some());
    assert!(harness.query_by_label("Étoile").is_some());
}
