//! Editor performance in a real window (a benchmark, not a test): frame
//! time while panning a 10,000-segment drawing, frame time while orbiting a
//! 200,000-triangle 3D preview, and start-up to the first frames.
//!
//! Run it the way the labs' old laptops run the app — software OpenGL:
//!
//! ```text
//! cargo build --release --example editor_bench
//! xvfb-run -a -s '-screen 0 1366x768x24' target/release/examples/editor_bench
//! ```
//!
//! Frame time is eframe's own measure of each frame (our UI code plus
//! egui's tessellation plus the OpenGL rendering by llvmpipe, without
//! waiting for vsync), and the wall-clock time between frames.

use std::time::{Duration, Instant};

use fabrique::i18n::Language;
use fabrique::model::session::Mode;
use fabrique::ui::{AppOptions, FabriqueApp};
use geometry::{Document, Mesh, Shape, ShapeKind};

const WARMUP_FRAMES: usize = 20;
const MEASURED_FRAMES: usize = 200;

/// 100 polygons of 100 sides: 10,000 straight segments spread over the bed.
fn drawing_of_10k_segments() -> Document {
    let mut doc = Document::new();
    for i in 0..100 {
        let (x, y) = (
            30.0 + 55.0 * f64::from(i % 10),
            20.0 + 28.0 * f64::from(i / 10),
        );
        doc.add(
            Shape::new(ShapeKind::RegularPolygon {
                sides: 100,
                radius: 12.0,
            })
            .translated(x, y),
        );
    }
    doc
}

/// A closed UV sphere of about 200,000 triangles, outward-facing.
fn sphere_of_200k_triangles(centre: [f64; 3], radius: f64) -> Mesh {
    let (stacks, slices) = (251u32, 400u32);
    let mut mesh = Mesh::default();
    mesh.vertices
        .push([centre[0], centre[1], centre[2] + radius]);
    for i in 1..stacks {
        let phi = std::f64::consts::PI * f64::from(i) / f64::from(stacks);
        for j in 0..slices {
            let theta = std::f64::consts::TAU * f64::from(j) / f64::from(slices);
            mesh.vertices.push([
                centre[0] + radius * phi.sin() * theta.cos(),
                centre[1] + radius * phi.sin() * theta.sin(),
                centre[2] + radius * phi.cos(),
            ]);
        }
    }
    let bottom = mesh.vertices.len() as u32;
    mesh.vertices
        .push([centre[0], centre[1], centre[2] - radius]);
    let ring = |i: u32, j: u32| 1 + (i - 1) * slices + j % slices;
    for j in 0..slices {
        mesh.triangles.push([0, ring(1, j), ring(1, j + 1)]);
        mesh.triangles
            .push([bottom, ring(stacks - 1, j + 1), ring(stacks - 1, j)]);
    }
    for i in 1..stacks - 1 {
        for j in 0..slices {
            let (a, b, c, d) = (
                ring(i, j),
                ring(i, j + 1),
                ring(i + 1, j),
                ring(i + 1, j + 1),
            );
            mesh.triangles.push([a, c, d]);
            mesh.triangles.push([a, d, b]);
        }
    }
    mesh
}

#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Pan,
    Orbit,
    Done,
}

struct Bench {
    app: FabriqueApp,
    started: Instant,
    first_frames: Vec<Duration>,
    phase: Phase,
    frame_in_phase: usize,
    last_frame: Option<Instant>,
    cpu: Vec<f64>,
    wall: Vec<f64>,
    report: Vec<String>,
}

fn stats(name: &str, values: &mut [f64]) -> String {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() as f64 - 1.0) * q).round() as usize];
    format!(
        "{name}: median {:.1} ms, p95 {:.1} ms, max {:.1} ms over {} frames",
        at(0.5),
        at(0.95),
        at(1.0),
        values.len()
    )
}

impl eframe::App for Bench {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let now = Instant::now();
        if self.first_frames.len() < 2 {
            self.first_frames.push(now - self.started);
        }
        if self.frame_in_phase >= WARMUP_FRAMES {
            if let Some(cpu) = frame.info().cpu_usage {
                self.cpu.push(f64::from(cpu) * 1000.0);
            }
            if let Some(last) = self.last_frame {
                self.wall.push((now - last).as_secs_f64() * 1000.0);
            }
        }
        self.last_frame = Some(now);
        match self.phase {
            Phase::Pan => self.app.bench_parts().canvas.view.pan(egui::vec2(3.0, 1.0)),
            Phase::Orbit => self.app.bench_parts().preview.camera.yaw += 0.02,
            Phase::Done => {}
        }
        self.app.frame_ui(ui);
        self.frame_in_phase += 1;
        if self.phase != Phase::Done && self.frame_in_phase == WARMUP_FRAMES + MEASURED_FRAMES {
            self.end_phase(ui.ctx());
        }
        ui.ctx().request_repaint();
    }
}

impl Bench {
    fn end_phase(&mut self, ctx: &egui::Context) {
        let label = match self.phase {
            Phase::Pan => format!(
                "pan, {} segments on the canvas",
                fabrique::ui::canvas::segment_count(self.app.canvas())
            ),
            _ => format!(
                "orbit, {} triangles in the preview",
                self.app.bench_parts().preview.triangle_count()
            ),
        };
        self.report
            .push(stats(&format!("{label} — frame (eframe)"), &mut self.cpu));
        self.report
            .push(stats(&format!("{label} — between frames"), &mut self.wall));
        self.cpu.clear();
        self.wall.clear();
        self.frame_in_phase = 0;
        self.last_frame = None;
        self.phase = match self.phase {
            Phase::Pan => {
                let mut doc = Document::new();
                doc.add(Shape::new(ShapeKind::Rectangle {
                    width: 20.0,
                    height: 20.0,
                }));
                let parts = self.app.bench_parts();
                parts.editor.replace_document(doc);
                let _ = parts
                    .editor
                    .apply(fabrique::model::command::Command::SetMode(Mode::Print3d));
                let revision = parts.editor.revision;
                parts.preview.set_meshes(
                    vec![sphere_of_200k_triangles([125.0, 105.0, 40.0], 40.0)],
                    revision,
                );
                Phase::Orbit
            }
            _ => {
                println!(
                    "start-up: first frame begins {:.0} ms after main(), second (first one shown) {:.0} ms",
                    self.first_frames[0].as_secs_f64() * 1000.0,
                    self.first_frames
                        .get(1)
                        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
                );
                for line in &self.report {
                    println!("{line}");
                }
                // The benchmark's drawing is unsaved on purpose: skip the question.
                *self.app.bench_parts().close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                Phase::Done
            }
        };
    }
}

fn main() -> eframe::Result {
    let started = Instant::now();
    let data_dir = std::env::temp_dir().join(format!("fabrique-bench-{}", std::process::id()));
    let mut options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([1366.0, 768.0]),
        ..Default::default()
    };
    // Measure our frames, not the display's refresh rate.
    options.glow_options.vsync = false;
    eframe::run_native(
        "Fabrique benchmark",
        options,
        Box::new(move |_cc| {
            let mut app = FabriqueApp::new(AppOptions::testing(&data_dir, Language::French));
            let parts = app.bench_parts();
            parts.editor.replace_document(drawing_of_10k_segments());
            parts.canvas.fit_requested = true;
            Ok(Box::new(Bench {
                app,
                started,
                first_frames: Vec::new(),
                phase: Phase::Pan,
                frame_in_phase: 0,
                last_frame: None,
                cpu: Vec::new(),
                wall: Vec::new(),
                report: Vec::new(),
            }))
        }),
    )
}
