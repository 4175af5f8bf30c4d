//! The high-contrast theme: black text on white, every widget framed in
//! black, the selection white on dark blue. Measured, not guessed: every
//! text colour reaches WCAG's AAA ratio (7:1) on what it is drawn on, and
//! every widget's frame the 3:1 that WCAG asks of the edges of controls.
//! A light theme, like the calm one: engraved (black) shapes must show on
//! the canvas's white sheet.

use egui::{Color32, Stroke, Visuals};

/// WCAG's AAA contrast for text.
pub const TEXT_RATIO: f32 = 7.0;

/// WCAG's contrast for the edges of controls (non-text content).
pub const EDGE_RATIO: f32 = 3.0;

/// Dark blue behind selected items and text.
const SELECTION: Color32 = Color32::from_rgb(0, 51, 153);
/// Dark red: errors.
const ERROR: Color32 = Color32::from_rgb(170, 0, 0);
/// Dark brown-orange: warnings (orange itself is too light on white).
const WARNING: Color32 = Color32::from_rgb(125, 65, 0);

/// The high-contrast visuals (built on egui's light theme).
pub fn high_contrast_visuals() -> Visuals {
    let mut v = Visuals::light();
    let frame = |width: f32| Stroke::new(width, Color32::BLACK);
    v.panel_fill = Color32::WHITE;
    v.window_fill = Color32::WHITE;
    v.window_stroke = frame(2.0);
    v.extreme_bg_color = Color32::WHITE;
    v.text_edit_bg_color = Some(Color32::WHITE);
    v.faint_bg_color = Color32::from_gray(235);
    v.code_bg_color = Color32::from_gray(235);
    v.weak_text_color = Some(Color32::from_gray(40));
    v.hyperlink_color = SELECTION;
    v.error_fg_color = ERROR;
    v.warn_fg_color = WARNING;
    // Disabled widgets stay readable (egui halves their colours).
    v.disabled_alpha = 0.75;
    v.selection.bg_fill = SELECTION;
    v.selection.stroke = Stroke::new(2.0, Color32::WHITE);
    let widgets = &mut v.widgets;
    widgets.noninteractive.bg_stroke = frame(1.0);
    widgets.noninteractive.fg_stroke = frame(1.0);
    widgets.noninteractive.bg_fill = Color32::WHITE;
    for (visuals, fill, width) in [
        (&mut widgets.inactive, 240, 1.5),
        (&mut widgets.hovered, 215, 2.5),
        (&mut widgets.active, 190, 2.5),
        (&mut widgets.open, 215, 2.0),
    ] {
        visuals.bg_fill = Color32::from_gray(fill);
        visuals.weak_bg_fill = Color32::from_gray(fill);
        visuals.bg_stroke = frame(width);
        visuals.fg_stroke = frame(width.max(1.5));
    }
    v
}

/// WCAG's relative luminance of an sRGB colour (alpha ignored).
pub fn luminance(color: Color32) -> f32 {
    let channel = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.040_45 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(color.r()) + 0.7152 * channel(color.g()) + 0.0722 * channel(color.b())
}

/// A premultiplied colour painted over an opaque one, as egui blends.
pub fn over(fg: Color32, bg: Color32) -> Color32 {
    let keep = 1.0 - f32::from(fg.a()) / 255.0;
    let mix = |f: u8, b: u8| (f32::from(f) + f32::from(b) * keep).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(fg.r(), bg.r()),
        mix(fg.g(), bg.g()),
        mix(fg.b(), bg.b()),
    )
}

/// WCAG's contrast ratio of two colours, 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Each pair of (what is drawn, what it is drawn on) that must reach
/// `ratio`, named for a failure's message: texts at [`TEXT_RATIO`], then
/// widget edges at [`EDGE_RATIO`].
pub fn pairs(v: &Visuals) -> Vec<(&'static str, Color32, Color32, f32)> {
    let w = &v.widgets;
    vec![
        ("text on panel", v.text_color(), v.panel_fill, TEXT_RATIO),
        ("text on window", v.text_color(), v.window_fill, TEXT_RATIO),
        ("weak text", v.weak_text_color(), v.panel_fill, TEXT_RATIO),
        ("error", v.error_fg_color, v.panel_fill, TEXT_RATIO),
        ("warning", v.warn_fg_color, v.panel_fill, TEXT_RATIO),
        ("link", v.hyperlink_color, v.panel_fill, TEXT_RATIO),
        (
            "field text",
            v.text_color(),
            v.text_edit_bg_color(),
            TEXT_RATIO,
        ),
        (
            "button",
            w.inactive.text_color(),
            w.inactive.weak_bg_fill,
            TEXT_RATIO,
        ),
        (
            "hovered button",
            w.hovered.text_color(),
            w.hovered.weak_bg_fill,
            TEXT_RATIO,
        ),
        (
            "pressed button",
            w.active.text_color(),
            w.active.weak_bg_fill,
            TEXT_RATIO,
        ),
        (
            "selected",
            v.selection.stroke.color,
            v.selection.bg_fill,
            TEXT_RATIO,
        ),
        (
            "disabled button",
            over(v.disable(w.inactive.text_color()), w.inactive.weak_bg_fill),
            w.inactive.weak_bg_fill,
            EDGE_RATIO,
        ),
        (
            "button edge",
            w.inactive.bg_stroke.color,
            v.panel_fill,
            EDGE_RATIO,
        ),
        (
            "separator",
            w.noninteractive.bg_stroke.color,
            v.panel_fill,
            EDGE_RATIO,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21_and_a_colour_on_itself_is_1() {
        let ratio = contrast_ratio(Color32::BLACK, Color32::WHITE);
        assert!((ratio - 21.0).abs() < 0.01, "{ratio}");
        let same = contrast_ratio(Color32::from_gray(120), Color32::from_gray(120));
        assert!((same - 1.0).abs() < 1e-6);
        // WCAG's own example: #767676 on white is just above 4.5.
        let grey = contrast_ratio(Color32::from_gray(0x76), Color32::WHITE);
        assert!((4.5..4.6).contains(&grey), "{grey}");
    }

    #[test]
    fn every_text_and_edge_of_the_high_contrast_theme_is_readable() {
        for (what, fg, bg, ratio) in pairs(&high_contrast_visuals()) {
            let measured = contrast_ratio(fg, bg);
            eprintln!("high contrast: {what} {measured:.2} (at least {ratio})");
            assert!(measured >= ratio, "{what}: {measured:.2} < {ratio}");
        }
    }

    #[test]
    fn the_calm_theme_is_not_high_contrast() {
        // The measure tells the themes apart: egui's light theme misses
        // several of the high-contrast theme's targets.
        let missed: Vec<String> = pairs(&Visuals::light())
            .into_iter()
            .filter(|(_, fg, bg, ratio)| contrast_ratio(*fg, *bg) < *ratio)
            .map(|(what, fg, bg, _)| format!("{what} {:.2}", contrast_ratio(fg, bg)))
            .collect();
        eprintln!("egui's light theme misses: {missed:?}");
        assert!(missed.len() >= 2, "{missed:?}");
    }
}
