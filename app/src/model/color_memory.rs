//! The operations a person chose for colours in the import's colour step
//! (`ui::import_colors`), remembered for the rest of the session, as
//! LightBurn keeps a layer's settings: who imports a second box of the
//! same generator, with blue changed to a score line the first time, finds
//! blue already on "score".
//!
//! Only departures from the file's own defaults are kept: a colour set
//! back to what the engine proposed is forgotten, so the next file's
//! convention (Boxes.py's, the lab's colour code) applies again. The memory
//! is a field of the app, so "Next person" and a fresh start forget it.
//!
//! Current limitations: kept for the session only, not saved; a colour is
//! remembered whatever program made the file, so a colour meaning
//! something else in another program's files gets the remembered choice
//! too (shown in the step, where it can be changed back).

use geometry::import::{Operation, PaintKind, Rgb};

/// One row of the colour step as the person left it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColorChange {
    /// Lines or areas.
    pub kind: PaintKind,
    /// The colour.
    pub color: Rgb,
    /// The operation chosen, or `None` when it is the file's default.
    pub chosen: Option<Operation>,
}

/// The remembered choices (see the module docs).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColorMemory {
    choices: Vec<(PaintKind, Rgb, Operation)>,
}

impl ColorMemory {
    /// The operation chosen earlier for lines or areas of `color`, if any.
    pub fn recall(&self, kind: PaintKind, color: Rgb) -> Option<Operation> {
        self.choices
            .iter()
            .find(|(k, c, _)| (*k, *c) == (kind, color))
            .map(|(_, _, op)| *op)
    }

    /// Keeps the departures from the defaults in `changes` and forgets the
    /// colours set back to their default.
    pub fn learn(&mut self, changes: &[ColorChange]) {
        for change in changes {
            self.choices
                .retain(|(k, c, _)| (*k, *c) != (change.kind, change.color));
            if let Some(op) = change.chosen {
                self.choices.push((change.kind, change.color, op));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLUE: Rgb = Rgb([0, 0, 255]);

    fn change(kind: PaintKind, chosen: Option<Operation>) -> ColorChange {
        ColorChange {
            kind,
            color: BLUE,
            chosen,
        }
    }

    #[test]
    fn a_departure_is_kept_and_a_return_to_the_default_forgotten() {
        let mut memory = ColorMemory::default();
        assert_eq!(memory.recall(PaintKind::Stroke, BLUE), None);
        memory.learn(&[change(PaintKind::Stroke, Some(Operation::Score))]);
        assert_eq!(
            memory.recall(PaintKind::Stroke, BLUE),
            Some(Operation::Score)
        );
        // Lines and areas of one colour are separate rows.
        assert_eq!(memory.recall(PaintKind::Fill, BLUE), None);
        memory.learn(&[change(PaintKind::Stroke, Some(Operation::Ignore))]);
        assert_eq!(
            memory.recall(PaintKind::Stroke, BLUE),
            Some(Operation::Ignore)
        );
        memory.learn(&[change(PaintKind::Stroke, None)]);
        assert_eq!(memory.recall(PaintKind::Stroke, BLUE), None);
    }
}
