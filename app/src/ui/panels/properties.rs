//! The properties panel: what is selected and everything about it, one
//! idea per file — exact position and size ([`super::placement`]), what
//! the laser does ([`super::laser_role`]) or how it stands in 3D
//! ([`super::extrusion`]), the shape's own settings
//! ([`super::shape_kind`]), the operations ([`super::operations`]); with
//! nothing selected, the next shape's settings ([`super::tool_settings`]).

use geometry::Shape;

use super::fields::FieldBuffers;
use super::{extrusion, laser_role, operations, placement, shape_kind, tool_settings};
use crate::i18n::I18n;
use crate::model::command::Command;
use crate::model::editor::Editor;
use crate::model::session::Mode;
use geometry::transform::shapes_bounds;

/// UI state of the panel.
#[derive(Debug, Default)]
pub struct PropertiesState {
    /// Texts being typed.
    pub fields: FieldBuffers,
    /// Keep width and height in proportion when one is typed (off at
    /// first: typing 40 then 20 must give 40 × 20).
    pub lock_ratio: bool,
}

/// Shows the panel; edits become commands.
pub fn properties_ui(
    ui: &mut egui::Ui,
    editor: &Editor,
    i18n: &I18n,
    state: &mut PropertiesState,
    commands: &mut Vec<Command>,
) {
    state
        .fields
        .follow(&editor.session.selection, editor.revision);
    ui.heading(i18n.tr("props-title"));
    let selected: Vec<Shape> = editor
        .document
        .shapes
        .iter()
        .filter(|s| editor.session.selection.contains(&s.id))
        .cloned()
        .collect();
    if selected.is_empty() {
        ui.label(i18n.tr("props-nothing-selected"));
        ui.separator();
        tool_settings::tool_settings_ui(
            ui,
            i18n,
            &mut state.fields,
            editor.session.tool,
            &editor.session.tool_settings,
            commands,
        );
        return;
    }
    if selected.len() > 1 {
        ui.label(i18n.tr_args(
            "props-count",
            &[("count", crate::i18n::Arg::Number(selected.len() as f64))],
        ));
    }
    if let Some(bounds) = shapes_bounds(&selected) {
        placement::placement_ui(ui, i18n, state, &selected, bounds, commands);
    }
    ui.separator();
    match editor.session.mode {
        Mode::Laser => laser_role::role_ui(ui, i18n, &selected, commands),
        Mode::Print3d => extrusion::extrusion_ui(ui, i18n, &mut state.fields, &selected, commands),
    }
    if let [shape] = selected.as_slice() {
        ui.separator();
        shape_kind::kind_ui(ui, i18n, &mut state.fields, shape, commands);
    }
    ui.separator();
    operations::operations_ui(ui, editor, i18n, &mut state.fields, commands);
}
