//! The quick projects' moves: starting one (an empty document in its mode
//! and machine, its form open), making its shapes, and turning the next
//! traced picture into a coaster.

use super::FabriqueApp;
use crate::model::command::Command;
use crate::model::machines::MachineView;
use crate::ui::dialogs::{Dialog, Pending};
use crate::ui::file_browser::Purpose;
use crate::ui::quick::dialog::{PictureChoice, QuickDialog};
use crate::ui::quick::shapes::{self, CoasterParams, NameParams};
use crate::ui::quick::{QuickKind, QuickState};

impl FabriqueApp {
    /// Starts quick project `kind` on an empty document (unsaved changes
    /// were dealt with by the caller) and opens its form.
    pub(crate) fn start_quick(&mut self, kind: QuickKind) {
        self.tutorials.active = None;
        self.tutorials.start_screen_open = false;
        self.begin_in_mode(kind.mode(), kind.fallback_machine());
        self.quick = QuickState::default();
        let decimal = self.i18n.decimal_separator();
        self.dialog = Some(Dialog::Quick(Box::new(QuickDialog::new(kind, decimal))));
    }

    /// The middle of the machine's bed, where a project is made.
    fn bed_centre(&self) -> kurbo::Point {
        let machine = self.machine();
        kurbo::Point::new(machine.width() / 2.0, machine.depth() / 2.0)
    }

    /// Adds a project's shapes in one undo step, shows them, and points at
    /// Export.
    fn add_project(&mut self, kind: QuickKind, shapes: Vec<geometry::Shape>) {
        let made = geometry::transform::shapes_bounds(&shapes);
        self.handle(Command::AddShapes(shapes));
        self.handle(Command::SetTool(crate::model::session::ToolKind::Select));
        self.canvas.show_requested = made;
        self.quick.made = Some(kind);
        self.quick.point_at_export = true;
        let text = self.i18n.tr(&format!("{}-made", kind.title_key()));
        self.show_info(text);
    }

    /// Makes the keychain or the badge from its form's answers.
    pub(crate) fn make_name_project(&mut self, kind: QuickKind, params: &NameParams) {
        let centre = self.bed_centre();
        let made = match kind {
            QuickKind::Keychain => shapes::keychain(params, centre),
            QuickKind::Badge => shapes::badge(params, centre),
            // The coaster's form asks for a picture, never a name.
            QuickKind::Coaster => return,
        };
        match made {
            Some(shapes) => self.add_project(kind, shapes),
            None => self.show_error(self.i18n.tr("quick-error-no-name")),
        }
    }

    /// The coaster's picture was chosen: open it in the tracer (a sample at
    /// once, one's own through the file dialog); its shapes make the coaster.
    pub(crate) fn coaster_picture(&mut self, params: CoasterParams, choice: PictureChoice) {
        self.quick.coaster_waiting = Some(params);
        match choice {
            PictureChoice::Sample(name) => self.open_sample(name),
            PictureChoice::File => self.pick(Purpose::Import),
        }
    }

    /// Makes the waiting coaster from the traced picture; `false` when no
    /// coaster waits (the shapes are then an ordinary import).
    pub(crate) fn make_coaster(&mut self, traced: &[geometry::Shape]) -> bool {
        let Some(params) = self.quick.coaster_waiting.take() else {
            return false;
        };
        match shapes::coaster(traced, params, self.bed_centre()) {
            Some(coaster) => {
                self.add_project(QuickKind::Coaster, coaster);
                true
            }
            None => false,
        }
    }

    /// A coaster waits for its picture only while the file dialog or the
    /// tracer is open: cancelled, the next import is an ordinary one.
    pub(crate) fn forget_stale_coaster(&mut self) {
        if !matches!(self.dialog, Some(Dialog::Trace(_) | Dialog::Browser(_))) {
            self.quick.coaster_waiting = None;
        }
    }

    /// Starts a quick project from the start screen, after the
    /// unsaved-changes question if there is work to keep.
    pub(crate) fn choose_quick(&mut self, kind: QuickKind) {
        self.tutorials.start_screen_open = false;
        self.guard_unsaved(Pending::Quick(kind));
    }
}
