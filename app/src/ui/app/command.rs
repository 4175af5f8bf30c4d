//! What the window asks of the app besides editing the document: files,
//! dialogs' answers, tutorials, kiosk mode. With the document commands
//! ([`Command`]) these are everything that can change the app, and
//! [`super::FabriqueApp::handle`] is the one place they are carried out.

use std::path::PathBuf;

use geometry::Shape;
use geometry::finger_box::{BoxParams, Panel};

use crate::model::autosave::Recovered;
use crate::model::command::Command;
use crate::ui::dialogs::Pending;
use crate::ui::file_browser::Purpose;
use crate::ui::kiosk::panels::KioskAnswer;
use crate::ui::kiosk::strip::StripButton;
use crate::ui::quick::QuickKind;
use crate::ui::quick::dialog::PictureChoice;
use crate::ui::quick::shapes::{CoasterParams, NameParams};
use crate::ui::tutorial::coach::Ask;
use crate::ui::tutorial::start_screen::StartChoice;

/// One request to the app.
#[derive(Debug)]
pub enum AppCommand {
    /// A document, selection, tool, mode or menu command.
    Edit(Command),
    /// Open a project or import a drawing or picture from its path.
    OpenPath(PathBuf),
    /// Save the project to this path now (no question).
    SaveTo(PathBuf),
    /// Wait for the running job and apply its result (tests, scripts).
    WaitForJob,
    /// Wait for the lab check's worker (tests, scripts).
    WaitForCheck,
    /// Wait for the trace dialog's work, if it is open (tests, scripts).
    WaitForTrace,
    /// Write the autosave now, as after a few quiet seconds (tests, scripts).
    AutosaveNow,
    /// Close the tutorials' start screen without choosing.
    CloseStartScreen,
    /// Cancel the running job (the progress dialog's button).
    CancelJob,
    /// "Save" in the unsaved-changes question, then carry on.
    SaveThen(Pending),
    /// "Don't save" in the unsaved-changes question, then carry on.
    DiscardThen(Pending),
    /// Put the autosaved work back.
    Restore(Box<Recovered>),
    /// Keep the autosave aside and start afresh.
    SetAsideAutosave,
    /// Ask for a file for this purpose.
    ChooseFile(Purpose),
    /// A file was chosen in the built-in file dialog.
    FileChosen(Purpose, PathBuf),
    /// The tracer's shapes, to add.
    AddTraced(Vec<Shape>),
    /// The import's colour step answered: import the file with these choices.
    ImportColors(Box<crate::ui::import_colors::ColorChoice>),
    /// The laser export's "crop to the drawing" (else the page is the bed).
    SetExportCrop(bool),
    /// The box maker's panels, to add as one group.
    AddBox(Vec<Panel>, BoxParams),
    /// Open this sample picture (compiled in) in the tracer.
    OpenSample(String),
    /// Make this quick project from its form's answers.
    QuickName(QuickKind, NameParams),
    /// The coaster's picture was chosen: trace it into a coaster.
    QuickPicture(CoasterParams, PictureChoice),
    /// Show an error in a dialog.
    ShowError(String),
    /// The start screen's choice.
    Start(StartChoice),
    /// A coach card button.
    Coach(Ask),
    /// A kiosk bar button.
    KioskStrip(StripButton),
    /// A kiosk dialog's answer.
    Kiosk(KioskAnswer),
}

impl From<Command> for AppCommand {
    fn from(command: Command) -> Self {
        AppCommand::Edit(command)
    }
}
