//! The editor driven through its real UI by labels (egui_kittest): drawing,
//! typing exact sizes, undo/redo, booleans, refusing nonsense input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fabrique::i18n::Language;
use fabrique::ui::AppCommand;
use ui_support::*;

#[test]
fn draw_a_rectangle_and_type_40_by_20_mm() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    assert_eq!(harness.state().editor().document.shapes.len(), 1);
    assert_eq!(harness.state().editor().session.selection.len(), 1);
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
    let before = harness.state().editor().document.clone();
    for nonsense in ["abc", "NaN", "-5", "1e12"] {
        type_in_field(&mut harness, "Width (mm)", nonsense);
        assert_eq!(
            harness.state().editor().document,
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
    assert_eq!(harness.state().editor().document.shapes.len(), 2);
    click(&mut harness, "Undo");
    assert_eq!(harness.state().editor().document.shapes.len(), 1);
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::Z]);
    settle(&mut harness);
    assert_eq!(harness.state().editor().document.shapes.len(), 0);
    click(&mut harness, "Redo");
    assert_eq!(harness.state().editor().document.shapes.len(), 1);
    harness.key_combination_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, &[Key::Z]);
    settle(&mut harness);
    assert_eq!(harness.state().editor().document.shapes.len(), 2);
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
    let shapes = &harness.state().editor().document.shapes;
    let separate: f64 = shapes
        .iter()
        .map(|s| geometry::outline::shape_region(s, 0.01).area())
        .sum();
    let union_area = geometry::outline::union_region(shapes, 0.01).area();
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    settle(&mut harness);
    assert_eq!(harness.state().editor().session.selection.len(), 2);
    click(&mut harness, "Union");
    let shapes = &harness.state().editor().document.shapes;
    assert_eq!(shapes.len(), 1);
    assert!(matches!(shapes[0].kind, geometry::ShapeKind::Path { .. }));
    let area = geometry::outline::shape_region(&shapes[0], 0.01).area();
    assert!((area - union_area).abs() < 1e-3 && area < separate);
    click(&mut harness, "Undo");
    assert_eq!(harness.state().editor().document.shapes.len(), 2);
}

#[test]
fn esc_cancels_a_drag() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    let before = harness.state().editor().document.clone();
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
    assert_ne!(harness.state().editor().document, before, "live move");
    harness.key_press(Key::Escape);
    harness.step();
    harness.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    settle(&mut harness);
    assert_eq!(harness.state().editor().document, before);
    assert!(!harness.state().editor().history.in_gesture());
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

#[test]
fn text_is_edited_live_and_the_edit_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    harness.get_by_label("Text").click();
    settle(&mut harness);
    let at = canvas_point(&harness, 0.4, 0.4);
    harness.event(egui::Event::PointerMoved(at));
    harness.step();
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    settle(&mut harness);
    let text_of = |harness: &egui_kittest::Harness<'_, fabrique::ui::FabriqueApp>| match &harness
        .state()
        .editor()
        .document
        .shapes[0]
        .kind
    {
        geometry::ShapeKind::Text { text, .. } => text.clone(),
        other => panic!("not a text: {other:?}"),
    };
    assert_eq!(text_of(&harness), "Text");
    type_in_field(&mut harness, "Text", "Léa");
    assert_eq!(text_of(&harness), "Léa");
    click(&mut harness, "Undo");
    assert_eq!(text_of(&harness), "Text");
    click(&mut harness, "Undo");
    assert!(harness.state().editor().document.shapes.is_empty());
}

#[test]
fn duplicate_and_delete_with_the_keyboard() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::D]);
    settle(&mut harness);
    assert_eq!(harness.state().editor().document.shapes.len(), 2);
    harness.key_press(Key::Delete);
    settle(&mut harness);
    assert_eq!(harness.state().editor().document.shapes.len(), 1);
}

#[test]
fn an_svg_is_imported_at_its_real_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    let svg = dir.path().join("square.svg");
    std::fs::write(
        &svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="50mm" height="30mm" viewBox="0 0 50 30"><rect x="5" y="5" width="40" height="20"/></svg>"#,
    )
    .unwrap();
    harness
        .state_mut()
        .handle(AppCommand::OpenPath(svg.to_path_buf()));
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    let b = bounds(&harness);
    // usvg computes in f32: a micrometre is far below any machine.
    assert!(
        (b.width() - 40.0).abs() < 1e-3 && (b.height() - 20.0).abs() < 1e-3,
        "{b:?}"
    );
    click(&mut harness, "Undo");
    assert!(harness.state().editor().document.shapes.is_empty());
}

/// Presses and releases the primary button at one canvas point.
fn click_canvas(
    harness: &mut egui_kittest::Harness<'_, fabrique::ui::app::FabriqueApp>,
    fx: f32,
    fy: f32,
) {
    let at = canvas_point(harness, fx, fy);
    drag(harness, at, at);
}

#[test]
fn a_group_is_picked_as_one_until_ungrouped() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    draw_rectangle(&mut harness, (0.6, 0.3), (0.7, 0.6));
    click(&mut harness, "Select");
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    settle(&mut harness);
    click(&mut harness, "Group");
    let groups: Vec<Option<u64>> = harness
        .state()
        .editor()
        .document
        .shapes
        .iter()
        .map(|s| s.group)
        .collect();
    assert!(groups[0].is_some() && groups[0] == groups[1], "{groups:?}");

    // Click empty space, then one rectangle: its whole group is picked.
    click_canvas(&mut harness, 0.9, 0.9);
    assert!(harness.state().editor().session.selection.is_empty());
    click_canvas(&mut harness, 0.4, 0.45);
    assert_eq!(harness.state().editor().session.selection.len(), 2);
    assert!(harness.query_by_label("2 shapes selected").is_some());

    click(&mut harness, "Ungroup");
    assert!(
        harness
            .state()
            .editor()
            .document
            .shapes
            .iter()
            .all(|s| s.group.is_none())
    );
    click_canvas(&mut harness, 0.9, 0.9);
    click_canvas(&mut harness, 0.4, 0.45);
    assert_eq!(harness.state().editor().session.selection.len(), 1);
    assert!(harness.query_by_label("2 shapes selected").is_none());

    // Undo brings the group back: a click picks both again.
    click(&mut harness, "Undo");
    click_canvas(&mut harness, 0.9, 0.9);
    click_canvas(&mut harness, 0.65, 0.45);
    assert_eq!(harness.state().editor().session.selection.len(), 2);
    assert!(harness.query_by_label("2 shapes selected").is_some());

    // The shortcuts do the same: Ctrl+Shift+G ungroups, Ctrl+G groups again.
    let grouped = |h: &egui_kittest::Harness<'_, fabrique::ui::app::FabriqueApp>| {
        h.state()
            .editor()
            .document
            .shapes
            .iter()
            .all(|s| s.group.is_some())
    };
    harness.key_combination_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, &[Key::G]);
    settle(&mut harness);
    assert!(!grouped(&harness));
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::G]);
    settle(&mut harness);
    assert!(grouped(&harness));
}

#[test]
fn group_buttons_speak_french() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    draw_rectangle(&mut harness, (0.6, 0.3), (0.7, 0.6));
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    settle(&mut harness);
    assert!(
        harness
            .get_by_label("Dégrouper")
            .accesskit_node()
            .is_disabled()
    );
    click(&mut harness, "Grouper");
    assert!(
        harness
            .state()
            .editor()
            .document
            .shapes
            .iter()
            .all(|s| s.group.is_some())
    );
    assert!(
        harness
            .get_by_label("Grouper")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        !harness
            .get_by_label("Dégrouper")
            .accesskit_node()
            .is_disabled()
    );
}

#[test]
fn a_lab_machine_is_offered_and_a_broken_lab_file_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let lab = dir.path().join("machines");
    std::fs::create_dir_all(&lab).unwrap();
    std::fs::write(
        lab.join("big-laser.json"),
        r##"{"kind":"laser","id":"big-laser","name":"Big laser","bed_mm":[1300,900],
           "kerf_mm":0.2,"cut_color":"#FF0000","score_color":"#0000FF",
           "engrave_color":"#000000","stroke_width_mm":0.01}"##,
    )
    .unwrap();
    std::fs::write(lab.join("typo.json"), "{ \"kind\": \"laser\", ").unwrap();
    let mut harness = app(dir.path(), Language::English);
    assert!(
        harness
            .query_by_label_contains("machine file of the lab could not be used")
            .is_some()
    );
    // The machine menu, the top bar's only drop-down.
    harness.get_by_role(egui::accesskit::Role::ComboBox).click();
    settle(&mut harness);
    click(&mut harness, "Big laser");
    let state = harness.state();
    assert_eq!(
        state.editor().document.machine_id.as_deref(),
        Some("big-laser")
    );
    assert_eq!(
        (state.machine().bed_mm().0, state.machine().bed_mm().1),
        (1300.0, 900.0)
    );
}

#[test]
fn a_number_field_selects_its_value_and_speaks_french() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    type_in_field(&mut harness, "Largeur (mm)", "42,5");
    let width = |h: &egui_kittest::Harness<'_, fabrique::ui::FabriqueApp>| {
        h.get_by_role_and_label(egui::Role::TextInput, "Largeur (mm)")
            .accesskit_node()
            .value()
            .unwrap_or_default()
    };
    assert_eq!(width(&harness), "42,5", "French writes 2,5");
    // Click into the field and type: the new value replaces the old one.
    harness
        .get_by_role_and_label(egui::Role::TextInput, "Largeur (mm)")
        .click();
    settle(&mut harness);
    harness.event(egui::Event::Text("50".to_owned()));
    harness.step();
    harness.key_press(egui::Key::Enter);
    settle(&mut harness);
    assert_eq!(width(&harness), "50", "not 42,550");
}

#[test]
fn a_field_error_goes_when_the_selection_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    type_in_field(&mut harness, "Width (mm)", "-5");
    let error = "more than zero";
    assert!(harness.query_all_by_label_contains(error).next().is_some());
    // Another shape: the old refusal is not about it.
    draw_rectangle(&mut harness, (0.6, 0.3), (0.7, 0.6));
    assert!(harness.query_all_by_label_contains(error).next().is_none());
}

#[test]
fn the_chosen_machine_stays_chosen() {
    use fabrique::model::command::Command;
    use fabrique::model::session::Mode;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    let app_state = harness.state_mut();
    app_state.handle(Command::SetMode(Mode::Print3d));
    app_state.handle(Command::SetMachine("prusa-mk4".into()));
    app_state.handle(Command::SetMode(Mode::Laser));
    app_state.handle(Command::SetMachine("xtool-p2".into()));
    settle(&mut harness);
    click(&mut harness, "Nouveau");
    assert_eq!(
        harness.state().machine().id(),
        "xtool-p2",
        "New keeps the laser"
    );
    harness.state_mut().handle(Command::SetMode(Mode::Print3d));
    assert_eq!(
        harness.state().machine().id(),
        "prusa-mk4",
        "and the printer"
    );
    // The stencil tutorial needs a laser: it switches the mode only.
    let stencil = fabrique::ui::tutorial::catalogue()
        .iter()
        .position(|t| t.id == "pochoir")
        .unwrap();
    harness.state_mut().handle(fabrique::ui::AppCommand::Start(
        fabrique::ui::tutorial::start_screen::StartChoice::Tutorial(stencil),
    ));
    assert_eq!(harness.state().machine().id(), "xtool-p2");
    // A restart remembers both.
    let mut again = app(dir.path(), Language::French);
    settle(&mut again);
    assert_eq!(again.state().machine().id(), "xtool-p2");
    again.state_mut().handle(Command::SetMode(Mode::Print3d));
    assert_eq!(again.state().machine().id(), "prusa-mk4");
}

#[test]
fn generic_machines_speak_french() {
    use fabrique::model::command::Command;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    harness
        .state_mut()
        .handle(Command::SetMachine("generic-laser".into()));
    settle(&mut harness);
    assert_eq!(harness.state().machine().name(), "Laser générique");
}

#[test]
fn greyed_combine_buttons_say_how_to_pick_two_shapes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    assert!(harness.get_by_label("Union").accesskit_node().is_disabled());
    // The hint line says it (the greyed buttons too, on hover).
    assert!(
        harness
            .query_all_by_label_contains("Maj+clic sur une autre forme")
            .next()
            .is_some()
    );
    draw_rectangle(&mut harness, (0.6, 0.3), (0.7, 0.6));
    harness.key_combination_modifiers(Modifiers::COMMAND, &[Key::A]);
    settle(&mut harness);
    assert!(!harness.get_by_label("Union").accesskit_node().is_disabled());
    assert!(
        harness
            .query_all_by_label_contains("Maj+clic sur une autre forme")
            .next()
            .is_none()
    );
}

#[test]
fn a_text_clicked_on_a_shape_is_centred_on_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.2, 0.3), (0.6, 0.6));
    let plate = bounds(&harness);
    click(&mut harness, "Text");
    // Clicked near the plate's left end, as a beginner does.
    let at = canvas_point(&harness, 0.25, 0.45);
    drag(&mut harness, at, at);
    let state = harness.state();
    let text = state.editor().document.shapes.last().unwrap();
    assert!(matches!(text.kind, geometry::ShapeKind::Text { .. }));
    let text_bounds = geometry::transform::shapes_bounds([text]).unwrap();
    let offset = text_bounds.center() - plate.center();
    assert!(offset.hypot() < 0.1, "{offset:?}");
}

#[test]
fn switching_to_3d_keeps_the_drawing_on_the_bed() {
    use fabrique::model::command::Command;
    use fabrique::model::session::Mode;
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    harness
        .state_mut()
        .handle(Command::SetMachine("epilog-zing-24".into()));
    let mut plate = geometry::Shape::new(geometry::ShapeKind::Rectangle {
        width: 60.0,
        height: 30.0,
    });
    plate = plate.translated(450.0, 200.0);
    harness.state_mut().handle(Command::AddShapes(vec![plate]));
    harness
        .state_mut()
        .handle(Command::SetMachine("bambu-a1-mini".into()));
    harness.state_mut().handle(Command::SetMode(Mode::Print3d));
    settle(&mut harness);
    let app = harness.state();
    let bed = app.machine();
    let b = geometry::transform::shapes_bounds(&app.editor().document.shapes).unwrap();
    assert!(
        b.x0 >= 0.0 && b.y0 >= 0.0 && b.x1 <= bed.bed_mm().0 && b.y1 <= bed.bed_mm().1,
        "{b:?} on {bed:?}"
    );
    assert!((b.width() - 60.0).abs() < 1e-9, "moved, not resized");
}
