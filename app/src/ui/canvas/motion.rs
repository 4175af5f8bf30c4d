//! Quick drawing while the view moves. On a laptop without a GPU, Mesa's
//! llvmpipe spends most of a frame rasterising triangles; while the user
//! pans or zooms, the canvas leaves out the tinted fills and egui's
//! anti-aliasing fringes (which double every line's triangles), and puts
//! them back [`SETTLE`] after the view stops — as the 3D preview draws a
//! coarse copy while it turns. Measured with `examples/editor_bench`
//! (README, Performance): panning 10,000 segments went from about 22 ms
//! between frames to about 12 ms.
//!
//! Current limitations: anti-aliasing is a setting of the whole window, so
//! the panels' edges are not smoothed either during the motion.

use std::time::Duration;

use kurbo::Point;

use super::view::View;

/// How long after the last move the full drawing comes back, seconds.
pub const SETTLE: f64 = 0.15;

/// Whether the view is moving, from one frame to the next.
#[derive(Debug, Default)]
pub struct Motion {
    last: Option<(Point, f64)>,
    until: Option<f64>,
    quick: bool,
}

impl Motion {
    /// Notes this frame's view; `true` while it moved less than
    /// [`SETTLE`] ago (draw quickly). Switches anti-aliasing off while it
    /// or something `elsewhere` in the window moves (the 3D preview
    /// turning), and asks for the frame that draws everything again.
    pub fn update(&mut self, ctx: &egui::Context, view: &View, elsewhere: bool) -> bool {
        let now = ctx.input(|i| i.time);
        let key = (view.center_doc, view.points_per_mm);
        if self.last.is_some_and(|last| last != key) {
            self.until = Some(now + SETTLE);
        }
        self.last = Some(key);
        let moving = self.until.is_some_and(|until| now < until);
        let quick = moving || elsewhere;
        if quick != self.quick {
            ctx.tessellation_options_mut(|o| o.feathering = !quick);
            self.quick = quick;
        }
        if let Some(until) = self.until.filter(|_| moving) {
            ctx.request_repaint_after(Duration::from_secs_f64((until - now).max(0.0)));
        }
        moving
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn frame(ctx: &egui::Context, time: f64, motion: &mut Motion, view: &View) -> bool {
        let input = egui::RawInput {
            time: Some(time),
            ..Default::default()
        };
        let mut moving = false;
        let mut output = ctx.run_ui(input, |ui| moving = motion.update(ui.ctx(), view, false));
        // No renderer here: the font texture's upload is dropped on purpose.
        output.textures_delta.clear();
        moving
    }

    #[test]
    fn quick_while_moving_and_full_once_still() {
        let ctx = egui::Context::default();
        let mut motion = Motion::default();
        let mut view = View::default();
        assert!(!frame(&ctx, 0.0, &mut motion, &view));
        view.pan(egui::vec2(5.0, 0.0));
        assert!(frame(&ctx, 0.02, &mut motion, &view));
        assert!(!ctx.tessellation_options(|o| o.feathering));
        // Still, but not for long enough yet.
        assert!(frame(&ctx, 0.1, &mut motion, &view));
        assert!(!frame(&ctx, 0.02 + SETTLE + 0.01, &mut motion, &view));
        assert!(ctx.tessellation_options(|o| o.feathering));
    }

    #[test]
    fn the_preview_turning_drops_anti_aliasing_but_not_the_fills() {
        let ctx = egui::Context::default();
        let mut motion = Motion::default();
        let view = View::default();
        let mut run = |elsewhere| {
            let mut moving = false;
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                moving = motion.update(ui.ctx(), &view, elsewhere)
            });
            output.textures_delta.clear();
            moving
        };
        assert!(!run(true), "the canvas itself is still: fills stay");
        assert!(!ctx.tessellation_options(|o| o.feathering));
        assert!(!run(false));
        assert!(ctx.tessellation_options(|o| o.feathering));
    }
}
