//! Shared helpers of the UI tests: start the real app with a temporary data
//! folder and the built-in file dialog, draw with the pointer, type in fields.

#![allow(clippy::unwrap_used, clippy::expect_used)]
#![allow(dead_code)]

use egui::{Event, Key, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fabrique::i18n::Language;
use fabrique::ui::{AppOptions, FabriqueApp};

pub mod kiosk_lab;

/// A harness on the real app at the size of the labs' laptops.
pub fn app(data_dir: &std::path::Path, language: Language) -> Harness<'static, FabriqueApp> {
    let options = AppOptions::testing(data_dir, language);
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1366.0, 768.0))
        .build_eframe(move |_cc| FabriqueApp::new(options));
    settle(&mut harness);
    harness
}

/// The real app at the labs' laptop size, opening on the tutorials'
/// start screen as at a first start.
pub fn app_with_start_screen(
    data_dir: &std::path::Path,
    language: Language,
) -> Harness<'static, FabriqueApp> {
    let mut options = AppOptions::testing(data_dir, language);
    options.start_screen = true;
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1366.0, 768.0))
        .build_eframe(move |_cc| FabriqueApp::new(options));
    settle(&mut harness);
    harness
}

/// The roles a person acts on (buttons, fields, boxes, sliders, lists).
pub fn is_interactive(role: egui::accesskit::Role) -> bool {
    use egui::accesskit::Role;
    matches!(
        role,
        Role::Button
            | Role::DefaultButton
            | Role::TextInput
            | Role::MultilineTextInput
            | Role::PasswordInput
            | Role::CheckBox
            | Role::RadioButton
            | Role::ComboBox
            | Role::Slider
            | Role::SpinButton
            | Role::Link
            | Role::MenuItem
    )
}

/// Runs frames until the UI is still (or a few frames went by).
pub fn settle(harness: &mut Harness<'_, FabriqueApp>) {
    for _ in 0..3 {
        harness.step();
    }
}

/// A canvas point, as a fraction of the canvas rectangle.
pub fn canvas_point(harness: &Harness<'_, FabriqueApp>, fx: f32, fy: f32) -> Pos2 {
    let rect = harness.state().canvas().view.rect_screen;
    rect.min + Vec2::new(rect.width() * fx, rect.height() * fy)
}

/// Drags with the primary button from `from` to `to` in a few moves.
pub fn drag(harness: &mut Harness<'_, FabriqueApp>, from: Pos2, to: Pos2) {
    harness.event(Event::PointerMoved(from));
    harness.step();
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for i in 1..=4 {
        let t = i as f32 / 4.0;
        harness.event(Event::PointerMoved(from + (to - from) * t));
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    settle(harness);
}

/// Draws a rectangle with the Rectangle tool between two canvas fractions.
pub fn draw_rectangle(harness: &mut Harness<'_, FabriqueApp>, a: (f32, f32), b: (f32, f32)) {
    harness.get_by_label("Rectangle").click();
    settle(harness);
    let from = canvas_point(harness, a.0, a.1);
    let to = canvas_point(harness, b.0, b.1);
    drag(harness, from, to);
}

/// Replaces the text of the field labelled `label` with `text` and presses Enter.
pub fn type_in_field(harness: &mut Harness<'_, FabriqueApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(egui::Role::TextInput, label)
        .click();
    settle(harness);
    // AccessKit's SetValue replaces the whole text, as a screen reader would.
    harness
        .get_by_role_and_label(egui::Role::TextInput, label)
        .set_text_value_accesskit(text);
    harness.step();
    harness.key_press(Key::Enter);
    settle(harness);
}

/// Clicks the button (or other widget) with exactly this label.
pub fn click(harness: &mut Harness<'_, FabriqueApp>, label: &str) {
    harness.get_by_label(label).click();
    settle(harness);
}

/// Bounds of the document's shapes, mm.
pub fn bounds(harness: &Harness<'_, FabriqueApp>) -> kurbo::Rect {
    geometry::transform::shapes_bounds(&harness.state().editor().document.shapes)
        .expect("the document has shapes")
}

/// Chooses `path` in the built-in file dialog and confirms with `confirm`.
pub fn choose_file(harness: &mut Harness<'_, FabriqueApp>, path: &std::path::Path, confirm: &str) {
    type_in_field_no_enter(harness, "File name", &path.display().to_string());
    click(harness, confirm);
}

fn type_in_field_no_enter(harness: &mut Harness<'_, FabriqueApp>, label: &str, text: &str) {
    harness
        .get_by_role_and_label(egui::Role::TextInput, label)
        .click();
    settle(harness);
    harness
        .get_by_role_and_label(egui::Role::TextInput, label)
        .set_text_value_accesskit(text);
    settle(harness);
}
