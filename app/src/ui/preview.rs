//! The 3D preview: exactly the meshes export writes (the same
//! `geometry::extrude::extrude` with the same options), drawn with egui's
//! painter as flat-shaded triangles sorted back to front — no GPU feature
//! beyond what software OpenGL offers. Orbit with the left button, pan with
//! the right or middle button, zoom with the wheel.
//!
//! Extrusion runs on a worker thread: the preview keeps showing the last
//! solid until the new one is ready, so typing a height never freezes the UI.
//!
//! Smooth on software rendering: while the view moves (orbit, pan, zoom,
//! panel resize) a big solid is drawn from its coarse copy ([`lod`]), and
//! [`SETTLE`] after the last move the full solid is drawn again. The full
//! solid's sorted triangles are kept for an unchanged view, so repaints
//! for other reasons (a tooltip, the status line) cost no re-sort.
//!
//! Current limitations: painter's-algorithm sorting by triangle centre can
//! show small overlaps where long triangles interleave.

mod lod;

use super::centred_message::paint_centred;
use super::work::{Poll, Work};
use crate::model::derived::Derived;
use crate::model::machines::MachineView;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Color32, Pos2, Sense, Stroke};
use geometry::Mesh;
use geometry::extrude::{ExtrudeError, ExtrudeOptions};

use crate::i18n::{Arg, I18n};
use crate::model::editor::Editor;
use crate::model::machines::Machine;

type V3 = [f64; 3];

fn sub(a: V3, b: V3) -> V3 {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}
fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}
fn cross(a: V3, b: V3) -> V3 {
    [
        a[1] * b[2] - a[2] * b[1],
        a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0],
    ]
}
fn normalize(a: V3) -> V3 {
    let l = dot(a, a).sqrt();
    if l > 0.0 {
        [a[0] / l, a[1] / l, a[2] / l]
    } else {
        a
    }
}

/// Orbit camera around a target point, Z up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OrbitCamera {
    /// Point looked at, mm.
    pub target: V3,
    /// Angle around Z, radians.
    pub yaw: f64,
    /// Angle above the floor, radians.
    pub pitch: f64,
    /// Distance from the target, mm.
    pub distance: f64,
}

impl Default for OrbitCamera {
    fn default() -> Self {
        Self {
            target: [100.0, 100.0, 0.0],
            yaw: -2.0,
            pitch: 0.6,
            distance: 350.0,
        }
    }
}

impl OrbitCamera {
    fn eye(&self) -> V3 {
        let (cp, sp) = (self.pitch.cos(), self.pitch.sin());
        [
            self.target[0] + self.distance * cp * self.yaw.cos(),
            self.target[1] + self.distance * cp * self.yaw.sin(),
            self.target[2] + self.distance * sp,
        ]
    }
}

/// How long the view must be still before the full solid replaces the
/// coarse copy: longer than the gap between two mouse moves of one drag.
pub const SETTLE: Duration = Duration::from_millis(150);

fn normals_of(mesh: &Mesh) -> Vec<V3> {
    mesh.triangles
        .iter()
        .map(|t| {
            let [a, b, c] = t.map(|i| mesh.vertices.get(i as usize).copied().unwrap_or_default());
            normalize(cross(sub(b, a), sub(c, a)))
        })
        .collect()
}

/// A solid ready to draw: positions and per-triangle normals, and a coarse
/// copy for moving views when the solid is big.
struct Solid {
    meshes: Vec<Mesh>,
    normals: Vec<Vec<V3>>,
    coarse: Option<(Mesh, Vec<V3>)>,
}

impl Solid {
    fn new(meshes: Vec<Mesh>) -> Self {
        let normals = meshes.iter().map(normals_of).collect();
        let coarse = lod::coarse(&meshes).map(|mesh| {
            let normals = normals_of(&mesh);
            (mesh, normals)
        });
        Self {
            meshes,
            normals,
            coarse,
        }
    }

    fn triangle_count(&self) -> usize {
        self.meshes.iter().map(|m| m.triangles.len()).sum()
    }
}

/// An extrusion computed on the worker thread, ready to draw.
type Extruded = Result<Solid, ExtrudeError>;

/// What the screen showed last: the camera and the panel.
type ViewKey = (OrbitCamera, egui::Rect);

/// State of the preview panel.
#[derive(Default)]
pub struct Preview3d {
    /// The camera.
    pub camera: OrbitCamera,
    /// The solid shared with the check and the export.
    derived: Arc<Derived>,
    solid: Option<Result<Solid, ExtrudeError>>,
    computed_revision: Option<u64>,
    job: Option<(u64, Work<Extruded>)>,
    framed: bool,
    last_view: Option<ViewKey>,
    moved_at: Option<Instant>,
    still_mesh: Option<(ViewKey, Arc<egui::Mesh>)>,
}

impl Preview3d {
    /// A preview taking its solid from `derived`.
    pub fn sharing(derived: Arc<Derived>) -> Self {
        Self {
            derived,
            ..Self::default()
        }
    }

    /// Replaces the solid directly (benchmarks: a mesh of a chosen size).
    pub fn set_meshes(&mut self, meshes: Vec<Mesh>, revision: u64) {
        self.solid = Some(Ok(Solid::new(meshes)));
        self.still_mesh = None;
        self.computed_revision = Some(revision);
    }

    /// `true` while the coarse copy stands in for the full solid.
    pub fn is_coarse(&self) -> bool {
        self.moving() && matches!(&self.solid, Some(Ok(solid)) if solid.coarse.is_some())
    }

    /// `true` while the camera moved less than [`SETTLE`] ago.
    pub fn is_moving(&self) -> bool {
        self.moving()
    }

    fn moving(&self) -> bool {
        self.moved_at.is_some_and(|t| t.elapsed() < SETTLE)
    }

    /// The camera looking at the solid (or, without one, the whole build
    /// volume), from the front and above.
    fn framing(&self, machine: &Machine) -> OrbitCamera {
        let bounds = match &self.solid {
            Some(Ok(solid)) => {
                solid
                    .meshes
                    .iter()
                    .filter_map(Mesh::bounds)
                    .reduce(|(lo, hi), (l, h)| {
                        (
                            [lo[0].min(l[0]), lo[1].min(l[1]), lo[2].min(l[2])],
                            [hi[0].max(h[0]), hi[1].max(h[1]), hi[2].max(h[2])],
                        )
                    })
            }
            _ => None,
        };
        match bounds {
            Some((lo, hi)) => {
                let size = (hi[0] - lo[0]).max(hi[1] - lo[1]).max(hi[2] - lo[2]);
                OrbitCamera {
                    target: [
                        (lo[0] + hi[0]) / 2.0,
                        (lo[1] + hi[1]) / 2.0,
                        (lo[2] + hi[2]) / 2.0,
                    ],
                    // A small part still fills the view; never closer than 6 cm.
                    distance: (size * 2.2).max(60.0),
                    ..OrbitCamera::default()
                }
            }
            None => OrbitCamera {
                target: [
                    machine.width() / 2.0,
                    machine.depth() / 2.0,
                    machine.height() / 4.0,
                ],
                distance: machine.width().max(machine.depth()).max(machine.height()) * 2.4,
                ..OrbitCamera::default()
            },
        }
    }

    /// Triangles currently shown.
    pub fn triangle_count(&self) -> usize {
        match &self.solid {
            Some(Ok(solid)) => solid.triangle_count(),
            _ => 0,
        }
    }

    /// `true` while a new solid is being computed.
    pub fn is_computing(&self) -> bool {
        self.job.is_some()
    }

    fn update(&mut self, editor: &Editor, ctx: &egui::Context) {
        if let Some((revision, work)) = &self.job {
            match work.poll() {
                Poll::Done(result) => {
                    self.computed_revision = Some(*revision);
                    self.solid = Some(result);
                    self.still_mesh = None;
                    self.job = None;
                }
                Poll::Running => {}
                Poll::Lost => self.job = None,
            }
        }
        if self.job.is_none() && self.computed_revision != Some(editor.revision) {
            let document = editor.document.clone();
            let (derived, revision) = (Arc::clone(&self.derived), editor.revision);
            let tolerance = ExtrudeOptions::default().tolerance_mm;
            let work = Work::spawn(Some(ctx), move |_| {
                let shared = derived.solid(&document, revision, tolerance);
                shared.as_ref().clone().map(Solid::new)
            });
            self.job = Some((editor.revision, work));
        }
    }

    /// Shows the preview in the panel, on `machine`'s build volume.
    pub fn preview_ui(
        &mut self,
        ui: &mut egui::Ui,
        editor: &Editor,
        machine: &Machine,
        i18n: &I18n,
    ) {
        self.update(editor, ui.ctx());
        ui.horizontal(|ui| {
            ui.heading(i18n.tr("preview-title"));
            if self.is_computing() {
                ui.spinner();
            }
            if ui
                .button(i18n.tr("preview-reset"))
                .on_hover_text(i18n.tr("preview-reset-tooltip"))
                .clicked()
            {
                self.framed = false;
            }
        });
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        if !self.framed {
            self.camera = self.framing(machine);
            // Frame again once the first solid arrives: the user's part,
            // not the empty bed, is what they want to see.
            self.framed = matches!(self.solid, Some(Ok(_)));
        }
        self.navigate(ui, &response);
        let rect = response.rect;
        if self.last_view != Some((self.camera, rect)) {
            self.last_view = Some((self.camera, rect));
            self.moved_at = Some(Instant::now());
        }
        painter.rect_filled(rect, 0.0, Color32::from_rgb(236, 240, 245));
        let projector = Projector::new(&self.camera, rect);
        draw_floor(
            &painter,
            &projector,
            machine.width(),
            machine.depth(),
            machine.height(),
        );
        if self.is_coarse() {
            // Come back for the full solid once the view is still.
            ui.ctx().request_repaint_after(SETTLE);
        }
        match &self.solid {
            Some(Ok(solid)) => {
                let mesh = match (&solid.coarse, &self.still_mesh) {
                    (Some((coarse, normals)), _) if self.moving() => Arc::new(solid_mesh(
                        &projector,
                        std::slice::from_ref(coarse),
                        std::slice::from_ref(normals),
                    )),
                    (_, Some((view, mesh))) if *view == (self.camera, rect) => Arc::clone(mesh),
                    _ => {
                        let mesh = Arc::new(solid_mesh(&projector, &solid.meshes, &solid.normals));
                        self.still_mesh = Some(((self.camera, rect), Arc::clone(&mesh)));
                        mesh
                    }
                };
                painter.add(egui::Shape::Mesh(mesh));
            }
            Some(Err(error)) => {
                let text = match error {
                    ExtrudeError::NothingToExtrude => i18n.tr("preview-nothing"),
                    ExtrudeError::InvalidHeight { .. } => i18n.tr("error-export-height"),
                    ExtrudeError::NotClosed { x, y } => i18n.tr_args(
                        "error-export-not-closed",
                        &[
                            ("x", Arg::Text(i18n.number(*x, 1))),
                            ("y", Arg::Text(i18n.number(*y, 1))),
                        ],
                    ),
                    ExtrudeError::Triangulation { .. } => i18n.tr("preview-failed"),
                };
                paint_centred(&painter, rect, text, 15.0, Color32::from_gray(80));
            }
            None => {}
        }
    }

    fn navigate(&mut self, ui: &egui::Ui, response: &egui::Response) {
        let delta = response.drag_delta();
        if response.dragged_by(egui::PointerButton::Primary) {
            self.camera.yaw -= f64::from(delta.x) * 0.01;
            self.camera.pitch = (self.camera.pitch + f64::from(delta.y) * 0.01).clamp(-1.5, 1.5);
        } else if response.dragged_by(egui::PointerButton::Secondary)
            || response.dragged_by(egui::PointerButton::Middle)
        {
            let projector = Projector::new(&self.camera, response.rect);
            let scale = self.camera.distance / projector.focal;
            for k in 0..3 {
                self.camera.target[k] += (-projector.right[k] * f64::from(delta.x)
                    + projector.up[k] * f64::from(delta.y))
                    * scale;
            }
        }
        if response.hovered() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = (-f64::from(scroll) * 0.002).exp() / f64::from(zoom);
            self.camera.distance = (self.camera.distance * factor).clamp(5.0, 5000.0);
        }
    }
}

/// World (mm, Z up) to screen through a perspective camera.
struct Projector {
    eye: V3,
    forward: V3,
    right: V3,
    up: V3,
    focal: f64,
    center: Pos2,
}

/// Nearest distance drawn, mm: closer geometry is dropped, not mirrored.
const NEAR_MM: f64 = 1.0;

impl Projector {
    fn new(camera: &OrbitCamera, rect: egui::Rect) -> Self {
        let eye = camera.eye();
        let forward = normalize(sub(camera.target, eye));
        let right = normalize(cross(forward, [0.0, 0.0, 1.0]));
        let up = cross(right, forward);
        // A 45° field of view across the panel's narrower side: natural, little
        // distortion, and the build volume fits a narrow panel too.
        let focal =
            f64::from(rect.height().min(rect.width())) / (2.0 * (22.5f64).to_radians().tan());
        Self {
            eye,
            forward,
            right,
            up,
            focal,
            center: rect.center(),
        }
    }

    fn project(&self, p: V3) -> Option<(Pos2, f64)> {
        let d = sub(p, self.eye);
        let z = dot(d, self.forward);
        if z < NEAR_MM {
            return None;
        }
        let x = dot(d, self.right) / z * self.focal;
        let y = dot(d, self.up) / z * self.focal;
        Some((
            Pos2::new(self.center.x + x as f32, self.center.y - y as f32),
            z,
        ))
    }
}

fn draw_floor(painter: &egui::Painter, projector: &Projector, width: f64, depth: f64, height: f64) {
    let grid = Stroke::new(1.0, Color32::from_gray(205));
    let line = |a: V3, b: V3, stroke: Stroke| {
        if let (Some((pa, _)), Some((pb, _))) = (projector.project(a), projector.project(b)) {
            painter.line_segment([pa, pb], stroke);
        }
    };
    // A line every centimetre, as on the printer's bed.
    let mut x = 0.0;
    while x <= width {
        line([x, 0.0, 0.0], [x, depth, 0.0], grid);
        x += 10.0;
    }
    let mut y = 0.0;
    while y <= depth {
        line([0.0, y, 0.0], [width, y, 0.0], grid);
        y += 10.0;
    }
    let volume = Stroke::new(1.0, Color32::from_rgb(60, 120, 200));
    let corners = [[0.0, 0.0], [width, 0.0], [width, depth], [0.0, depth]];
    for i in 0..4 {
        let [x0, y0] = corners[i];
        let [x1, y1] = corners[(i + 1) % 4];
        line([x0, y0, 0.0], [x1, y1, 0.0], volume);
        line([x0, y0, height], [x1, y1, height], volume);
        line([x0, y0, 0.0], [x0, y0, height], volume);
    }
}

/// The solid's visible triangles, flat-shaded and sorted far to near.
fn solid_mesh(projector: &Projector, meshes: &[Mesh], normals: &[Vec<V3>]) -> egui::Mesh {
    let light = normalize([0.4, 0.3, 1.0]);
    let base = [0.0, 0.55, 0.5];
    let count: usize = meshes.iter().map(|m| m.triangles.len()).sum();
    let mut triangles: Vec<(f32, [Pos2; 3], Color32)> = Vec::with_capacity(count / 2 + 1);
    for (mesh, normals) in meshes.iter().zip(normals) {
        let projected: Vec<Option<(Pos2, f64)>> = mesh
            .vertices
            .iter()
            .map(|v| projector.project(*v))
            .collect();
        for (t, n) in mesh.triangles.iter().zip(normals) {
            let Some(a) = mesh.vertices.get(t[0] as usize) else {
                continue;
            };
            // Closed, outward-facing solids: faces turned away are hidden.
            if dot(*n, sub(projector.eye, *a)) <= 0.0 {
                continue;
            }
            let corners = t.map(|i| projected.get(i as usize).copied().flatten());
            let [Some((p0, z0)), Some((p1, z1)), Some((p2, z2))] = corners else {
                continue;
            };
            let shade = 0.45 + 0.55 * dot(*n, light).max(0.0);
            let color = Color32::from_rgb(
                (255.0 * (base[0] + 0.25) * shade).min(255.0) as u8,
                (255.0 * base[1] * shade + 40.0).min(255.0) as u8,
                (255.0 * base[2] * shade + 40.0).min(255.0) as u8,
            );
            triangles.push(((z0 + z1 + z2) as f32, [p0, p1, p2], color));
        }
    }
    // Painter's algorithm: far triangles first.
    triangles.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    let mut mesh = egui::Mesh::default();
    mesh.reserve_triangles(triangles.len());
    mesh.reserve_vertices(triangles.len() * 3);
    for (_, points, color) in triangles {
        let first = mesh.vertices.len() as u32;
        for p in points {
            mesh.colored_vertex(p, color);
        }
        mesh.add_triangle(first, first + 1, first + 2);
    }
    mesh
}
