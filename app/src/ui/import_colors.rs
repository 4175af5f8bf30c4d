//! The colour step of an SVG import, LightBurn's layers as the model: a
//! laser file made elsewhere uses its own colour code, so before its
//! shapes come in, each colour is listed (a swatch, how much of it) with
//! what the laser will do with it — cut, score, engrave or ignore — and a
//! preview drawn in those operations' colours.
//!
//! The defaults are the import engine's own ([`geometry::import`]): the
//! convention of the program that wrote the file, else the lab machine's
//! colour code, else lines cut and areas engraved — the same rules as
//! `fabrique laser`. "Import" answers with the choices as
//! [`ColorRules::chosen_paint`] and the file's bytes: the app imports them
//! again through the same engine ([`crate::ui::app::AppCommand::ImportColors`]).
//!
//! A choice that departs from the file's default is remembered for the
//! session ([`crate::model::color_memory`]) and proposed for the same
//! colour in the next file's step.
//!
//! The step is shown only when there is a choice to make
//! ([`needs_step`]): a file of one colour, or one Fabrique wrote (its
//! colour code is written in it), comes in directly.

use std::path::PathBuf;
use std::sync::Arc;

use egui::{Color32, Vec2};
use geometry::import::{
    ColorRules, ColorUse, Generator, LabColors, Operation, PaintKind, SvgImport,
};

use super::import_preview::ImportPreview;
use crate::i18n::{Arg, I18n};
use crate::model::color_memory::{ColorChange, ColorMemory};

/// The list's height before it scrolls, points: with the heading, the
/// preview and the buttons it fits a 600-pixel-high screen.
const LIST_HEIGHT: f32 = 250.0;

/// The preview's size, points.
const PREVIEW_SIZE: Vec2 = Vec2::new(300.0, 210.0);

/// What the person asked for: import the file with these rules.
#[derive(Debug)]
pub struct ColorChoice {
    /// The file, for messages.
    pub path: PathBuf,
    /// Its bytes as read the first time (the file is not read again).
    pub bytes: Arc<Vec<u8>>,
    /// The lab's colour code and the person's choice for every colour.
    pub rules: ColorRules,
    /// Each colour as left, for the session's memory of choices.
    pub changes: Vec<ColorChange>,
}

/// How the step ended this frame.
#[derive(Debug)]
pub enum ColorStepOutcome {
    /// Still open.
    Open,
    /// "Cancel": nothing is imported.
    Cancelled,
    /// "Import" with these choices.
    Import(Box<ColorChoice>),
}

/// The colour step's own state: the file's colours and the operation
/// chosen for each.
#[derive(Debug)]
pub struct ColorStep {
    path: PathBuf,
    bytes: Arc<Vec<u8>>,
    lab: LabColors,
    generator: Option<Generator>,
    uses: Vec<ColorUse>,
    operations: Vec<Operation>,
    preview: ImportPreview,
}

/// `true` when `import` has a colour choice to show: more than one colour,
/// and not a file Fabrique wrote with its colour code inside.
pub fn needs_step(import: &SvgImport) -> bool {
    let mut colors: Vec<_> = import.colors.iter().map(|u| u.color).collect();
    colors.sort();
    colors.dedup();
    let own_code = matches!(import.generator, Some(Generator::Fabrique(_)));
    colors.len() > 1 && !own_code
}

impl ColorStep {
    /// The step for `import`, read from `bytes` of `path` with the lab's
    /// colour code `lab`; a colour chosen earlier in the session starts on
    /// what was chosen (`memory`), the others on the file's defaults.
    pub fn new(
        path: PathBuf,
        bytes: Arc<Vec<u8>>,
        import: SvgImport,
        lab: LabColors,
        memory: &ColorMemory,
    ) -> Self {
        let operations = import
            .colors
            .iter()
            .map(|u| memory.recall(u.kind, u.color).unwrap_or(u.operation))
            .collect();
        let preview = ImportPreview::new(&import.colors);
        Self {
            path,
            bytes,
            lab,
            generator: import.generator,
            uses: import.colors,
            operations,
            preview,
        }
    }

    /// The choice as it stands: every colour's operation, chosen.
    fn choice(&self) -> ColorChoice {
        let chosen_paint = self
            .uses
            .iter()
            .zip(&self.operations)
            .map(|(u, op)| (u.kind, u.color, *op))
            .collect();
        // `uses` keeps the engine's defaults; `operations` what is shown.
        let changes = self
            .uses
            .iter()
            .zip(&self.operations)
            .map(|(u, op)| ColorChange {
                kind: u.kind,
                color: u.color,
                chosen: (*op != u.operation).then_some(*op),
            })
            .collect();
        ColorChoice {
            path: self.path.clone(),
            bytes: Arc::clone(&self.bytes),
            rules: ColorRules {
                lab: self.lab,
                chosen_paint,
                ..ColorRules::default()
            },
            changes,
        }
    }

    /// The step's window content.
    pub fn dialog_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) -> ColorStepOutcome {
        ui.heading(i18n.tr("import-colors-title"));
        let intro = match self.generator {
            Some(g @ (Generator::BoxesPy | Generator::Fabrique(_))) => i18n.tr_args(
                "import-colors-generator",
                &[("generator", Arg::Text(g.name().to_owned()))],
            ),
            _ => i18n.tr("import-colors-text"),
        };
        ui.add(egui::Label::new(intro).wrap());
        ui.add_space(4.0);
        ui.horizontal_top(|ui| {
            ui.vertical(|ui| {
                egui::ScrollArea::vertical()
                    .max_height(LIST_HEIGHT)
                    .auto_shrink([true, true])
                    .show(ui, |ui| self.list_ui(ui, i18n));
            });
            ui.vertical(|ui| {
                ui.label(i18n.tr("import-colors-preview"));
                self.preview.preview_ui(ui, PREVIEW_SIZE, &self.operations);
                legend_ui(ui, i18n);
            });
        });
        ui.add_space(6.0);
        let mut outcome = ColorStepOutcome::Open;
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("import-colors-import")).clicked() {
                outcome = ColorStepOutcome::Import(Box::new(self.choice()));
            }
            if ui.button(i18n.tr("button-cancel")).clicked() {
                outcome = ColorStepOutcome::Cancelled;
            }
        });
        outcome
    }

    /// One row per colour: swatch, what it paints, how much, the operation.
    fn list_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) {
        egui::Grid::new("import_colors")
            .num_columns(4)
            .spacing(Vec2::new(10.0, 6.0))
            .show(ui, |ui| {
                for (index, color) in self.uses.iter().enumerate() {
                    swatch_ui(ui, color.color.0);
                    let name = ui.label(row_name(i18n, color));
                    ui.label(amount(i18n, color));
                    if let Some(op) = self.operations.get_mut(index) {
                        operation_ui(ui, i18n, index, op, name.id);
                    }
                    ui.end_row();
                }
            });
    }
}

/// "Lines #0000FF" or "Areas #FF0000": the name of a row, also the
/// accessible name of its operation box.
pub fn row_name(i18n: &I18n, color: &ColorUse) -> String {
    let key = match color.kind {
        PaintKind::Stroke => "import-colors-lines",
        PaintKind::Fill => "import-colors-areas",
    };
    i18n.tr_args(key, &[("color", Arg::Text(color.color.to_string()))])
}

/// How much of a colour: the length of its lines, or how many areas.
fn amount(i18n: &I18n, color: &ColorUse) -> String {
    match color.kind {
        PaintKind::Stroke => i18n.tr_args(
            "import-colors-length",
            &[(
                "length",
                Arg::Text(crate::check_text::mm_in(i18n, color.length_mm.round())),
            )],
        ),
        PaintKind::Fill => i18n.tr_args(
            "import-colors-areas-count",
            &[("count", Arg::Number(color.paths as f64))],
        ),
    }
}

/// The colour itself, as a small square with a frame (white shows too).
fn swatch_ui(ui: &mut egui::Ui, [r, g, b]: [u8; 3]) {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(18.0), egui::Sense::hover());
    ui.painter()
        .rect_filled(rect, 3.0, Color32::from_rgb(r, g, b));
    ui.painter().rect_stroke(
        rect,
        3.0,
        egui::Stroke::new(1.0, Color32::from_gray(90)),
        egui::StrokeKind::Inside,
    );
}

/// The operation's drop-down, named after its row.
fn operation_ui(
    ui: &mut egui::Ui,
    i18n: &I18n,
    index: usize,
    operation: &mut Operation,
    name: egui::Id,
) {
    egui::ComboBox::from_id_salt(("import_color_op", index))
        .selected_text(operation_word(i18n, *operation))
        .show_ui(ui, |ui| {
            for op in Operation::ALL {
                ui.selectable_value(operation, op, operation_word(i18n, op));
            }
        })
        .response
        .labelled_by(name);
}

/// The operation in the words of the properties panel.
pub fn operation_word(i18n: &I18n, operation: Operation) -> String {
    i18n.tr(match operation {
        Operation::Cut => "role-cut",
        Operation::Score => "role-score",
        Operation::Engrave => "role-engrave",
        Operation::Ignore => "import-colors-ignore",
    })
}

/// What the preview's colours mean, each word in its colour.
fn legend_ui(ui: &mut egui::Ui, i18n: &I18n) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for op in Operation::ALL {
            let color = super::import_preview::role_of(op).map_or(
                Color32::from_gray(130),
                crate::ui::canvas::paint::role_color,
            );
            ui.label(
                egui::RichText::new(operation_word(i18n, op))
                    .color(color)
                    .strong(),
            );
        }
    });
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn import(svg: &str) -> SvgImport {
        geometry::import::import_svg(svg.as_bytes()).unwrap()
    }

    #[test]
    fn the_step_shows_only_when_there_is_a_choice() {
        let head = r#"<svg xmlns="http://www.w3.org/2000/svg" width="50mm" height="50mm" viewBox="0 0 50 50">"#;
        let one = format!(
            r##"{head}<rect width="9" height="9" fill="none" stroke="#f00"/><rect x="20" width="9" height="9" fill="none" stroke="#f00"/></svg>"##
        );
        assert!(!needs_step(&import(&one)), "one colour");
        let two = format!(
            r##"{head}<rect width="9" height="9" fill="none" stroke="#f00"/><line x2="40" stroke="#00f"/></svg>"##
        );
        assert!(needs_step(&import(&two)), "two colours");
        let own = format!(
            "<!-- Made with Fabrique for the laser profile \"g\" (g): cut #FF0000 hairline, \
             score #0000FF hairline, engrave #000000 fill. -->{two}"
        );
        assert!(!needs_step(&import(&own)), "Fabrique's own file");
    }
}
