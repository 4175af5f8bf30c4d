//! Quick projects for a one-hour workshop, offered on the start screen
//! beside the tutorials: a name keychain to 3D print, a name badge for the
//! laser, a coaster engraved with a picture. Each is a small form (the
//! name already has the keyboard, one big "Create" button) that builds
//! ordinary shapes through [`crate::model::command::Command::AddShapes`]:
//! once made, they are edited like any drawing, and the Export button
//! pulses until the file is written.
//!
//! - [`dialog`]: the form of each project.
//! - [`shapes`]: the shapes a project's answers make (pure functions).
//!
//! Current limitations: a project is made once from its form; changing the
//! name afterwards means editing the text shape (the plate does not follow).

pub mod dialog;
pub mod shapes;

use crate::model::session::Mode;

/// The quick projects, in start-screen order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuickKind {
    /// A name raised on a rounded plate with a ring hole, for the 3D printer.
    Keychain,
    /// A name engraved on a cut plate, for the laser.
    Badge,
    /// A round coaster engraved with a traced picture, for the laser.
    Coaster,
}

impl QuickKind {
    /// Every quick project, in start-screen order.
    pub const ALL: [QuickKind; 3] = [QuickKind::Keychain, QuickKind::Badge, QuickKind::Coaster];

    /// The machine kind the project is made for.
    pub fn mode(self) -> Mode {
        match self {
            QuickKind::Keychain => Mode::Print3d,
            QuickKind::Badge | QuickKind::Coaster => Mode::Laser,
        }
    }

    /// The machine used by someone who never chose one of that kind.
    pub fn fallback_machine(self) -> &'static str {
        match self {
            QuickKind::Keychain => "prusa-mk4",
            QuickKind::Badge | QuickKind::Coaster => "generic-laser",
        }
    }

    /// Short name used in translation keys and file names.
    pub fn id(self) -> &'static str {
        match self {
            QuickKind::Keychain => "porte-cles",
            QuickKind::Badge => "badge",
            QuickKind::Coaster => "dessous-de-verre",
        }
    }

    /// Translation key of the project's title.
    pub fn title_key(self) -> &'static str {
        match self {
            QuickKind::Keychain => "quick-keychain",
            QuickKind::Badge => "quick-badge",
            QuickKind::Coaster => "quick-coaster",
        }
    }
}

/// The quick projects' part of the app's state.
#[derive(Debug, Default)]
pub struct QuickState {
    /// The project last made, until the next New or tutorial: it names
    /// the exported file (`porte-cles-lea.stl`).
    pub made: Option<QuickKind>,
    /// The Export button pulses: a project was made and not exported yet.
    pub point_at_export: bool,
    /// A coaster waiting for its picture (the file dialog or the tracer is
    /// open); the traced shapes become the coaster's engraving.
    pub coaster_waiting: Option<shapes::CoasterParams>,
}

/// Draws the pulsing frame around Export while a quick project waits to
/// be exported (the same frame the tutorials use).
pub fn paint_export_hint(ctx: &egui::Context, quick: &QuickState) {
    if !quick.point_at_export {
        return;
    }
    if let Some(rect) = super::tutorial::targets::rect(ctx, "cmd-export") {
        super::tutorial::targets::paint(ctx, rect);
    }
}
