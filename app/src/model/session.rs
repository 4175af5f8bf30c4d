//! What the user is doing, as opposed to what they made: the selection, the
//! active tool, laser or 3D mode, the project's file. Not undoable, not part
//! of the document, kept for the whole session.

use std::path::PathBuf;

use geometry::ShapeId;

/// What the design is for: it changes what the properties mean and what
/// Export offers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Flat parts for the laser cutter: each shape has a role (cut, score, engrave).
    #[default]
    Laser,
    /// A solid for the 3D printer: each shape has a height and a base.
    Print3d,
}

/// The tools of the tool bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ToolKind {
    /// Click, shift-click, rubber band; move, resize and rotate with handles.
    #[default]
    Select,
    /// Drag from corner to corner.
    Rectangle,
    /// A rectangle with round corners.
    RoundedRectangle,
    /// Drag a box; Shift for a circle.
    Ellipse,
    /// Drag from the centre; the number of sides is in the properties.
    Polygon,
    /// Drag from the centre; points and inner ratio are in the properties.
    Star,
    /// Click where the text goes, then type it.
    Text,
    /// Draw freely; the line is smoothed into curves.
    Pencil,
    /// Place corners and pull curves, point by point.
    Pen,
}

impl ToolKind {
    /// Every tool, in tool bar order.
    pub const ALL: [ToolKind; 9] = [
        ToolKind::Select,
        ToolKind::Rectangle,
        ToolKind::RoundedRectangle,
        ToolKind::Ellipse,
        ToolKind::Polygon,
        ToolKind::Star,
        ToolKind::Text,
        ToolKind::Pencil,
        ToolKind::Pen,
    ];

    /// Translation key of the tool's name (`KEY-tooltip` for its tooltip).
    pub fn key(self) -> &'static str {
        match self {
            ToolKind::Select => "tool-select",
            ToolKind::Rectangle => "tool-rectangle",
            ToolKind::RoundedRectangle => "tool-rounded",
            ToolKind::Ellipse => "tool-ellipse",
            ToolKind::Polygon => "tool-polygon",
            ToolKind::Star => "tool-star",
            ToolKind::Text => "tool-text",
            ToolKind::Pencil => "tool-pencil",
            ToolKind::Pen => "tool-pen",
        }
    }

    /// The single-key shortcut shown in the tooltip (as in Inkscape: V/R/E…).
    pub fn key_shortcut(self) -> egui::Key {
        match self {
            ToolKind::Select => egui::Key::V,
            ToolKind::Rectangle => egui::Key::R,
            ToolKind::RoundedRectangle => egui::Key::U,
            ToolKind::Ellipse => egui::Key::E,
            ToolKind::Polygon => egui::Key::P,
            ToolKind::Star => egui::Key::S,
            ToolKind::Text => egui::Key::T,
            ToolKind::Pencil => egui::Key::F,
            ToolKind::Pen => egui::Key::B,
        }
    }
}

/// Settings the shape tools use for new shapes.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolSettings {
    /// Sides of new polygons.
    pub polygon_sides: u32,
    /// Points of new stars.
    pub star_points: u32,
    /// Notch radius over tip radius of new stars.
    pub star_inner_ratio: f64,
    /// Corner radius of new rounded rectangles, mm.
    pub corner_radius: f64,
    /// Font of new text.
    pub font: String,
    /// Size of new text, mm.
    pub text_size: f64,
    /// Distance of the Offset command, mm (negative shrinks).
    pub offset_distance: f64,
}

impl Default for ToolSettings {
    fn default() -> Self {
        Self {
            polygon_sides: 6,
            star_points: 5,
            star_inner_ratio: 0.5,
            corner_radius: 3.0,
            font: "Andika".to_owned(),
            text_size: 10.0,
            offset_distance: 2.0,
        }
    }
}

/// Session state: not saved in the project, not undone.
#[derive(Clone, Debug, Default)]
pub struct Session {
    /// Selected shapes, in the order they were picked.
    pub selection: Vec<ShapeId>,
    /// Active tool.
    pub tool: ToolKind,
    /// Laser or 3D printing.
    pub mode: Mode,
    /// Snap to the grid and to other shapes' edges and centres.
    pub snap: bool,
    /// Where the project was last saved or opened from.
    pub project_path: Option<PathBuf>,
    /// Settings of the shape tools.
    pub tool_settings: ToolSettings,
}

impl Session {
    /// A fresh session: select tool, laser mode, snapping on.
    pub fn new() -> Self {
        Self {
            snap: true,
            ..Self::default()
        }
    }

    /// The project's name for titles and default file names.
    pub fn project_name(&self) -> Option<String> {
        self.project_path
            .as_ref()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
    }
}
