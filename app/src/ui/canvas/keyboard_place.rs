//! Drawing without a mouse: with a shape tool chosen (keys R, U, E, P, S,
//! T), Enter places a new shape in the middle of the view, 30 mm across,
//! as if it had been dragged there (the text tool: clicked there). Its
//! exact size and place are then typed in the properties panel, so a
//! person who cannot use a mouse completes the tutorials too.
//!
//! Enter belongs to a focused widget first (it presses the button Tab
//! reached); only with nothing focused does it reach the canvas.
//!
//! Current limitations: the pencil and the pen draw only with a pointer.

use kurbo::{Point, Vec2};

use crate::ui::tools::{DrawState, PointerEvent, ToolState};

/// Width and height of a shape placed with Enter, mm: big enough to see
/// and to pick, small enough for every bed.
pub const SIZE_MM: f64 = 30.0;

/// `true` when Enter was pressed for the canvas: enabled (no dialog), no
/// text being typed, no widget holding the keyboard focus.
pub fn enter_for_canvas(ui: &egui::Ui) -> bool {
    ui.is_enabled()
        && !ui.ctx().egui_wants_keyboard_input()
        && ui.ctx().memory(|m| m.focused().is_none())
        && ui.input(|i| i.key_pressed(egui::Key::Enter) && !i.modifiers.any())
}

/// The pointer events that draw one shape around `center` with `tool`
/// (none for the pointer-only tools, or when a gesture is under way).
pub fn place_events(tool: &ToolState, center: Point) -> Vec<PointerEvent> {
    let half = Vec2::new(SIZE_MM / 2.0, SIZE_MM / 2.0);
    let at = |pos: Point| (pos, false, false);
    match tool {
        ToolState::Draw(_, DrawState::Idle) => {
            let ((from, shift, centre), (to, _, _)) = (at(center - half), at(center + half));
            vec![
                PointerEvent::Press {
                    pos: from,
                    shift,
                    centre,
                },
                PointerEvent::Drag {
                    pos: to,
                    shift,
                    centre,
                },
                PointerEvent::Release {
                    pos: to,
                    shift,
                    centre,
                },
            ]
        }
        ToolState::Text => vec![
            PointerEvent::Press {
                pos: center,
                shift: false,
                centre: false,
            },
            PointerEvent::Release {
                pos: center,
                shift: false,
                centre: false,
            },
        ],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::session::ToolKind;

    #[test]
    fn shape_tools_drag_a_square_around_the_centre_and_text_clicks_it() {
        let centre = Point::new(100.0, 50.0);
        let events = place_events(&ToolState::idle(ToolKind::Rectangle), centre);
        assert_eq!(events.len(), 3);
        assert!(
            matches!(events[0], PointerEvent::Press { pos, .. } if pos == Point::new(85.0, 35.0))
        );
        assert!(
            matches!(events[2], PointerEvent::Release { pos, .. } if pos == Point::new(115.0, 65.0))
        );
        let text = place_events(&ToolState::idle(ToolKind::Text), centre);
        assert!(matches!(text[0], PointerEvent::Press { pos, .. } if pos == centre));
        for pointer_only in [ToolKind::Select, ToolKind::Pencil, ToolKind::Pen] {
            assert!(place_events(&ToolState::idle(pointer_only), centre).is_empty());
        }
    }
}
