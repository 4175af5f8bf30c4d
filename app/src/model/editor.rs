//! The editor's model without any widget: the [`Document`], its history and
//! the [`Session`]. Commands go in, the document changes, history records
//! one step per command or per gesture. Tests drive it directly.

use geometry::{Document, ShapeId};

use super::command::{Action, Command};
use super::history::History;
use super::session::Session;
use geometry::ops::{self, Align, Boolean, OpError};
use geometry::transform::translated;

/// Document, history and session together.
#[derive(Debug)]
pub struct Editor {
    /// What the user made (saved, undoable).
    pub document: Document,
    /// Undo and redo snapshots.
    pub history: History,
    /// Selection, tool, mode, file.
    pub session: Session,
    /// Increases at every change of the document: caches and autosave key on it.
    pub revision: u64,
    /// Revision last written to the project file.
    pub saved_revision: u64,
}

impl Default for Editor {
    fn default() -> Self {
        Self::new(Document::new())
    }
}

/// Whether a command's change of the document is a new undo step.
enum Record {
    /// A user edit: one step (unless inside a gesture).
    Step,
    /// Undo, redo, abort: the history moved itself.
    Nothing,
}

impl Editor {
    /// An editor on `document`, with no history.
    pub fn new(document: Document) -> Self {
        Self {
            document,
            history: History::default(),
            session: Session::new(),
            revision: 0,
            saved_revision: 0,
        }
    }

    /// `true` when the document has changes not written to the project file.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Replaces the whole document (New, Open, restore), forgetting history.
    pub fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.history.clear();
        self.session.selection.clear();
        self.revision += 1;
    }

    /// Applies one command. Document changes outside a gesture become one
    /// undo step each; inside a gesture they are live until commit.
    pub fn apply(&mut self, command: Command) -> Result<(), OpError> {
        let before = self.document.clone();
        let mut result = self.apply_inner(command);
        if self.document != before && geometry::limits::check(&self.document).is_err() {
            // Kept, the drawing could be saved but not opened again (the
            // project's loading checks the same limits): undone at once.
            self.document = before.clone();
            result = Err(OpError::BeyondLimits);
        }
        if self.document != before {
            if let Ok(Record::Step) = result
                && !self.history.in_gesture()
            {
                self.history.record(before);
            }
            self.revision += 1;
        }
        let document = &self.document;
        self.session
            .selection
            .retain(|id| document.shape(*id).is_some());
        result.map(|_| ())
    }

    fn apply_inner(&mut self, command: Command) -> Result<Record, OpError> {
        let selection = self.session.selection.clone();
        match command {
            Command::Action(action) => return self.apply_action(action, &selection),
            Command::AddShapes(shapes) => {
                let ids = self.document.add_all(shapes);
                self.session.selection = ids;
            }
            Command::UpdateShapes(shapes) => {
                for shape in shapes {
                    if let Some(slot) = self.document.shape_mut(shape.id) {
                        *slot = shape;
                    }
                }
            }
            Command::Select(ids) => self.session.selection = ids,
            Command::BeginGesture => self.history.begin(&self.document),
            Command::CommitGesture => self.history.commit(&self.document),
            Command::AbortGesture => {
                if let Some(start) = self.history.abort() {
                    self.document = start;
                }
                return Ok(Record::Nothing);
            }
            Command::Nudge { dx, dy } => {
                for shape in self
                    .document
                    .shapes
                    .iter_mut()
                    .filter(|s| selection.contains(&s.id))
                {
                    *shape = translated(shape, kurbo::Vec2::new(dx, dy));
                }
            }
            Command::SetTool(tool) => self.session.tool = tool,
            Command::SetMode(mode) => self.session.mode = mode,
            Command::SetMachine(id) => self.document.machine_id = Some(id),
            Command::SetToolSettings(settings) => self.session.tool_settings = settings,
            Command::ApplyFix(fix) => {
                self.document = exporters::check::apply_fix(&self.document, &fix);
            }
            // The language and tutorials live in the app, not here.
            Command::SetLanguage(_)
            | Command::OpenTutorials
            | Command::ReopenCoach
            | Command::Appearance(_) => {}
        }
        Ok(Record::Step)
    }

    fn apply_action(&mut self, action: Action, selection: &[ShapeId]) -> Result<Record, OpError> {
        let doc = &mut self.document;
        let needs_selection = matches!(
            action,
            Action::Delete
                | Action::Duplicate
                | Action::Offset
                | Action::BringForward
                | Action::SendBackward
        );
        if needs_selection && selection.is_empty() {
            return Err(OpError::NothingSelected);
        }
        match action {
            Action::Undo => {
                if let Some(previous) = self.history.undo(doc) {
                    *doc = previous;
                }
                return Ok(Record::Nothing);
            }
            Action::Redo => {
                if let Some(next) = self.history.redo(doc) {
                    *doc = next;
                }
                return Ok(Record::Nothing);
            }
            Action::Delete => ops::delete(doc, selection),
            Action::Duplicate => self.session.selection = ops::duplicate(doc, selection),
            Action::SelectAll => self.session.selection = doc.shapes.iter().map(|s| s.id).collect(),
            Action::Union => {
                self.session.selection = vec![ops::boolean(doc, selection, Boolean::Union)?]
            }
            Action::Difference => {
                self.session.selection = vec![ops::boolean(doc, selection, Boolean::Difference)?];
            }
            Action::Intersection => {
                self.session.selection = vec![ops::boolean(doc, selection, Boolean::Intersection)?];
            }
            Action::Offset => {
                ops::offset(doc, selection, self.session.tool_settings.offset_distance)?;
            }
            Action::Group => ops::group(doc, selection)?,
            Action::Ungroup => ops::ungroup(doc, selection),
            Action::BringForward => ops::reorder(doc, selection, true),
            Action::SendBackward => ops::reorder(doc, selection, false),
            Action::AlignLeft => ops::align(doc, selection, Align::Left),
            Action::AlignCenter => ops::align(doc, selection, Align::Center),
            Action::AlignRight => ops::align(doc, selection, Align::Right),
            Action::AlignTop => ops::align(doc, selection, Align::Top),
            Action::AlignMiddle => ops::align(doc, selection, Align::Middle),
            Action::AlignBottom => ops::align(doc, selection, Align::Bottom),
            Action::DistributeHorizontally => ops::distribute(doc, selection, true),
            Action::DistributeVertically => ops::distribute(doc, selection, false),
            Action::ToggleSnap => self.session.snap = !self.session.snap,
            // Files, dialogs and the view belong to the app, not the model.
            Action::New
            | Action::Open
            | Action::Save
            | Action::SaveAs
            | Action::Import
            | Action::Export
            | Action::FitView
            | Action::FingerBox
            | Action::Check => {}
        }
        Ok(Record::Step)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use geometry::{Shape, ShapeKind};

    fn rect() -> Shape {
        Shape::new(ShapeKind::Rectangle {
            width: 10.0,
            height: 10.0,
        })
    }

    #[test]
    fn every_change_is_undoable_and_a_drag_is_one_step() {
        let mut editor = Editor::default();
        editor.apply(Command::AddShapes(vec![rect()])).unwrap();
        editor.apply(Command::BeginGesture).unwrap();
        for _ in 0..10 {
            editor.apply(Command::Nudge { dx: 1.0, dy: 0.0 }).unwrap();
        }
        editor.apply(Command::CommitGesture).unwrap();
        editor.apply(Action::Undo.into()).unwrap();
        assert_eq!(editor.document.shapes[0].transform, kurbo::Affine::IDENTITY);
        editor.apply(Action::Undo.into()).unwrap();
        assert!(editor.document.shapes.is_empty());
        editor.apply(Action::Redo.into()).unwrap();
        editor.apply(Action::Redo.into()).unwrap();
        assert_eq!(
            editor.document.shapes[0].transform,
            kurbo::Affine::translate((10.0, 0.0))
        );
    }

    /// A polyline of `segments` straight segments.
    fn zigzag(segments: usize) -> Shape {
        let mut path = kurbo::BezPath::new();
        path.move_to((0.0, 0.0));
        for k in 1..=segments {
            path.line_to((k as f64 * 0.01, (k % 2) as f64));
        }
        Shape::new(ShapeKind::Path { path })
    }

    #[test]
    fn a_change_past_the_limits_is_refused_and_leaves_the_drawing_as_it_was() {
        let limit = geometry::limits::MAX_SEGMENTS;
        let mut editor = Editor::default();
        editor
            .apply(Command::AddShapes(vec![zigzag(limit - 10)]))
            .unwrap();
        let before = editor.document.clone();
        // A trace or an import that would take it past the segment limit:
        // saved, the project could not be opened again.
        assert_eq!(
            editor.apply(Command::AddShapes(vec![zigzag(11)])),
            Err(OpError::BeyondLimits)
        );
        assert_eq!(editor.document, before);
        editor.apply(Command::AddShapes(vec![zigzag(10)])).unwrap();
        // Moved 10 m away: the same.
        let moved = editor.document.clone();
        assert_eq!(
            editor.apply(Command::Nudge {
                dx: 20_000.0,
                dy: 0.0
            }),
            Err(OpError::BeyondLimits)
        );
        assert_eq!(editor.document, moved);
        // The refused changes left no undo step.
        editor.apply(Action::Undo.into()).unwrap();
        assert_eq!(editor.document, before);
    }

    #[test]
    fn esc_during_a_drag_puts_everything_back() {
        let mut editor = Editor::default();
        editor.apply(Command::AddShapes(vec![rect()])).unwrap();
        let before = editor.document.clone();
        editor.apply(Command::BeginGesture).unwrap();
        editor.apply(Command::Nudge { dx: 3.0, dy: 0.0 }).unwrap();
        editor.apply(Command::AbortGesture).unwrap();
        assert_eq!(editor.document, before);
        editor.apply(Action::Undo.into()).unwrap();
        assert!(editor.document.shapes.is_empty());
    }

    #[test]
    fn group_and_ungroup_are_one_undo_step_each() {
        let mut editor = Editor::default();
        editor
            .apply(Command::AddShapes(vec![rect(), rect(), rect()]))
            .unwrap();
        let ids: Vec<ShapeId> = editor.document.shapes.iter().map(|s| s.id).collect();
        editor.apply(Command::Select(vec![ids[0]])).unwrap();
        assert_eq!(
            editor.apply(Action::Group.into()),
            Err(OpError::NeedTwoShapes)
        );
        editor.apply(Command::Select(ids[..2].to_vec())).unwrap();
        editor.apply(Action::Group.into()).unwrap();
        let group = editor.document.shapes[0].group;
        assert!(group.is_some());
        assert_eq!(editor.document.shapes[1].group, group);
        assert_eq!(editor.document.shapes[2].group, None);
        // A duplicate of the group is a new group.
        editor.apply(Action::Duplicate.into()).unwrap();
        let copy_group = editor.document.shapes[3].group;
        assert!(copy_group.is_some() && copy_group != group);
        assert_eq!(editor.document.shapes[4].group, copy_group);
        editor.apply(Action::Undo.into()).unwrap();
        editor.apply(Command::Select(ids[..1].to_vec())).unwrap();
        editor.apply(Action::Ungroup.into()).unwrap();
        assert_eq!(editor.document.shapes[0].group, None);
        assert_eq!(editor.document.shapes[1].group, group);
        editor.apply(Action::Undo.into()).unwrap();
        assert_eq!(editor.document.shapes[0].group, group);
        editor.apply(Action::Undo.into()).unwrap();
        assert!(editor.document.shapes.iter().all(|s| s.group.is_none()));
    }
}
