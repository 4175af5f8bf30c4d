//! Drawing without a mouse: with a shape tool chosen (keys R, U, E, P, S,
//! T), Enter does what a click in the middle of the view does — a 20 mm
//! shape centred there, or a text — through the tool's own grammar. Its
//! exact size and place are then typed in the properties panel, so a
//! person who cannot use a mouse completes the tutorials too.
//!
//! Enter belongs to a focused widget first (it presses the button Tab
//! reached); only with nothing focused does it reach the canvas.
//!
//! Current limitations: the pencil and the pen draw only with a pointer.

use kurbo::Point;

use crate::ui::tools::{DrawState, PointerEvent, ToolState};

/// `true` when Enter was pressed for the canvas: enabled (no dialog), no
/// text being typed, no widget holding the keyboard focus.
pub fn enter_for_canvas(ui: &egui::Ui) -> bool {
    ui.is_enabled()
        && !ui.ctx().egui_wants_keyboard_input()
        && ui.ctx().memory(|m| m.focused().is_none())
        && ui.input(|i| i.key_pressed(egui::Key::Enter) && !i.modifiers.any())
}

/// The pointer events of a click at `center` for the shape and text tools
/// (none for the pointer-only tools, or when a gesture is under way).
pub fn place_events(tool: &ToolState, center: Point) -> Vec<PointerEvent> {
    match tool {
        ToolState::Draw(_, DrawState::Idle) | ToolState::Text => vec![
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
    use crate::model::session::ToolKind;

    #[test]
    fn shape_and_text_tools_click_the_centre_and_pointer_tools_do_nothing() {
        let centre = Point::new(100.0, 50.0);
        for tool in [ToolKind::Rectangle, ToolKind::Star, ToolKind::Text] {
            let events = place_events(&ToolState::idle(tool), centre);
            assert_eq!(events.len(), 2, "{tool:?}");
            assert!(matches!(events[0], PointerEvent::Press { pos, .. } if pos == centre));
            assert!(matches!(events[1], PointerEvent::Release { pos, .. } if pos == centre));
        }
        for pointer_only in [ToolKind::Select, ToolKind::Pencil, ToolKind::Pen] {
            assert!(place_events(&ToolState::idle(pointer_only), centre).is_empty());
        }
    }
}
