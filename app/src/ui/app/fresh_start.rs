//! One reset to a fresh start, exactly as if the app had just been opened:
//! kiosk mode's "Next person" and Quit use it; other features (tutorials,
//! a classroom "start over") may too.
//!
//! It works by building a new [`FabriqueApp`] from the same options and
//! putting it in place of the old one. So every piece of per-person state
//! that lives in `FabriqueApp` (document, undo history, selection, tool
//! state, project path, notices, dialogs, the trace dialog, the running
//! export, the 3D view, the properties' typed values, and anything a later
//! feature adds there) is reset by construction, with no list to keep up
//! to date.
//!
//! # Hook for other features
//!
//! - State kept in a field of `FabriqueApp` and set up in
//!   `FabriqueApp::start`: nothing to do, it is reset.
//! - State kept **outside** the app (files, threads, egui memory, caches in
//!   statics): forget it in [`forget_outside_state`], next to the autosave
//!   and egui memory, and extend `tests/ui_kiosk.rs` to check it is gone.
//! - State that must **survive** a reset (belongs to the laptop, not the
//!   person, like the kiosk's configuration and PIN lock): carry it over in
//!   [`fresh_start`] explicitly, as done for the kiosk.
//!
//! Current limitations: a file the person exported stays where it was
//! written (in kiosk mode, the export folder: the visitor's USB stick); a
//! worker thread already exporting finishes in the background and its
//! result is dropped unwritten.

use super::FabriqueApp;

impl FabriqueApp {
    /// Resets `app` to a fresh start; see the module docs.
    pub(crate) fn fresh_start(&mut self) {
        self.forget_outside_state();
        let mut options = self.options.clone();
        // The file given at start belonged to the first person, not the next.
        options.file = None;
        let kiosk = self.kiosk.take().map(|mut kiosk| {
            kiosk.panel = None;
            kiosk
        });
        let ctx = self.ctx.take();
        let style_applied = self.style_applied;
        let close_confirmed = self.close_confirmed;
        // The old app (its job, dialogs, trace dialog) is dropped here.
        *self = FabriqueApp::start(options, kiosk);
        self.ctx = ctx;
        self.style_applied = style_applied;
        self.close_confirmed = close_confirmed;
    }

    /// Forgets what the person left outside the app's fields: the autosave
    /// files and egui's memory of widgets (text fields keep their own undo
    /// history of what was typed, scroll positions, open menus).
    pub(crate) fn forget_outside_state(&mut self) {
        // The work is knowingly discarded; in kiosk mode `FabriqueApp::start`
        // also empties the whole session folder.
        self.autosave.clear(self.editor.revision);
        if let Some(ctx) = &self.ctx {
            ctx.memory_mut(|memory| {
                memory.data = Default::default();
                memory.reset_areas();
                memory.stop_text_input();
            });
            if self.kiosk.is_some() {
                // What the person copied must not be pasted by the next one:
                // neither the clipboard (Ctrl+C) nor, on X11 and Wayland, the
                // PRIMARY selection that selecting text fills and a middle
                // click pastes.
                ctx.copy_text(String::new());
                ctx.send_cmd(egui::OutputCommand::TextSelectionSettled(String::new()));
            }
        }
    }
}
