//! Tools as state machines (as Graphite's tools): each is an enum of states
//! and one `transition(state, event) -> (state, commands)`, with a translated
//! hint per state so the status line always says what to do next.
//!
//! Tools see pointer events already converted to document millimetres and
//! never touch the document: they emit [`Command`]s.

mod draw;
mod pen;
mod pencil;
mod select;
pub mod snap;

use geometry::{Document, Shape, ShapeId};
use kurbo::{Point, Rect};

pub use draw::{DrawState, Grammar, build_shape};
pub use pen::PenState;
pub use pencil::PencilState;
pub use select::{Handle, SelectState, handles};

use crate::model::command::Command;
use crate::model::session::{ToolKind, ToolSettings};
use snap::Snapper;

/// A pointer event in document space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PointerEvent {
    /// Primary button went down.
    Press {
        pos: Point,
        shift: bool,
        centre: bool,
    },
    /// The pointer moved with the button down.
    Drag {
        pos: Point,
        shift: bool,
        centre: bool,
    },
    /// The button came up.
    Release {
        pos: Point,
        shift: bool,
        centre: bool,
    },
    /// Esc: cancel the current gesture.
    Cancel,
    /// Enter or double-click: finish what is being drawn (the pen's open line).
    Finish,
}

/// What a tool may read to decide.
pub struct ToolContext<'a> {
    /// The document as it is now.
    pub document: &'a Document,
    /// The current selection.
    pub selection: &'a [ShapeId],
    /// Settings for new shapes.
    pub settings: &'a ToolSettings,
    /// How far from an outline or handle a click still picks it, mm.
    pub pick_radius_mm: f64,
    /// Where the rotation handle sits above the selection, mm.
    pub rotate_handle_mm: f64,
    /// Snapping, when on.
    pub snapper: Option<Snapper>,
    /// Text of a new text shape, in the user's language.
    pub default_text: &'a str,
}

/// The state of whichever tool is active.
#[derive(Clone, Debug, PartialEq)]
pub enum ToolState {
    /// The select tool.
    Select(SelectState),
    /// A shape tool (rectangle, rounded rectangle, ellipse, polygon, star).
    Draw(ToolKind, DrawState),
    /// The text tool: one click places a text.
    Text,
    /// The freehand pencil.
    Pencil(PencilState),
    /// The pen: corners and curves.
    Pen(PenState),
}

impl ToolState {
    /// The idle state of `tool`.
    pub fn idle(tool: ToolKind) -> Self {
        match tool {
            ToolKind::Select => ToolState::Select(SelectState::Idle),
            ToolKind::Text => ToolState::Text,
            ToolKind::Pencil => ToolState::Pencil(PencilState::Idle),
            ToolKind::Pen => ToolState::Pen(PenState::Idle),
            shape => ToolState::Draw(shape, DrawState::Idle),
        }
    }

    /// `true` when no gesture is going on.
    pub fn is_idle(&self) -> bool {
        matches!(
            self,
            ToolState::Select(SelectState::Idle)
                | ToolState::Draw(_, DrawState::Idle)
                | ToolState::Pencil(PencilState::Idle)
                | ToolState::Pen(PenState::Idle)
                | ToolState::Text
        )
    }

    /// The next state and the commands for `event`.
    pub fn transition(self, event: PointerEvent, ctx: &ToolContext) -> (Self, Vec<Command>) {
        match self {
            ToolState::Select(state) => {
                let (state, commands) = select::transition(state, event, ctx);
                (ToolState::Select(state), commands)
            }
            ToolState::Draw(tool, state) => {
                let (state, commands) = draw::transition(tool, state, event, ctx);
                (ToolState::Draw(tool, state), commands)
            }
            ToolState::Pencil(state) => {
                let (state, commands) = pencil::transition(state, event, ctx);
                (ToolState::Pencil(state), commands)
            }
            ToolState::Pen(state) => {
                let (state, commands) = pen::transition(state, event, ctx);
                (ToolState::Pen(state), commands)
            }
            ToolState::Text => (ToolState::Text, text_transition(event, ctx)),
        }
    }

    /// Translation key of the hint for this state.
    pub fn hint_key(&self, has_selection: bool) -> &'static str {
        match self {
            ToolState::Select(SelectState::Idle) if has_selection => "hint-select-selected",
            ToolState::Select(SelectState::Idle) => "hint-select-idle",
            ToolState::Select(SelectState::Moving { .. }) => "hint-select-moving",
            ToolState::Select(SelectState::Resizing { .. }) => "hint-select-resizing",
            ToolState::Select(SelectState::Rotating { .. }) => "hint-select-rotating",
            ToolState::Select(SelectState::RubberBand { .. }) => "hint-select-rubber-band",
            ToolState::Draw(_, DrawState::Idle) => "hint-draw-first-corner",
            ToolState::Draw(_, DrawState::Dragging { .. }) => "hint-draw-second-corner",
            ToolState::Text => "hint-text-place",
            ToolState::Pencil(PencilState::Idle) => "hint-pencil-idle",
            ToolState::Pencil(PencilState::Drawing { .. }) => "hint-pencil-drawing",
            ToolState::Pen(PenState::Idle) => "hint-pen-idle",
            ToolState::Pen(PenState::Placing { .. }) => "hint-pen-placing",
        }
    }

    /// The shape being drawn, to show before it is added.
    pub fn preview(&self, settings: &ToolSettings) -> Option<Shape> {
        match self {
            ToolState::Draw(
                tool,
                DrawState::Dragging {
                    start,
                    current,
                    shift,
                    centre,
                },
            ) => build_shape(
                *tool,
                *start,
                *current,
                Grammar {
                    square: *shift,
                    from_centre: *centre,
                },
                settings,
            ),
            ToolState::Pencil(PencilState::Drawing { points }) => pencil::preview(points),
            ToolState::Pen(PenState::Placing { points, .. }) => pen::shape(points, false),
            _ => None,
        }
    }

    /// The rubber band rectangle, if one is being dragged.
    pub fn rubber_band(&self) -> Option<Rect> {
        match self {
            ToolState::Select(SelectState::RubberBand { start, current, .. }) => {
                Some(Rect::from_points(*start, *current))
            }
            _ => None,
        }
    }
}

/// How far letters put on a shape stand above it in 3D, mm: felt by a
/// finger and printed in a few layers.
pub const TEXT_RISE_MM: f64 = 1.5;

/// The text tool: a click on a shape centres the text on it (a name on a
/// keychain's plate lands in the middle, not sticking out where the
/// pointer happened to be) and raises it 1.5 mm above the shape's top; a
/// click elsewhere starts the text there.
fn text_transition(event: PointerEvent, ctx: &ToolContext) -> Vec<Command> {
    let PointerEvent::Press { pos, .. } = event else {
        return Vec::new();
    };
    let text = Shape::new(geometry::ShapeKind::Text {
        text: ctx.default_text.to_owned(),
        font: ctx.settings.font.clone(),
        size: ctx.settings.text_size,
    });
    let clicked = select::shape_at(ctx.document, pos, ctx.pick_radius_mm)
        .and_then(|id| ctx.document.shapes.iter().find(|s| s.id == id));
    let mut text = text;
    if let Some(plate) = clicked.filter(|s| !s.extrusion.hole && s.is_filled()) {
        // In 3D the letters stand on what they were put on, proud enough
        // to feel and to print, whatever that plate's thickness.
        text.extrusion.height = plate.extrusion.base + plate.extrusion.height + TEXT_RISE_MM;
    }
    let on_shape = clicked.and_then(|shape| geometry::transform::shapes_bounds([shape]));
    let at = match (on_shape, geometry::transform::shapes_bounds([&text])) {
        (Some(target), Some(own)) => target.center() - own.center().to_vec2(),
        _ => ctx.snapper.as_ref().map_or(pos, |s| s.point(pos)),
    };
    vec![
        Command::AddShapes(vec![text.translated(at.x, at.y)]),
        Command::SetTool(ToolKind::Select),
    ]
}
