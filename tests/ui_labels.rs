//! Every interactive widget carries an accessible label, so a screen reader
//! (Orca on the labs' Debian laptops) can say what it does: the test walks
//! the start screen and the main screen — laser and 3D, each tool chosen,
//! a shape and a text selected so the properties panel shows, the lab
//! check's panel open —, the dialogs (export, file, box, trace, Display)
//! and the kiosk's screens, and fails on any button, check box, text field,
//! slider or combo box whose label is empty. The checker itself is shown to
//! catch an unlabelled button and an unlabelled field.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fabrique::i18n::Language;
use fabrique::model::session::ToolKind;
use fabrique::ui::{AppCommand, FabriqueApp};
use ui_support::*;

/// Each interactive widget without a label, as "role at (x, y)" so the
/// failure says where to look.
fn unlabelled<S>(harness: &Harness<'_, S>) -> Vec<String> {
    harness
        .query_all_by(|node| is_interactive(node.role()))
        .filter_map(|node| {
            let node = node.accesskit_node();
            let label = node.label().unwrap_or_default();
            if !label.trim().is_empty() {
                return None;
            }
            let place = node
                .bounding_box()
                .map(|b| format!("at ({:.0}, {:.0})", b.x0, b.y0))
                .unwrap_or_default();
            Some(format!(
                "{:?} {place} value {:?}",
                node.role(),
                node.value()
            ))
        })
        .collect()
}

/// Number of interactive widgets on screen (the walk must see some).
fn interactive_count<S>(harness: &Harness<'_, S>) -> usize {
    harness
        .query_all_by(|node| is_interactive(node.role()))
        .count()
}

#[track_caller]
fn assert_all_labelled(harness: &Harness<'_, FabriqueApp>, what: &str) {
    assert!(interactive_count(harness) > 3, "{what}: no widgets seen");
    let missing = unlabelled(harness);
    assert!(missing.is_empty(), "{what}: unlabelled {missing:#?}");
}

fn walk_main_screen(language: Language) {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), language);
    assert_all_labelled(&h, "empty laser screen");
    for mode_key in ["mode-laser", "mode-3d"] {
        let mode = h.state().i18n().tr(mode_key);
        h.get_by_label(&mode).click();
        settle(&mut h);
        for tool in ToolKind::ALL {
            let label = h.state().i18n().tr(tool.key());
            h.get_by_role_and_label(Role::Button, &label).click();
            settle(&mut h);
            assert_all_labelled(&h, &format!("{mode_key}, tool {label}"));
        }
        // A rectangle, then a text: the properties panel with each kind.
        draw_rectangle(&mut h, (0.3, 0.3), (0.5, 0.5));
        assert!(!h.state().editor().session.selection.is_empty());
        assert_all_labelled(&h, &format!("{mode_key}, a rectangle selected"));
        let text_tool = h.state().i18n().tr(ToolKind::Text.key());
        h.get_by_role_and_label(Role::Button, &text_tool).click();
        settle(&mut h);
        let point = canvas_point(&h, 0.6, 0.6);
        drag(&mut h, point, point);
        assert_all_labelled(&h, &format!("{mode_key}, a text selected"));
        // Two shapes: the operations (align, distribute, booleans).
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        settle(&mut h);
        assert_all_labelled(&h, &format!("{mode_key}, two shapes selected"));
        let check = h.state().i18n().tr("cmd-check");
        h.get_by_role_and_label(Role::Button, &check).click();
        settle(&mut h);
        h.state_mut().handle(AppCommand::WaitForCheck);
        settle(&mut h);
        assert_all_labelled(&h, &format!("{mode_key}, the lab check open"));
        h.get_by_role_and_label(Role::Button, &check).click();
        settle(&mut h);
    }
}

#[test]
fn every_widget_of_the_main_screen_is_labelled_in_french() {
    walk_main_screen(Language::French);
}

#[test]
fn every_widget_of_the_main_screen_is_labelled_in_english() {
    walk_main_screen(Language::English);
}

/// Clicks the button labelled by translation key `key` and lets the UI settle.
fn click_key(h: &mut Harness<'_, FabriqueApp>, key: &str) {
    let label = h.state().i18n().tr(key);
    h.get_by_role_and_label(Role::Button, &label)
        .click_accesskit();
    settle(h);
}

#[test]
fn every_widget_of_the_dialogs_is_labelled() {
    let dir = tempfile::tempdir().unwrap();
    // English: French says "Annuler" for both Cancel and Undo.
    let mut h = app(dir.path(), Language::English);
    draw_rectangle(&mut h, (0.3, 0.3), (0.5, 0.5));
    click_key(&mut h, "cmd-export");
    assert!(h.state().dialog().is_some());
    assert_all_labelled(&h, "export: the formats");
    click_key(&mut h, "format-svg");
    assert_all_labelled(&h, "export: the built-in file dialog");
    click_key(&mut h, "button-cancel");
    assert!(h.state().dialog().is_none());
    click_key(&mut h, "appearance-open");
    assert!(h.state().appearance().panel_open);
    assert_all_labelled(&h, "the Display window");
    click_key(&mut h, "appearance-close");
    click_key(&mut h, "box-button");
    assert_all_labelled(&h, "the box dialog");
    click_key(&mut h, "button-cancel");
    assert!(h.state().dialog().is_none());
    // A sample picture opens the trace dialog.
    let picture = dir.path().join("feuille.png");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/samples/feuille.png"),
        &picture,
    )
    .unwrap();
    h.state_mut().handle(AppCommand::OpenPath(picture));
    settle(&mut h);
    h.state_mut().handle(AppCommand::WaitForTrace);
    settle(&mut h);
    assert!(matches!(
        h.state().dialog(),
        Some(fabrique::ui::dialogs::Dialog::Trace(_))
    ));
    assert_all_labelled(&h, "the trace dialog");
}

#[test]
fn every_widget_of_the_kiosk_screens_is_labelled() {
    let lab = ui_support::kiosk_lab::Lab::new();
    let config = lab.configure();
    let mut h = lab.app(&config);
    assert_all_labelled(&h, "kiosk: the visitor's screen");
    click(&mut h, "Animator");
    assert_all_labelled(&h, "kiosk: the animator's PIN");
    ui_support::kiosk_lab::type_pin(&mut h, ui_support::kiosk_lab::PIN);
    assert!(h.state().kiosk().as_ref().unwrap().panel.is_some());
    assert_all_labelled(&h, "kiosk: the animator's settings");
}

#[test]
fn every_widget_of_the_start_screen_and_the_coach_is_labelled() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app_with_start_screen(dir.path(), Language::French);
    assert!(h.state().tutorials().start_screen_open);
    assert_all_labelled(&h, "start screen");
    let title = fabrique::ui::tutorial::catalogue()[0]
        .title
        .get(Language::French)
        .to_owned();
    h.get_by_label(&title).click_accesskit();
    settle(&mut h);
    assert!(h.state().tutorials().active.is_some());
    assert_all_labelled(&h, "first coach card");
}

/// The checker is not blind: an icon button drawn without a label and a
/// field without a label next to it are both reported, and giving them a
/// name (as the app's icon buttons get their tooltip) satisfies it.
#[test]
fn the_checker_catches_an_unlabelled_button_and_field() {
    // kittest's own check (on by default) would stop the bare case first.
    let build = |named: bool| {
        Harness::builder()
            .with_accessibility_check(false)
            .build_ui_state(
                move |ui, text: &mut String| {
                    let button = ui.add(egui::Button::new("").min_size(egui::vec2(24.0, 24.0)));
                    let field = ui.text_edit_singleline(text);
                    for label in ["A", "B", "C", "D"] {
                        let _ = ui.button(label);
                    }
                    if named {
                        let _ = button.accessible_name("Zoom");
                        let _ = field.accessible_name("Name");
                    }
                },
                String::new(),
            )
    };
    let mut bare = build(false);
    bare.run();
    let missing = unlabelled(&bare);
    assert_eq!(missing.len(), 2, "{missing:#?}");
    assert!(missing[0].starts_with("Button"), "{missing:#?}");
    assert!(missing[1].starts_with("TextInput"), "{missing:#?}");
    // kittest's own check, which every `run` of the app's tests makes, agrees.
    assert_eq!(bare.unnamed_widgets().len(), 2);
    let mut named = build(true);
    named.run();
    assert_eq!(unlabelled(&named), Vec::<String>::new());
}
