//! Tracing a picture through the real UI: the trace dialog opens on a
//! bitmap, previews it live, and "Trace and import" adds the shapes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui_kittest::kittest::Queryable as _;
use fabrique::i18n::Language;
use fabrique::ui::AppCommand;
use fabrique::ui::dialogs::Dialog;
use ui_support::*;

/// A 24-bit BMP of `size`² pixels: a black disc on white.
fn disc_bmp(size: u32) -> Vec<u8> {
    bmp(size, |r| r < size as f64 * 0.35)
}

/// A 24-bit BMP of `size`² pixels, black where `inside(distance from the
/// centre)`.
fn bmp(size: u32, inside: impl Fn(f64) -> bool) -> Vec<u8> {
    let row = (size * 3).div_ceil(4) * 4;
    let pixels = row * size;
    let mut bytes = Vec::new();
    bytes.extend(b"BM");
    bytes.extend((54 + pixels).to_le_bytes());
    bytes.extend([0u8; 4]);
    bytes.extend(54u32.to_le_bytes());
    bytes.extend(40u32.to_le_bytes());
    bytes.extend((size as i32).to_le_bytes());
    bytes.extend((size as i32).to_le_bytes());
    bytes.extend(1u16.to_le_bytes());
    bytes.extend(24u16.to_le_bytes());
    bytes.extend([0u8; 24]);
    let centre = size as f64 / 2.0;
    for y in 0..size {
        for x in 0..size {
            let (dx, dy) = (x as f64 + 0.5 - centre, y as f64 + 0.5 - centre);
            bytes.extend([if inside(dx.hypot(dy)) { 0 } else { 255 }; 3]);
        }
        let padding = row - size * 3;
        bytes.extend(std::iter::repeat_n(0u8, padding as usize));
    }
    bytes
}

/// The app in English with the trace dialog open on `bytes`, written to
/// `name` in `dir`.
fn open_picture(
    dir: &std::path::Path,
    name: &str,
    bytes: &[u8],
) -> egui_kittest::Harness<'static, fabrique::ui::FabriqueApp> {
    let picture = dir.join(name);
    std::fs::write(&picture, bytes).unwrap();
    let mut harness = app(dir, Language::English);
    harness.state_mut().handle(AppCommand::OpenPath(picture));
    settle(&mut harness);
    harness
}

fn wait_for_trace(harness: &mut egui_kittest::Harness<'_, fabrique::ui::FabriqueApp>) {
    harness
        .state_mut()
        .handle(fabrique::ui::AppCommand::WaitForTrace);
    settle(harness);
}

#[test]
fn a_picture_is_traced_into_shapes() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_picture(dir.path(), "disc.bmp", &disc_bmp(60));
    wait_for_trace(&mut harness);
    wait_for_trace(&mut harness);
    let Some(Dialog::Trace(trace)) = harness.state().dialog() else {
        panic!("the trace dialog is open");
    };
    let width = trace.width_mm();
    click(&mut harness, "Trace and import");
    wait_for_trace(&mut harness);
    wait_for_trace(&mut harness);
    let shapes = &harness.state().editor().document.shapes;
    assert_eq!(shapes.len(), 1, "one disc");
    let b = bounds(&harness);
    assert!((b.width() - b.height()).abs() < b.width() * 0.05, "{b:?}");
    // "Width of the result" is the disc's width, not the picture's.
    assert!(
        (b.width() - width).abs() < 1e-6 * width,
        "{} for {width}",
        b.width()
    );
    assert!(harness.state().dialog().is_none());
}

/// A 24-bit BMP of `size`² pixels of 2 × 2 px specks 1 px apart: what a
/// photo of noise or of a texture gives, over 200,000 outlines.
fn specks_bmp(size: u32) -> Vec<u8> {
    let mut bytes = bmp(size, |_| false);
    let row = ((size * 3).div_ceil(4) * 4) as usize;
    for y in 0..size as usize {
        for x in 0..size as usize {
            if x % 3 < 2 && y % 3 < 2 {
                bytes[54 + y * row + 3 * x..][..3].fill(0);
            }
        }
    }
    bytes
}

#[test]
fn a_picture_of_noise_is_refused_in_words_and_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_picture(dir.path(), "specks.bmp", &specks_bmp(1400));
    wait_for_trace(&mut harness);
    click(&mut harness, "Trace and import");
    wait_for_trace(&mut harness);
    wait_for_trace(&mut harness);
    assert!(harness.state().editor().document.shapes.is_empty());
    assert!(
        harness
            .query_all_by_label_contains("looks like a texture or noise")
            .next()
            .is_some(),
        "no message"
    );
}

#[test]
fn cancel_goes_back_to_the_settings_at_once_in_either_mode() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = open_picture(dir.path(), "specks.bmp", &specks_bmp(1400));
    wait_for_trace(&mut harness);
    // The lines mode does not look at the cancel flag: seconds on noise.
    click(&mut harness, "Lines");
    wait_for_trace(&mut harness);
    click(&mut harness, "Trace and import");
    assert!(
        harness.query_by_label("Trace and import").is_none(),
        "tracing"
    );
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label("Trace and import").is_some());
    assert!(harness.state().editor().document.shapes.is_empty());
}

#[test]
fn lines_mode_traces_a_stroke_to_one_line() {
    let dir = tempfile::tempdir().unwrap();
    // A pen circle 4 px wide: one closed line, not two outlines.
    let mut harness = open_picture(dir.path(), "ring.bmp", &bmp(80, |r| (r - 28.0).abs() < 2.0));
    wait_for_trace(&mut harness);
    click(&mut harness, "Lines");
    wait_for_trace(&mut harness);
    click(&mut harness, "Trace and import");
    wait_for_trace(&mut harness);
    wait_for_trace(&mut harness);
    let shapes = &harness.state().editor().document.shapes;
    assert_eq!(shapes.len(), 1, "{shapes:?}");
    assert_eq!(shapes[0].fill, geometry::Fill::Outline);
}

#[test]
fn the_import_dialog_offers_the_sample_pictures_in_one_click() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::French);
    let i18n = fabrique::i18n::I18n::new(harness.state().i18n().language());
    click(&mut harness, &i18n.tr("cmd-import"));
    assert!(matches!(harness.state().dialog(), Some(Dialog::Browser(_))));
    for key in ["sample-feuille", "sample-chat"] {
        assert!(
            harness.query_by_label(&i18n.tr(key)).is_some(),
            "{key} is offered"
        );
    }
    click(&mut harness, &i18n.tr("sample-chat"));
    wait_for_trace(&mut harness);
    wait_for_trace(&mut harness);
    assert!(
        matches!(harness.state().dialog(), Some(Dialog::Trace(_))),
        "the cat opens in the tracer"
    );
    click(&mut harness, &i18n.tr("trace-confirm"));
    wait_for_trace(&mut harness);
    wait_for_trace(&mut harness);
    assert!(harness.state().dialog().is_none());
    assert!(!harness.state().editor().document.shapes.is_empty());
}

#[test]
fn saving_offers_no_sample_picture() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.5));
    let i18n = fabrique::i18n::I18n::new(harness.state().i18n().language());
    click(&mut harness, &i18n.tr("cmd-save"));
    assert!(matches!(harness.state().dialog(), Some(Dialog::Browser(_))));
    assert!(harness.query_by_label(&i18n.tr("sample-feuille")).is_none());
}
