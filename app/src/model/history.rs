//! Undo and redo by whole-document snapshots.
//!
//! A snapshot is the plain [`Document`]: never caches or meshes, so it is
//! small and always consistent (SolveSpace's undo does the same). A drag or
//! a slider is one transaction: [`History::begin`] keeps the document as it
//! was, live edits change it freely, [`History::commit`] records one step
//! and [`History::abort`] gives the starting document back (Esc).

use geometry::Document;

/// Steps kept. A drawing is a few kB to a few MB of JSON-like data, so a
/// hundred steps stay well under the memory of an old laptop.
pub const MAX_STEPS: usize = 100;

/// Past and undone documents.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Document>,
    redo: Vec<Document>,
    gesture_start: Option<Document>,
}

impl History {
    /// Remembers `before` as the state to go back to (one step); clears redo.
    pub fn record(&mut self, before: Document) {
        self.undo.push(before);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Starts a gesture on `current`. A second begin keeps the first start.
    pub fn begin(&mut self, current: &Document) {
        if self.gesture_start.is_none() {
            self.gesture_start = Some(current.clone());
        }
    }

    /// `true` between [`History::begin`] and commit or abort.
    pub fn in_gesture(&self) -> bool {
        self.gesture_start.is_some()
    }

    /// Ends the gesture; records one step when the document changed.
    pub fn commit(&mut self, current: &Document) {
        if let Some(start) = self.gesture_start.take()
            && start != *current
        {
            self.record(start);
        }
    }

    /// Cancels the gesture and returns the document as it was before it.
    pub fn abort(&mut self) -> Option<Document> {
        self.gesture_start.take()
    }

    /// The document before the last step, taking `current` as the redo state.
    pub fn undo(&mut self, current: &Document) -> Option<Document> {
        let previous = self.undo.pop()?;
        self.redo.push(current.clone());
        Some(previous)
    }

    /// The document of the last undone step, taking `current` as the undo state.
    pub fn redo(&mut self, current: &Document) -> Option<Document> {
        let next = self.redo.pop()?;
        self.undo.push(current.clone());
        Some(next)
    }

    /// `true` when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// `true` when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets everything (a new or opened project).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use geometry::{Shape, ShapeKind};

    fn doc_with(n: usize) -> Document {
        let mut doc = Document::new();
        for _ in 0..n {
            doc.add(Shape::new(ShapeKind::Ellipse { rx: 1.0, ry: 1.0 }));
        }
        doc
    }

    #[test]
    fn a_gesture_is_one_step_and_abort_restores() {
        let mut history = History::default();
        let start = doc_with(1);
        history.begin(&start);
        let _live = doc_with(2);
        let end = doc_with(3);
        history.commit(&end);
        assert_eq!(history.undo(&end), Some(start.clone()));
        assert!(!history.can_undo());
        assert_eq!(history.redo(&start), Some(end));
        history.begin(&start);
        assert_eq!(history.abort(), Some(start));
        assert!(!history.in_gesture());
    }

    #[test]
    fn an_unchanged_gesture_records_nothing() {
        let mut history = History::default();
        let doc = doc_with(1);
        history.begin(&doc);
        history.commit(&doc);
        assert!(!history.can_undo());
    }
}
