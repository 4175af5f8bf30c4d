//! How the interface reads, shown and applied: the zoom keys, egui's
//! zoom factor, fonts ([`fonts`]) and colours ([`contrast`]) following
//! the person's choices ([`crate::model::appearance`]), and the "Display"
//! window ([`panel`]) where they are made.
//!
//! Ctrl 0 resets the interface's size, as in every browser and GNOME
//! application; "Fit to view" on the canvas moves to the Home key (as
//! Blender's "View All"), so the two never clash.
//!
//! Current limitations: the canvas (bed, grid, shapes) keeps its own
//! colours in the high-contrast theme; above 125 % on a 1366×768 screen the
//! window is smaller, in points, than the 1024×600 the layout is tested at,
//! so panels wrap and scroll more.

pub mod contrast;
pub mod fonts;
pub mod panel;

use egui::{Key, KeyboardShortcut, Modifiers};

pub use crate::model::appearance::{
    Appearance, AppearanceCommand, AppearanceSettings, DEFAULT_ZOOM, FILE_NAME, ReadingFont,
    ZOOM_STEPS,
};
use crate::model::command::Command;

/// Ctrl + (or Ctrl =, as browsers allow), Ctrl − and Ctrl 0, consumed
/// from the input: they work everywhere, even while typing in a field
/// or with a dialog open (a dialog too small to read is when one needs them).
pub fn pressed_zoom_keys(ctx: &egui::Context, current: Appearance) -> Option<Command> {
    let shortcut = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
    let wanted = ctx.input_mut(|input| {
        if input.consume_shortcut(&shortcut(Key::Num0)) {
            Some(Appearance {
                zoom: DEFAULT_ZOOM,
                ..current
            })
        } else if input.consume_shortcut(&shortcut(Key::Plus))
            || input.consume_shortcut(&shortcut(Key::Equals))
        {
            Some(current.zoomed_in())
        } else if input.consume_shortcut(&shortcut(Key::Minus)) {
            Some(current.zoomed_out())
        } else {
            None
        }
    })?;
    Some(Command::Appearance(AppearanceCommand::Set(wanted)))
}

/// Makes egui show `appearance`: the zoom at once, fonts and colours only
/// when they changed (rebuilding fonts is costly).
pub fn apply(ctx: &egui::Context, appearance: Appearance) {
    if (ctx.zoom_factor() - appearance.zoom).abs() > f32::EPSILON {
        ctx.set_zoom_factor(appearance.zoom);
    }
    let id = applied_id();
    let wanted = (appearance.font, appearance.high_contrast);
    if ctx.data(|d| d.get_temp::<(ReadingFont, bool)>(id)) == Some(wanted) {
        return;
    }
    ctx.set_fonts(fonts::definitions(appearance.font));
    let visuals = if appearance.high_contrast {
        contrast::high_contrast_visuals()
    } else {
        egui::Visuals::light()
    };
    ctx.set_visuals_of(egui::Theme::Light, visuals);
    ctx.data_mut(|d| d.insert_temp(id, wanted));
}

/// Where [`apply`] remembers what it last applied (font, high contrast).
fn applied_id() -> egui::Id {
    egui::Id::unique("fabrique_appearance_applied")
}

/// Whether the high-contrast theme is shown (the canvas paints to match).
pub fn high_contrast(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<(ReadingFont, bool)>(applied_id()))
        .is_some_and(|(_, high)| high)
}
