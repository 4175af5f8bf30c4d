//! The window's icon (title bar, task bar, Alt+Tab), painted at start from
//! the shapes of the shipped `packaging/fr.fabrique.Fabrique.svg` — a name
//! keychain on the app's blue — with kurbo, anti-aliased by supersampling.
//! No picture file or SVG renderer is needed at run time, and
//! `tests/packaging.rs` checks the result against that SVG drawn by
//! rsvg-convert, so the two cannot drift apart.

use kurbo::{Affine, BezPath, Point, RoundedRect, Shape as _};

/// Width and height of the icon, pixels.
pub const SIZE: u32 = 64;

/// Samples per pixel along each axis (16 per pixel): smooth edges.
const SUPERSAMPLING: u32 = 4;

/// The SVG's own size: its shapes are in these units.
const SVG_SIZE: f64 = 256.0;

/// The SVG's colours.
const BLUE: [u8; 3] = [0x1f, 0x5f, 0xbf];
const WHITE: [u8; 3] = [0xff, 0xff, 0xff];
const ORANGE: [u8; 3] = [0xf0, 0x88, 0x3e];

/// The keychain's plate with its ring hole (even-odd), as in the SVG.
const PLATE: &str = "M 56 90 H 168 L 212 128 L 168 166 H 56 A 18 18 0 0 1 38 148 V 108 \
                     A 18 18 0 0 1 56 90 Z M 170 128 A 12 12 0 1 0 194 128 \
                     A 12 12 0 1 0 170 128 Z";

/// The icon for `ViewportBuilder::with_icon`.
pub fn icon() -> egui::IconData {
    let scene = Scene::new();
    let mut rgba = Vec::with_capacity((SIZE * SIZE * 4) as usize);
    let step = SVG_SIZE / f64::from(SIZE * SUPERSAMPLING);
    for y in 0..SIZE {
        for x in 0..SIZE {
            // Premultiplied sums, then straight alpha as egui wants.
            let mut sum = [0u32; 3];
            let mut covered = 0u32;
            for sy in 0..SUPERSAMPLING {
                for sx in 0..SUPERSAMPLING {
                    let point = Point::new(
                        (f64::from(x * SUPERSAMPLING + sx) + 0.5) * step,
                        (f64::from(y * SUPERSAMPLING + sy) + 0.5) * step,
                    );
                    if let Some(color) = scene.color_at(point) {
                        covered += 1;
                        for (s, c) in sum.iter_mut().zip(color) {
                            *s += u32::from(c);
                        }
                    }
                }
            }
            let straight = |s: u32| s.checked_div(covered).unwrap_or(0) as u8;
            let alpha = covered * 255 / (SUPERSAMPLING * SUPERSAMPLING);
            rgba.extend([
                straight(sum[0]),
                straight(sum[1]),
                straight(sum[2]),
                alpha as u8,
            ]);
        }
    }
    egui::IconData {
        rgba,
        width: SIZE,
        height: SIZE,
    }
}

/// The SVG's shapes, in its units (Y down).
struct Scene {
    background: RoundedRect,
    plate: BezPath,
    label: RoundedRect,
    /// From the SVG's units to the rotated group's (`rotate(-24 128 128)`
    /// undone), where the plate and the label are drawn.
    to_group: Affine,
}

impl Scene {
    fn new() -> Self {
        let centre = Point::new(128.0, 128.0);
        let rotation = Affine::rotate_about((-24.0_f64).to_radians(), centre);
        Self {
            background: RoundedRect::new(8.0, 8.0, 248.0, 248.0, 52.0),
            // A constant of this file: an error here is caught by the tests.
            plate: BezPath::from_svg(PLATE).unwrap_or_default(),
            label: RoundedRect::new(58.0, 114.0, 150.0, 142.0, 7.0),
            to_group: rotation.inverse(),
        }
    }

    /// The colour of the topmost shape at `point`, if any.
    fn color_at(&self, point: Point) -> Option<[u8; 3]> {
        let in_group = self.to_group * point;
        if self.label.contains(in_group) {
            Some(ORANGE)
        } else if self.plate.winding(in_group) % 2 != 0 {
            Some(WHITE)
        } else if self.background.contains(point) {
            Some(BLUE)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(icon: &egui::IconData, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * icon.width + x) * 4) as usize;
        [
            icon.rgba[i],
            icon.rgba[i + 1],
            icon.rgba[i + 2],
            icon.rgba[i + 3],
        ]
    }

    #[test]
    fn the_icon_has_its_corners_clear_and_its_keychain_in_the_middle() {
        let icon = icon();
        assert_eq!(icon.rgba.len(), (SIZE * SIZE * 4) as usize);
        assert!(BezPath::from_svg(PLATE).is_ok());
        // Rounded corners: transparent.
        assert_eq!(pixel(&icon, 0, 0)[3], 0);
        assert_eq!(pixel(&icon, SIZE - 1, SIZE - 1)[3], 0);
        // Blue near the top edge, away from the keychain.
        assert_eq!(pixel(&icon, SIZE / 2, 4), [BLUE[0], BLUE[1], BLUE[2], 255]);
        // The orange label in the middle of the (rotated) plate.
        let centre = Affine::rotate_about((-24.0_f64).to_radians(), Point::new(128.0, 128.0))
            * Point::new(104.0, 128.0);
        let (x, y) = ((centre.x / 4.0) as u32, (centre.y / 4.0) as u32);
        assert_eq!(pixel(&icon, x, y), [ORANGE[0], ORANGE[1], ORANGE[2], 255]);
    }
}
