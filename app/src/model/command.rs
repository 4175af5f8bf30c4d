//! Every user action in one place (as rerun's `ui_command.rs`): buttons,
//! menus, keyboard shortcuts, tutorials and translations all share this list.
//!
//! [`Action`] is the fixed list with a label, a tooltip and a shortcut each;
//! [`Command`] adds the edits that carry data (a new shape, a drag's live
//! position). Widgets and tools only ever *emit* commands; the app applies
//! them at the end of the frame and records history.

use egui::{Key, KeyboardShortcut, Modifiers};
use geometry::{Shape, ShapeId};

use super::session::{Mode, ToolKind};
use crate::i18n::{I18n, Language};

/// A user action without data: one entry of the command list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Start an empty project.
    New,
    /// Open a `.fabrique` project.
    Open,
    /// Save the project (asks for a name the first time).
    Save,
    /// Save the project under a new name.
    SaveAs,
    /// Bring an SVG drawing into the project.
    Import,
    /// Write a file for the laser cutter or the 3D printer.
    Export,
    /// Undo the last change.
    Undo,
    /// Redo what was undone.
    Redo,
    /// Delete the selected shapes.
    Delete,
    /// Copy the selected shapes, slightly shifted.
    Duplicate,
    /// Select every shape.
    SelectAll,
    /// Merge the selected shapes into one.
    Union,
    /// Cut the front shapes out of the back one.
    Difference,
    /// Keep only where the selected shapes overlap.
    Intersection,
    /// Grow (or shrink) the selected shapes by the offset distance.
    Offset,
    /// Make the selected shapes one group: clicking one selects them all.
    Group,
    /// Take the selected shapes out of their groups.
    Ungroup,
    /// Move the selection one step to the front.
    BringForward,
    /// Move the selection one step to the back.
    SendBackward,
    /// Line up left edges.
    AlignLeft,
    /// Line up vertical centres.
    AlignCenter,
    /// Line up right edges.
    AlignRight,
    /// Line up top edges.
    AlignTop,
    /// Line up horizontal middles.
    AlignMiddle,
    /// Line up bottom edges.
    AlignBottom,
    /// Space the selection evenly from left to right.
    DistributeHorizontally,
    /// Space the selection evenly from bottom to top.
    DistributeVertically,
    /// Show the whole drawing and the machine's bed.
    FitView,
    /// Turn snapping to the grid and to other shapes on or off.
    ToggleSnap,
    /// Open the finger-joint box maker (laser).
    FingerBox,
    /// Open or close the lab check: is the design ready for the machine?
    Check,
}

impl Action {
    /// The whole list, in menu order.
    pub const ALL: [Action; 31] = [
        Action::New,
        Action::Open,
        Action::Save,
        Action::SaveAs,
        Action::Import,
        Action::Export,
        Action::Undo,
        Action::Redo,
        Action::Delete,
        Action::Duplicate,
        Action::SelectAll,
        Action::Union,
        Action::Difference,
        Action::Intersection,
        Action::Offset,
        Action::Group,
        Action::Ungroup,
        Action::BringForward,
        Action::SendBackward,
        Action::AlignLeft,
        Action::AlignCenter,
        Action::AlignRight,
        Action::AlignTop,
        Action::AlignMiddle,
        Action::AlignBottom,
        Action::DistributeHorizontally,
        Action::DistributeVertically,
        Action::FitView,
        Action::ToggleSnap,
        Action::FingerBox,
        Action::Check,
    ];

    /// The translation key of the label; the tooltip is `KEY-tooltip`.
    pub fn key(self) -> &'static str {
        match self {
            Action::New => "cmd-new",
            Action::Open => "cmd-open",
            Action::Save => "cmd-save",
            Action::SaveAs => "cmd-save-as",
            Action::Import => "cmd-import",
            Action::Export => "cmd-export",
            Action::Undo => "cmd-undo",
            Action::Redo => "cmd-redo",
            Action::Delete => "cmd-delete",
            Action::Duplicate => "cmd-duplicate",
            Action::SelectAll => "cmd-select-all",
            Action::Union => "cmd-union",
            Action::Difference => "cmd-difference",
            Action::Intersection => "cmd-intersection",
            Action::Offset => "cmd-offset",
            Action::Group => "cmd-group",
            Action::Ungroup => "cmd-ungroup",
            Action::BringForward => "cmd-bring-forward",
            Action::SendBackward => "cmd-send-backward",
            Action::AlignLeft => "cmd-align-left",
            Action::AlignCenter => "cmd-align-center",
            Action::AlignRight => "cmd-align-right",
            Action::AlignTop => "cmd-align-top",
            Action::AlignMiddle => "cmd-align-middle",
            Action::AlignBottom => "cmd-align-bottom",
            Action::DistributeHorizontally => "cmd-distribute-horizontally",
            Action::DistributeVertically => "cmd-distribute-vertically",
            Action::FitView => "cmd-fit-view",
            Action::ToggleSnap => "cmd-toggle-snap",
            Action::FingerBox => "box-button",
            Action::Check => "cmd-check",
        }
    }

    /// Translated label.
    pub fn label(self, i18n: &I18n) -> String {
        i18n.tr(self.key())
    }

    /// Translated tooltip, with the shortcut when there is one.
    pub fn tooltip(self, i18n: &I18n, ctx: &egui::Context) -> String {
        let text = i18n.tr(&format!("{}-tooltip", self.key()));
        match self.shortcuts().first() {
            Some(shortcut) => format!("{text} ({})", ctx.format_shortcut(shortcut)),
            None => text,
        }
    }

    /// Keyboard shortcuts, the main one first.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        let plain = |key| KeyboardShortcut::new(Modifiers::NONE, key);
        match self {
            Action::New => vec![command(Key::N)],
            Action::Open => vec![command(Key::O)],
            Action::Save => vec![command(Key::S)],
            Action::SaveAs => vec![command_shift(Key::S)],
            Action::Import => vec![command(Key::I)],
            Action::Export => vec![command(Key::E)],
            Action::Undo => vec![command(Key::Z)],
            Action::Redo => vec![command_shift(Key::Z), command(Key::Y)],
            Action::Delete => vec![plain(Key::Delete), plain(Key::Backspace)],
            Action::Duplicate => vec![command(Key::D)],
            Action::SelectAll => vec![command(Key::A)],
            Action::Group => vec![command(Key::G)],
            Action::Ungroup => vec![command_shift(Key::G)],
            Action::BringForward => vec![plain(Key::PageUp)],
            Action::SendBackward => vec![plain(Key::PageDown)],
            // Ctrl+0 resets the interface's size (see `appearance`).
            Action::FitView => vec![plain(Key::Home)],
            _ => Vec::new(),
        }
    }

    /// Whether the shortcut still works while a text field has the keyboard
    /// (Ctrl+S must save even while typing a size; Delete must not delete shapes).
    pub fn works_while_typing(self) -> bool {
        matches!(
            self,
            Action::New | Action::Open | Action::Save | Action::SaveAs | Action::Export
        )
    }
}

/// Everything the UI can ask the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// An action from the list.
    Action(Action),
    /// Add shapes at the front and select them.
    AddShapes(Vec<Shape>),
    /// Replace shapes that have the same ids (live edits during a gesture).
    UpdateShapes(Vec<Shape>),
    /// Make these shapes the selection.
    Select(Vec<ShapeId>),
    /// Start one undo step that lasts the whole gesture (a drag, a slider).
    BeginGesture,
    /// End the gesture: everything since [`Command::BeginGesture`] is one undo step.
    CommitGesture,
    /// Cancel the gesture (Esc): the document goes back to where it began.
    AbortGesture,
    /// Move the selection by (dx, dy) mm.
    Nudge { dx: f64, dy: f64 },
    /// Choose the active tool.
    SetTool(ToolKind),
    /// Change the settings of the shape tools (sides, points, offset distance…).
    SetToolSettings(super::session::ToolSettings),
    /// Choose the machine (stored in the document: it is part of the design).
    SetMachine(String),
    /// Switch between laser and 3D printing.
    SetMode(Mode),
    /// Switch the interface language.
    SetLanguage(Language),
    /// Apply a lab check's one-click fix (one undo step).
    ApplyFix(exporters::check::Fix),
    /// Show the tutorials' start screen.
    OpenTutorials,
    /// Show the coach card of the tutorial being followed again.
    ReopenCoach,
    /// Interface size, reading font, contrast, and the Display window.
    Appearance(super::appearance::AppearanceCommand),
}

impl From<Action> for Command {
    fn from(action: Action) -> Self {
        Command::Action(action)
    }
}

/// The actions whose shortcut was pressed this frame (consumed from the input).
pub fn pressed_shortcuts(ctx: &egui::Context) -> Vec<Action> {
    let typing = ctx.egui_wants_keyboard_input();
    // Longest modifier sets first: Ctrl+Shift+Z must not be read as Ctrl+Z.
    let mut entries: Vec<(Action, KeyboardShortcut)> = Action::ALL
        .iter()
        .filter(|action| !typing || action.works_while_typing())
        .flat_map(|action| action.shortcuts().into_iter().map(move |s| (*action, s)))
        .collect();
    entries.sort_by_key(|(_, s)| {
        std::cmp::Reverse(
            u8::from(s.modifiers.shift) + u8::from(s.modifiers.command) + u8::from(s.modifiers.alt),
        )
    });
    let mut pressed = Vec::new();
    ctx.input_mut(|input| {
        for (action, shortcut) in &entries {
            if input.consume_shortcut(shortcut) && !pressed.contains(action) {
                pressed.push(*action);
            }
        }
    });
    pressed
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn every_action_is_translated_with_a_tooltip() {
        for language in Language::ALL {
            let i18n = I18n::new(language);
            for action in Action::ALL {
                assert!(i18n.has(action.key()), "{language:?} {}", action.key());
                let tooltip = format!("{}-tooltip", action.key());
                assert!(i18n.has(&tooltip), "{language:?} {tooltip}");
            }
        }
    }
}
