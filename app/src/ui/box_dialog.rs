//! The "Finger-joint box" dialog: the maker types the inside size of a
//! box, the sheet thickness and the kerf, and gets its panels as cut
//! shapes, grouped, on the visible part of the bed, in one undo step.
//!
//! The geometry is [`geometry::finger_box`]; this file only reads the
//! fields, turns its errors into sentences that say what to do, and places
//! the panels. The thickness and kerf start at the laser profile's values,
//! because the lab knows its machine better than a beginner does.
//!
//! Current limitations: the panels are placed, not nested around shapes
//! already on the bed; the fields start from the profile each time the
//! dialog opens (the last box's sizes are not remembered).

use crate::model::machines::MachineView;
use geometry::finger_box::{BoxField, BoxParams, FingerBoxError, Panel, finger_box};
use geometry::{Extrusion, Fill, FillRule, LaserRole, Shape, ShapeKind};
use kurbo::{Affine, BezPath, Rect};

use super::app::FabriqueApp;
use super::panels::fields::format_number;
use crate::i18n::{Arg, I18n};
use crate::model::machines::MachineList;
use crate::model::session::Mode;

/// Sheet thickness when no laser profile says, mm: the plywood and acrylic
/// most labs stock.
const FALLBACK_THICKNESS_MM: f64 = 3.0;
/// Kerf when no laser profile says, mm: the middle of the usual 0.1–0.3.
const FALLBACK_KERF_MM: f64 = 0.2;
/// Inside size the dialog proposes first, mm: a small box that cuts in a
/// few minutes and fits every bed.
const START_SIZE_MM: [f64; 3] = [80.0, 60.0, 40.0];
/// Space kept between the panels and the edge of the visible bed, mm.
const MARGIN_MM: f64 = 10.0;

/// The dialog's fields, in order: their translation key and the number.
const FIELDS: [(BoxField, &str); 5] = [
    (BoxField::Width, "box-width"),
    (BoxField::Depth, "box-depth"),
    (BoxField::Height, "box-height"),
    (BoxField::Thickness, "box-thickness"),
    (BoxField::Kerf, "box-kerf"),
];

/// State of the dialog: the typed texts, the lid and the last refusal.
#[derive(Debug)]
pub struct BoxDialog {
    texts: [String; 5],
    lid: bool,
    problem: Option<String>,
}

/// What the dialog asks of the app.
pub enum BoxOutcome {
    /// Still open.
    Open,
    /// Cancelled.
    Closed,
    /// Made: add these panels (in layout coordinates) as a group.
    Create(Vec<Panel>, BoxParams),
}

impl BoxDialog {
    /// A dialog for the document's laser (its profile gives the thickness
    /// and kerf), with a small starting box.
    pub fn new(machines: &MachineList, machine_id: Option<&str>, decimal: char) -> Self {
        let machine = machines.machine_for(machine_id, Mode::Laser);
        let profile = match machines
            .profile(machine.id())
            .or_else(|| machines.profile("generic-laser"))
        {
            Some(exporters::Machine::Laser(profile)) => Some(profile),
            _ => None,
        };
        let thickness = profile
            .as_ref()
            .map_or(FALLBACK_THICKNESS_MM, |p| p.material_thickness_mm);
        let kerf = profile.as_ref().map_or(FALLBACK_KERF_MM, |p| p.kerf_mm);
        let [w, d, h] = START_SIZE_MM;
        Self {
            texts: [w, d, h, thickness, kerf].map(|v| format_number(v, decimal)),
            lid: true,
            problem: None,
        }
    }

    /// The numbers typed, or the first one that is not a number.
    fn params(&self) -> Result<BoxParams, FingerBoxError> {
        let mut values = [0.0; 5];
        for ((field, _), (text, value)) in FIELDS.iter().zip(self.texts.iter().zip(&mut values)) {
            *value = geometry::transform::parse_number(text)
                .map_err(|_| FingerBoxError::NotANumber { field: *field })?;
        }
        let [width, depth, height, thickness, kerf] = values;
        Ok(BoxParams {
            width,
            depth,
            height,
            thickness,
            kerf,
            lid: self.lid,
        })
    }

    /// Shows the dialog's contents.
    pub fn dialog_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) -> BoxOutcome {
        ui.set_max_width(460.0);
        ui.heading(i18n.tr("box-title"));
        ui.label(i18n.tr("box-intro"));
        ui.add_space(6.0);
        egui::Grid::new("box_fields")
            .num_columns(2)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for ((_, key), text) in FIELDS.iter().zip(&mut self.texts) {
                    let label = ui
                        .label(i18n.tr(key))
                        .on_hover_text(i18n.tr(&format!("{key}-tooltip")));
                    ui.add(
                        egui::TextEdit::singleline(text)
                            .desired_width(90.0)
                            .id_salt(*key),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
            });
        ui.checkbox(&mut self.lid, i18n.tr("box-lid"))
            .on_hover_text(i18n.tr("box-lid-tooltip"));
        if let Some(problem) = &self.problem {
            ui.add_space(4.0);
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.add_space(8.0);
        let mut outcome = BoxOutcome::Open;
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("box-create")).clicked() {
                match self
                    .params()
                    .and_then(|p| finger_box(&p).map(|panels| (panels, p)))
                {
                    Ok((panels, params)) => outcome = BoxOutcome::Create(panels, params),
                    Err(error) => self.problem = Some(box_error_message(i18n, &error)),
                }
            }
            if ui.button(i18n.tr("button-cancel")).clicked() {
                outcome = BoxOutcome::Closed;
            }
        });
        outcome
    }
}

/// A length for a message, with the language's decimal separator.
fn mm_text(i18n: &I18n, value: f64) -> Arg {
    Arg::Text(format_number(value, i18n.decimal_separator()))
}

/// The field's label without its unit, for messages.
fn field_name(i18n: &I18n, field: BoxField) -> Arg {
    let key = FIELDS
        .iter()
        .find(|(f, _)| *f == field)
        .map_or("box-width", |(_, key)| key);
    let label = i18n.tr(key);
    let name = label.trim_end_matches("(mm)").trim_end();
    Arg::Text(name.to_owned())
}

/// A box error in words, with what to do.
pub fn box_error_message(i18n: &I18n, error: &FingerBoxError) -> String {
    let mm = |v: f64| mm_text(i18n, v);
    match *error {
        FingerBoxError::NotANumber { field } => i18n.tr_args(
            "box-error-not-a-number",
            &[("field", field_name(i18n, field))],
        ),
        FingerBoxError::NotPositive {
            field: BoxField::Kerf,
            value,
        } => i18n.tr_args("box-error-kerf-negative", &[("value", mm(value))]),
        FingerBoxError::NotPositive { field, value } => i18n.tr_args(
            "box-error-not-positive",
            &[("field", field_name(i18n, field)), ("value", mm(value))],
        ),
        FingerBoxError::TooLarge {
            field,
            value,
            max_mm,
        } => i18n.tr_args(
            "box-error-too-large",
            &[
                ("field", field_name(i18n, field)),
                ("value", mm(value)),
                ("max", mm(max_mm)),
            ],
        ),
        FingerBoxError::TooThin {
            thickness_mm,
            min_mm,
        } => i18n.tr_args(
            "box-error-too-thin",
            &[("thickness", mm(thickness_mm)), ("min", mm(min_mm))],
        ),
        FingerBoxError::TooThick {
            thickness_mm,
            size_mm,
            max_mm,
            ..
        } => i18n.tr_args(
            "box-error-too-thick",
            &[
                ("thickness", mm(thickness_mm)),
                ("size", mm(size_mm)),
                // Rounded down, so "under 13.33 mm" stays true.
                ("max", mm((max_mm * 100.0).floor() / 100.0)),
            ],
        ),
        FingerBoxError::KerfTooLarge {
            kerf_mm,
            thickness_mm,
        } => i18n.tr_args(
            "box-error-kerf-too-large",
            &[("kerf", mm(kerf_mm)), ("thickness", mm(thickness_mm))],
        ),
        FingerBoxError::Internal { .. } => i18n.tr_args(
            "box-error-internal",
            &[("reason", Arg::Text(error.to_string()))],
        ),
    }
}

/// The panels as filled cut shapes of one new group, with the layout's
/// lower-left corner at `origin`. Each path is centred on its shape's
/// origin, like the primitives, so it turns about its middle; each panel
/// is as thick as the sheet in the 3D preview.
pub fn box_shapes(
    panels: &[Panel],
    params: &BoxParams,
    origin: kurbo::Point,
    group: u64,
) -> Vec<Shape> {
    panels
        .iter()
        .map(|panel| {
            let path = panel.cut_path();
            let centre = kurbo::Shape::bounding_box(&path).center();
            let mut local = BezPath::new();
            local.extend(path.elements().iter().copied());
            local.apply_affine(Affine::translate(-centre.to_vec2()));
            Shape {
                fill: Fill::Filled(FillRule::NonZero),
                role: LaserRole::Cut,
                extrusion: Extrusion {
                    height: params.thickness,
                    ..Extrusion::default()
                },
                group: Some(group),
                ..Shape::new(ShapeKind::Path { path: local })
            }
            .translated(origin.x + centre.x, origin.y + centre.y)
        })
        .collect()
}

/// Where the layout of `size` goes: centred on the part of the machine's
/// bed the canvas shows, or at the bed's corner when it does not fit there.
pub(crate) fn placement(app: &FabriqueApp, size: kurbo::Size) -> (kurbo::Point, bool) {
    let machine = app
        .machines
        .machine_for(app.editor.document.machine_id.as_deref(), Mode::Laser);
    let bed = Rect::new(0.0, 0.0, machine.width(), machine.depth());
    let shown = bed
        .intersect(app.canvas.view.visible_doc())
        .inset(-MARGIN_MM);
    if shown.width() >= size.width && shown.height() >= size.height {
        let centre = shown.center();
        (
            kurbo::Point::new(centre.x - size.width / 2.0, centre.y - size.height / 2.0),
            false,
        )
    } else {
        (kurbo::Point::new(MARGIN_MM, MARGIN_MM), true)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn every_error_has_a_sentence_in_both_languages() {
        use FingerBoxError as E;
        let errors = [
            E::NotANumber {
                field: BoxField::Depth,
            },
            E::NotPositive {
                field: BoxField::Width,
                value: -2.0,
            },
            E::NotPositive {
                field: BoxField::Kerf,
                value: -0.1,
            },
            E::TooLarge {
                field: BoxField::Height,
                value: 3000.0,
                max_mm: 2000.0,
            },
            E::TooThin {
                thickness_mm: 0.2,
                min_mm: 0.5,
            },
            E::TooThick {
                thickness_mm: 50.0,
                field: BoxField::Height,
                size_mm: 40.0,
                max_mm: 40.0 / 3.0,
            },
            E::KerfTooLarge {
                kerf_mm: 4.0,
                thickness_mm: 3.0,
            },
            E::Internal {
                panel: geometry::finger_box::PanelName::Lid,
            },
        ];
        for language in Language::ALL {
            let i18n = I18n::new(language);
            for error in &errors {
                let text = box_error_message(&i18n, error);
                assert!(!text.starts_with("box-"), "{language:?} {error:?}: {text}");
                assert!(!text.contains("(mm)"), "{text}");
            }
        }
        let fr = I18n::new(Language::French);
        let text = box_error_message(&fr, &errors[5]);
        assert!(text.contains("13,33") && text.contains("50 mm"), "{text}");
    }

    #[test]
    fn the_panels_become_one_group_of_filled_cut_shapes_where_the_layout_says() {
        let params = BoxParams {
            width: 80.0,
            depth: 60.0,
            height: 40.0,
            thickness: 3.0,
            kerf: 0.0,
            lid: false,
        };
        let panels = finger_box(&params).unwrap();
        let shapes = box_shapes(&panels, &params, kurbo::Point::new(100.0, 50.0), 7);
        assert_eq!(shapes.len(), 5);
        for (shape, panel) in shapes.iter().zip(&panels) {
            assert_eq!(shape.group, Some(7));
            assert_eq!(shape.role, LaserRole::Cut);
            assert!(shape.is_filled());
            let placed = geometry::outline::shape_bounds(shape).unwrap();
            let expected =
                kurbo::Shape::bounding_box(&panel.cut_path()) + kurbo::Vec2::new(100.0, 50.0);
            assert!(
                (placed.x0 - expected.x0).abs() < 1e-9 && (placed.y1 - expected.y1).abs() < 1e-9
            );
        }
    }
}
