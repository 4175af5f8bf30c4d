//! The machine follows the person's mode: after a switch between laser
//! and 3D printing, the machine chosen for that mode before, and the
//! drawing moved onto its bed when it hangs off but fits.

use super::FabriqueApp;
use crate::model::command::Command;
use crate::model::machines::MachineView;
use crate::model::session::Mode;

impl FabriqueApp {
    /// After a switch to `mode`: the machine chosen for it before, when
    /// the document's machine is of the other kind (a laser's id in 3D).
    /// Not an edit to undo: the person chose that machine earlier.
    pub(crate) fn use_chosen_machine(&mut self, mode: Mode) {
        let fits = self
            .editor
            .document
            .machine_id
            .as_deref()
            .is_some_and(|id| self.machines.of_mode(mode).any(|m| m.id() == id));
        if fits {
            return;
        }
        if let Some(id) = self.chosen_machines.get(mode)
            && self.machines.of_mode(mode).any(|m| m.id() == id)
        {
            self.editor.document.machine_id = Some(id.to_owned());
            self.editor.revision += 1;
        }
    }

    /// Moves the whole drawing onto the bed when it hangs off it but fits
    /// (after Laser → 3D, a drawing made on a 610 mm laser bed would hang
    /// off a 180 mm printer's): the least move that brings it in, one undo
    /// step. A drawing larger than the bed stays; the lab check says so.
    pub(super) fn keep_on_bed(&mut self) {
        let machine = self.machine();
        let Some(bounds) = geometry::transform::shapes_bounds(&self.editor.document.shapes) else {
            return;
        };
        let shift = |low: f64, high: f64, size: f64| {
            if high - low > size {
                0.0
            } else if low < 0.0 {
                -low
            } else if high > size {
                size - high
            } else {
                0.0
            }
        };
        let dx = shift(bounds.x0, bounds.x1, machine.width());
        let dy = shift(bounds.y0, bounds.y1, machine.depth());
        if dx == 0.0 && dy == 0.0 {
            return;
        }
        let delta = kurbo::Vec2::new(dx, dy);
        let moved = self
            .editor
            .document
            .shapes
            .iter()
            .map(|s| geometry::transform::translated(s, delta))
            .collect();
        let _ = self.editor.apply(Command::UpdateShapes(moved));
        let text = self.i18n.tr("info-moved-on-bed");
        self.show_info(text);
    }
}
