//! The canvas's colours and line widths: the calm theme's, or the
//! high-contrast theme's (Display window, "Aa"). In high contrast the sheet
//! is pure white, the grid and the bed are dark enough to see, outlines are
//! half as thick again and every outline colour is deepened until it reaches
//! WCAG's 7:1 on the sheet — red stays red (cut), blue stays blue (score),
//! so the lab's colour code still reads.

use egui::Color32;

use crate::ui::appearance::contrast::{TEXT_RATIO, contrast_ratio};

/// How the canvas paints, for one theme.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ink {
    /// The sheet behind everything.
    pub paper: Color32,
    /// Grid lines every minor step.
    pub grid_minor: Color32,
    /// Grid lines every major step.
    pub grid_major: Color32,
    /// The bed's outline and its name.
    pub bed: Color32,
    /// Width of the bed's outline, points.
    pub bed_width: f32,
    /// The rulers' background.
    pub ruler_fill: Color32,
    /// The rulers' ticks and numbers.
    pub ruler_ink: Color32,
    /// Width of a shape's outline, points.
    pub outline_width: f32,
    /// Width of a selected shape's outline, points.
    pub selected_width: f32,
    high_contrast: bool,
}

impl Ink {
    /// The ink of a dark or light theme, calm or high-contrast.
    pub fn of(dark: bool, high_contrast: bool) -> Self {
        if high_contrast {
            // The high-contrast theme is light (engraved black must show).
            return Self {
                paper: Color32::WHITE,
                grid_minor: Color32::from_gray(228),
                grid_major: Color32::from_gray(150),
                bed: Color32::from_rgb(0, 51, 153),
                bed_width: 3.0,
                ruler_fill: Color32::WHITE,
                ruler_ink: Color32::BLACK,
                outline_width: 2.25,
                selected_width: 3.5,
                high_contrast,
            };
        }
        let gray =
            |light: u8, dark_gray: u8| Color32::from_gray(if dark { dark_gray } else { light });
        Self {
            paper: gray(250, 30),
            grid_minor: gray(232, 45),
            grid_major: gray(205, 65),
            bed: Color32::from_rgb(60, 120, 200),
            bed_width: 2.0,
            ruler_fill: gray(238, 40),
            ruler_ink: gray(70, 200),
            outline_width: 1.5,
            selected_width: 2.5,
            high_contrast,
        }
    }

    /// `colour` as an outline on this ink's paper: unchanged in the calm
    /// theme, deepened (same hue) to 7:1 on white in high contrast.
    pub fn outline(&self, colour: Color32) -> Color32 {
        if !self.high_contrast {
            return colour;
        }
        let mut deeper = colour;
        let mut factor = 1.0_f32;
        while contrast_ratio(deeper, self.paper) < TEXT_RATIO && factor > 0.0 {
            factor -= 0.05;
            let scale = |c: u8| (f32::from(c) * factor.max(0.0)).round() as u8;
            deeper = Color32::from_rgb(scale(colour.r()), scale(colour.g()), scale(colour.b()));
        }
        deeper
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::canvas::paint::role_color;

    #[test]
    fn high_contrast_outlines_reach_seven_to_one_and_keep_their_hue() {
        let ink = Ink::of(false, true);
        for role in [
            geometry::LaserRole::Cut,
            geometry::LaserRole::Score,
            geometry::LaserRole::Engrave,
        ] {
            let calm = role_color(role);
            let deep = ink.outline(calm);
            assert!(
                contrast_ratio(deep, ink.paper) >= TEXT_RATIO,
                "{role:?}: {deep:?}"
            );
            // The strongest channel stays the strongest: red stays red.
            let strongest = |c: Color32| {
                let v = [c.r(), c.g(), c.b()];
                (0..3).max_by_key(|&k| v[k]).unwrap_or(0)
            };
            assert_eq!(strongest(deep), strongest(calm), "{role:?}");
        }
        let teal = Color32::from_rgb(0, 130, 120);
        assert!(contrast_ratio(ink.outline(teal), Color32::WHITE) >= TEXT_RATIO);
    }

    #[test]
    fn the_calm_theme_leaves_colours_alone_and_high_contrast_is_bolder() {
        let calm = Ink::of(false, false);
        let red = Color32::from_rgb(220, 30, 30);
        assert_eq!(calm.outline(red), red);
        let bold = Ink::of(false, true);
        assert!(bold.outline_width > calm.outline_width);
        assert!(
            contrast_ratio(bold.grid_major, bold.paper)
                > contrast_ratio(calm.grid_major, calm.paper)
        );
        assert!(contrast_ratio(bold.bed, bold.paper) >= TEXT_RATIO);
    }
}
