//! The interface's size, reading font and contrast through the real UI:
//! Ctrl + / Ctrl − / Ctrl 0 change egui's zoom factor (and Ctrl 0 no longer
//! fits the canvas: Home does), the "Display" window changes the font and
//! the theme, and all three come back after a restart — but not in a
//! kiosk, where the next visitor starts afresh.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fabrique::i18n::Language;
use fabrique::ui::FabriqueApp;
use fabrique::ui::appearance::{self, ReadingFont};
use ui_support::*;

fn ctrl(h: &mut Harness<'_, FabriqueApp>, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
    settle(h);
}

fn zoom(h: &Harness<'_, FabriqueApp>) -> f32 {
    h.ctx.zoom_factor()
}

/// The font egui draws proportional text in first.
fn interface_font(h: &Harness<'_, FabriqueApp>) -> String {
    h.ctx
        .fonts(|f| f.definitions().families[&egui::FontFamily::Proportional][0].clone())
}

#[test]
fn zoom_keys_change_the_interface_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), Language::French);
    assert_eq!(zoom(&h), 1.0);
    ctrl(&mut h, Key::Plus);
    assert_eq!(zoom(&h), 1.1);
    // Ctrl = too, as browsers allow (no Shift on an English keyboard).
    ctrl(&mut h, Key::Equals);
    assert_eq!(zoom(&h), 1.25);
    ctrl(&mut h, Key::Minus);
    ctrl(&mut h, Key::Minus);
    ctrl(&mut h, Key::Minus);
    assert_eq!(zoom(&h), 0.9);
    ctrl(&mut h, Key::Num0);
    assert_eq!(zoom(&h), 1.0);
    // While typing in a field, too.
    draw_rectangle(&mut h, (0.3, 0.3), (0.5, 0.5));
    h.get_by_role_and_label(egui::Role::TextInput, "Largeur (mm)")
        .click();
    settle(&mut h);
    assert!(h.ctx.egui_wants_keyboard_input());
    ctrl(&mut h, Key::Plus);
    assert_eq!(zoom(&h), 1.1);
}

#[test]
fn ctrl_0_leaves_the_canvas_and_home_fits_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), Language::French);
    let fitted = h.state().canvas().view.points_per_mm;
    // Zoom the canvas with the wheel over it.
    let centre = canvas_point(&h, 0.5, 0.5);
    h.event(egui::Event::PointerMoved(centre));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 200.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    // egui spreads a wheel turn over a few frames (smooth scrolling).
    for _ in 0..30 {
        h.step();
    }
    let zoomed = h.state().canvas().view.points_per_mm;
    assert!(zoomed > fitted * 1.2, "{fitted} → {zoomed}");
    ctrl(&mut h, Key::Num0);
    assert_eq!(h.state().canvas().view.points_per_mm, zoomed);
    h.key_press(Key::Home);
    settle(&mut h);
    let again = h.state().canvas().view.points_per_mm;
    assert!((again - fitted).abs() < 1e-9, "{fitted} vs {again}");
}

#[test]
fn size_font_and_contrast_chosen_in_the_display_window_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = app(dir.path(), Language::French);
        assert_eq!(interface_font(&h), "Andika");
        click(&mut h, "Affichage");
        assert!(h.state().appearance().panel_open);
        click(&mut h, "Plus grand");
        click(&mut h, "Plus grand");
        assert_eq!(zoom(&h), 1.25);
        h.get_by_label_contains("B612").click();
        settle(&mut h);
        click(&mut h, "Contraste élevé");
        assert_eq!(interface_font(&h), "B612");
        assert_eq!(
            h.ctx.style_of(egui::Theme::Light).visuals.panel_fill,
            egui::Color32::WHITE
        );
        click(&mut h, "Fermer");
        assert!(!h.state().appearance().panel_open);
    }
    let h = app(dir.path(), Language::French);
    let kept = h.state().appearance().current;
    assert_eq!(kept.zoom, 1.25);
    assert_eq!(kept.font, ReadingFont::B612);
    assert!(kept.high_contrast);
    assert_eq!(zoom(&h), 1.25);
    assert_eq!(interface_font(&h), "B612");
    assert_eq!(
        h.ctx.style_of(egui::Theme::Light).visuals.panel_fill,
        egui::Color32::WHITE
    );
    assert!(dir.path().join(appearance::FILE_NAME).is_file());
}

#[test]
fn escape_closes_the_display_window_and_the_calm_theme_comes_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app(dir.path(), Language::English);
    let calm = h.ctx.style_of(egui::Theme::Light).visuals.panel_fill;
    click(&mut h, "Display");
    click(&mut h, "High contrast");
    assert_ne!(h.ctx.style_of(egui::Theme::Light).visuals.panel_fill, calm);
    click(&mut h, "High contrast");
    assert_eq!(h.ctx.style_of(egui::Theme::Light).visuals.panel_fill, calm);
    h.get_by_label_contains("Ubuntu").click();
    settle(&mut h);
    assert_eq!(interface_font(&h), "Ubuntu-Light");
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(!h.state().appearance().panel_open);
}

#[test]
fn a_kiosk_visitor_s_choice_is_not_kept_and_next_person_starts_afresh() {
    let lab = ui_support::kiosk_lab::Lab::new();
    let mut h = lab.app(&lab.configure());
    ctrl(&mut h, Key::Plus);
    click(&mut h, "Display");
    click(&mut h, "High contrast");
    click(&mut h, "Close");
    assert_eq!(zoom(&h), 1.1);
    assert_eq!(
        h.ctx.style_of(egui::Theme::Light).visuals.panel_fill,
        egui::Color32::WHITE
    );
    assert!(!lab.path("data").join(appearance::FILE_NAME).exists());
    click(&mut h, "Next person");
    click(&mut h, "Yes, clear everything");
    settle(&mut h);
    assert_eq!(
        h.state().appearance().current,
        appearance::Appearance::default()
    );
    assert_eq!(zoom(&h), 1.0);
    assert_ne!(
        h.ctx.style_of(egui::Theme::Light).visuals.panel_fill,
        egui::Color32::WHITE
    );
}
