//! The drawing canvas: a millimetre grid with rulers and the machine's bed,
//! zoom at the cursor (wheel or pinch), pan (middle-drag or Space-drag),
//! and the active tool fed with pointer events in document space.

mod cache;
pub(crate) mod fill;
pub mod highlight;
pub mod ink;
pub(crate) mod keyboard_place;
mod motion;
pub(crate) mod paint;
pub mod view;

use super::tools::snap::Snapper;
use super::tools::{PointerEvent, ToolContext, ToolState};
use crate::model::command::Command;
use crate::model::editor::Editor;
use crate::model::machines::Machine;
use crate::model::machines::MachineView;
use cache::OutlineCache;
use egui::{Key, PointerButton, Sense, Stroke};
use geometry::transform::shapes_bounds;
use ink::Ink;
pub use paint::grid_steps;
use view::View;

/// How far from an outline a click still picks it, screen points.
const PICK_POINTS: f32 = 6.0;
/// Distance of the rotation handle above the selection, screen points.
const ROTATE_HANDLE_POINTS: f32 = 24.0;
/// Reach of snapping to other shapes, screen points.
const SNAP_POINTS: f32 = 8.0;

/// Canvas state that is neither document nor session: the view, the tool's
/// current state and the outline cache.
pub struct CanvasState {
    /// Pan and zoom.
    pub view: View,
    /// State of the active tool.
    pub tool: ToolState,
    /// Fit the view at the next frame (start, open, Fit to view).
    pub fit_requested: bool,
    /// Show this part of the document (mm) at the next frame, with room
    /// around it: a quick project just made, small on a large bed.
    pub show_requested: Option<kurbo::Rect>,
    cache: OutlineCache,
    motion: motion::Motion,
    /// Something else in the window is moving (the 3D preview turning):
    /// the whole window draws without anti-aliasing meanwhile.
    pub elsewhere_moving: bool,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self {
            view: View::default(),
            tool: ToolState::idle(Default::default()),
            fit_requested: true,
            show_requested: None,
            cache: OutlineCache::default(),
            motion: motion::Motion::default(),
            elsewhere_moving: false,
        }
    }
}

impl CanvasState {
    /// What to fit: the drawing and the machine's bed.
    fn fit(&mut self, editor: &Editor, machine: &Machine) {
        let bed = kurbo::Rect::new(0.0, 0.0, machine.width(), machine.depth());
        let bounds = shapes_bounds(&editor.document.shapes).map_or(bed, |b| b.union(bed));
        self.view.fit(bounds);
    }
}

/// Shows the canvas in the remaining space and returns the commands of the
/// user's gestures.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    editor: &Editor,
    machine: &Machine,
    state: &mut CanvasState,
    default_text: &str,
) -> Vec<Command> {
    let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    // While nothing is drawn, the whole bed stays in sight when the canvas
    // changes size (the coach card or the 3D preview opening beside it).
    let resized = (state.view.rect_screen.size() - response.rect.size()).length() > 1.0;
    if resized && editor.document.shapes.is_empty() {
        state.fit_requested = true;
    }
    state.view.rect_screen = response.rect;
    if state.fit_requested {
        state.fit(editor, machine);
        state.fit_requested = false;
    }
    if let Some(part) = state.show_requested.take() {
        // Half the view around it: big enough to read, its place on the
        // bed still guessed from the grid around.
        // (kurbo: a positive inset grows the rectangle.)
        state
            .view
            .fit(part.inset(part.width().max(part.height()) / 2.0));
    }
    if state.tool.is_idle() && !matches_tool(&state.tool, editor) {
        state.tool = ToolState::idle(editor.session.tool);
    }
    let mut commands = Vec::new();
    navigate(ui, &response, &mut state.view);
    let space_pan = ui.input(|i| i.key_down(Key::Space)) && !ui.ctx().egui_wants_keyboard_input();

    let pick_radius_mm = state.view.mm_from_points(PICK_POINTS);
    let moving: Vec<geometry::ShapeId> = editor.session.selection.clone();
    let (grid_minor, _) = grid_steps(&state.view);
    let snapper = editor.session.snap.then(|| {
        Snapper::new(
            &editor.document,
            &moving,
            grid_minor,
            state.view.mm_from_points(SNAP_POINTS),
        )
    });
    let ctx = ToolContext {
        document: &editor.document,
        selection: &editor.session.selection,
        settings: &editor.session.tool_settings,
        pick_radius_mm,
        rotate_handle_mm: state.view.mm_from_points(ROTATE_HANDLE_POINTS),
        snapper,
        default_text,
    };
    if !space_pan {
        for event in pointer_events(ui, &response, &state.view) {
            let tool = std::mem::replace(&mut state.tool, ToolState::idle(editor.session.tool));
            let (next, emitted) = tool.transition(event, &ctx);
            state.tool = next;
            commands.extend(emitted);
        }
    }
    if keyboard_place::enter_for_canvas(ui) {
        for event in keyboard_place::place_events(&state.tool, state.view.center_doc) {
            let tool = std::mem::replace(&mut state.tool, ToolState::idle(editor.session.tool));
            let (next, emitted) = tool.transition(event, &ctx);
            state.tool = next;
            commands.extend(emitted);
        }
    }
    if ui.is_enabled() && ui.input(|i| i.key_pressed(Key::Escape)) {
        if state.tool.is_idle() {
            commands.push(Command::Select(Vec::new()));
        } else {
            let tool = std::mem::replace(&mut state.tool, ToolState::idle(editor.session.tool));
            let (next, emitted) = tool.transition(PointerEvent::Cancel, &ctx);
            state.tool = next;
            commands.extend(emitted);
        }
    }
    commands.extend(keyboard_commands(ui));
    if response.hovered() {
        let icon = if space_pan {
            egui::CursorIcon::Grab
        } else if matches!(state.tool, ToolState::Select(_)) {
            egui::CursorIcon::Default
        } else {
            egui::CursorIcon::Crosshair
        };
        ui.ctx().set_cursor_icon(icon);
    }

    draw(ui, &painter, editor, machine, state);
    commands
}

fn matches_tool(tool: &ToolState, editor: &Editor) -> bool {
    std::mem::discriminant(tool) == std::mem::discriminant(&ToolState::idle(editor.session.tool))
        && match tool {
            ToolState::Draw(kind, _) => *kind == editor.session.tool,
            _ => true,
        }
}

/// Wheel and pinch zoom at the cursor; middle-drag pans; Space-drag pans.
fn navigate(ui: &egui::Ui, response: &egui::Response, view: &mut View) {
    if let Some(hover) = response.hover_pos() {
        let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta()));
        let mut factor = f64::from(zoom);
        if scroll.y != 0.0 {
            // One wheel notch (about 50 points) zooms by about 10 %.
            factor *= (f64::from(scroll.y) * 0.002).exp();
        }
        if factor != 1.0 {
            view.zoom_at(hover, factor);
        }
        if scroll.x != 0.0 {
            view.pan(egui::Vec2::new(scroll.x, 0.0));
        }
    }
    let space = ui.input(|i| i.key_down(Key::Space)) && !ui.ctx().egui_wants_keyboard_input();
    if response.dragged_by(PointerButton::Middle)
        || (space && response.dragged_by(PointerButton::Primary))
    {
        view.pan(response.drag_delta());
    }
}

/// Primary-button gestures as tool events in document space.
fn pointer_events(ui: &egui::Ui, response: &egui::Response, view: &View) -> Vec<PointerEvent> {
    let shift = ui.input(|i| i.modifiers.shift);
    // Ctrl (or Alt) draws from the centre, as in Inkscape and Tinkercad.
    let centre = ui.input(|i| i.modifiers.command || i.modifiers.alt);
    let pos_screen = ui
        .input(|i| i.pointer.interact_pos())
        .or(response.hover_pos());
    let Some(pos_screen) = pos_screen else {
        return Vec::new();
    };
    let pos = view.doc_from_screen(pos_screen);
    let mut events = Vec::new();
    if response.drag_started_by(PointerButton::Primary) {
        let origin = ui
            .input(|i| i.pointer.press_origin())
            .map_or(pos, |p| view.doc_from_screen(p));
        events.push(PointerEvent::Press {
            pos: origin,
            shift,
            centre,
        });
        events.push(PointerEvent::Drag { pos, shift, centre });
    } else if response.dragged_by(PointerButton::Primary) {
        if response.drag_delta() != egui::Vec2::ZERO {
            events.push(PointerEvent::Drag { pos, shift, centre });
        }
    } else if response.drag_stopped_by(PointerButton::Primary) {
        events.push(PointerEvent::Release { pos, shift, centre });
    } else if response.clicked_by(PointerButton::Primary) {
        events.push(PointerEvent::Press { pos, shift, centre });
        events.push(PointerEvent::Release { pos, shift, centre });
    }
    let enter = ui.is_enabled()
        && !ui.ctx().egui_wants_keyboard_input()
        && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if response.double_clicked_by(PointerButton::Primary) || enter {
        events.push(PointerEvent::Finish);
    }
    events
}

/// Arrow keys nudge the selection by 1 mm (Shift: 10 mm), one step each press.
fn keyboard_commands(ui: &egui::Ui) -> Vec<Command> {
    // Disabled: a dialog is open and owns the keyboard.
    if !ui.is_enabled() || ui.ctx().egui_wants_keyboard_input() {
        return Vec::new();
    }
    let mut commands = Vec::new();
    ui.input(|i| {
        let step = if i.modifiers.shift { 10.0 } else { 1.0 };
        for (key, dx, dy) in [
            (Key::ArrowLeft, -step, 0.0),
            (Key::ArrowRight, step, 0.0),
            (Key::ArrowUp, 0.0, step),
            (Key::ArrowDown, 0.0, -step),
        ] {
            if i.key_pressed(key) {
                commands.push(Command::Nudge { dx, dy });
            }
        }
        if !i.modifiers.command && !i.modifiers.alt {
            for tool in crate::model::session::ToolKind::ALL {
                if i.key_pressed(tool.key_shortcut()) {
                    commands.push(Command::SetTool(tool));
                }
            }
        }
    });
    commands
}

fn draw(
    ui: &egui::Ui,
    painter: &egui::Painter,
    editor: &Editor,
    machine: &Machine,
    state: &mut CanvasState,
) {
    let view = state.view;
    let painter = painter.with_clip_rect(view.rect_screen);
    let ink = Ink::of(
        ui.visuals().dark_mode,
        crate::ui::appearance::high_contrast(ui.ctx()),
    );
    paint::background(&painter, &view, machine, &ink);
    state
        .cache
        .update(&editor.document, editor.revision, view.tolerance_mm());
    let visible = view.visible_doc();
    // Shapes wholly off screen cost nothing to skip and a lot to draw.
    let on_screen = |shape: &&geometry::Shape| {
        state.cache.bounds(shape.id).is_some_and(|b| {
            b.x1 >= visible.x0 && b.x0 <= visible.x1 && b.y1 >= visible.y0 && b.y0 <= visible.y1
        })
    };
    // All fills first, in one mesh, then every outline on top: a tint never
    // hides another shape's line.
    let moving = state.motion.update(ui.ctx(), &view, state.elsewhere_moving);
    let mut fills = egui::Mesh::default();
    for shape in editor.document.shapes.iter().filter(on_screen) {
        if moving {
            break;
        }
        if let Some(mesh) = state.cache.fill(shape.id) {
            let color = fill::fill_color(shape, editor.session.mode);
            fill::append(&mut fills, &view, mesh, color);
        }
    }
    if !fills.is_empty() {
        painter.add(egui::Shape::mesh(fills));
    }
    for shape in editor.document.shapes.iter().filter(on_screen) {
        let selected = editor.session.selection.contains(&shape.id);
        let color = ink.outline(paint::shape_color(shape, editor.session.mode));
        let width = if selected {
            ink.selected_width
        } else {
            ink.outline_width
        };
        paint::polylines(
            &painter,
            &view,
            state.cache.polylines(shape.id),
            Stroke::new(width, color),
        );
    }
    if let Some(shape) = state.tool.preview(&editor.session.tool_settings) {
        paint::preview_shape(&painter, &view, &shape);
    }
    let selected: Vec<&geometry::Shape> = editor
        .document
        .shapes
        .iter()
        .filter(|s| editor.session.selection.contains(&s.id))
        .collect();
    if let Some(bounds) = shapes_bounds(selected)
        && matches!(state.tool, ToolState::Select(_))
    {
        paint::selection(
            &painter,
            &view,
            bounds,
            view.mm_from_points(ROTATE_HANDLE_POINTS),
        );
    }

    highlight::draw(&painter, &view, ui.ctx());
    if let Some(band) = state.tool.rubber_band() {
        paint::rubber_band(&painter, &view, band);
    }
    paint::rulers(&painter, &view, &ink);
}

/// Number of flattened points on the canvas (for the performance figures).
pub fn segment_count(state: &CanvasState) -> usize {
    state.cache.segment_count()
}
