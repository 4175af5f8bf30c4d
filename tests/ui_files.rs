//! Files through the real UI (egui_kittest, built-in file dialog): save and
//! reopen, a save finishing on its worker while the user keeps drawing,
//! export an STL in 3D mode, the unsaved-changes question, restoring an
//! autosave, and a damaged project refused without touching anything.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui_kittest::kittest::Queryable as _;
use fabrique::i18n::Language;
use fabrique::model::command::{Action, Command};
use fabrique::ui::AppCommand;
use ui_support::*;

#[test]
fn save_new_reopen_gives_the_same_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    type_in_field(&mut harness, "Width (mm)", "40");
    let drawn = harness.state().editor().document.clone();
    let path = dir.path().join("keychain.fabrique");
    click(&mut harness, "Save");
    choose_file(&mut harness, &path, "Save file");
    // Saving runs on a worker thread; wait for it as the UI would.
    harness.state_mut().handle(AppCommand::WaitForJob);
    assert!(path.exists());
    assert!(!harness.state().editor().is_dirty());
    click(&mut harness, "New");
    assert!(harness.state().editor().document.shapes.is_empty());
    click(&mut harness, "Open");
    choose_file(&mut harness, &path, "Open file");
    harness.state_mut().handle(AppCommand::WaitForJob);
    assert_eq!(harness.state().editor().document, drawn);
    assert_eq!(
        harness.state().editor().session.project_path.as_deref(),
        Some(path.as_path())
    );
}

#[test]
fn a_save_finishes_while_frames_run_and_later_edits_stay_unsaved() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    let path = dir.path().join("sign.fabrique");
    let saved = harness.state().editor().document.clone();
    let saved_revision = harness.state().editor().revision;
    harness
        .state_mut()
        .handle(AppCommand::SaveTo(path.to_path_buf()));
    // The user keeps working while the file is written: a nudge with the
    // arrow key, then idle frames until the worker is done.
    harness.key_press(egui::Key::ArrowRight);
    let started = std::time::Instant::now();
    while harness.state().job().is_some() {
        assert!(started.elapsed().as_secs() < 60, "the save never finished");
        std::thread::sleep(std::time::Duration::from_millis(5));
        harness.step();
    }
    settle(&mut harness);
    let state = harness.state();
    assert_eq!(fabrique::project::load(&path).unwrap(), saved);
    assert_eq!(state.editor().saved_revision, saved_revision);
    assert_ne!(state.editor().document, saved, "the nudge happened");
    assert!(state.editor().is_dirty(), "the nudge is not in the file");
    assert_eq!(state.editor().session.project_path.as_deref(), Some(&*path));
    assert!(
        harness
            .query_by_label_contains("Saved sign.fabrique")
            .is_some()
    );
}

#[test]
fn switch_to_3d_set_a_height_and_export_a_valid_stl() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.4, 0.4));
    type_in_field(&mut harness, "Width (mm)", "40");
    type_in_field(&mut harness, "Height (mm)", "20");
    click(&mut harness, "3D print");
    type_in_field(&mut harness, "Thickness (mm)", "5");
    assert_eq!(
        harness.state().editor().document.shapes[0].extrusion.height,
        5.0
    );
    let extruded_before = harness.state().extrusions();
    click(&mut harness, "Export");
    assert!(
        harness.query_by_label("Laser SVG").is_none(),
        "3D mode offers 3D formats"
    );
    click(&mut harness, "STL");
    let path = dir.path().join("part.stl");
    choose_file(&mut harness, &path, "Save file");
    // The export runs on a worker thread; wait for it as the UI would.
    harness.state_mut().handle(AppCommand::WaitForJob);
    let mut file = std::fs::File::open(&path).expect("the STL was written");
    let mesh = stl_io::read_stl(&mut file).expect("a valid STL");
    assert!(mesh.faces.len() >= 12);
    let (mut lo, mut hi) = ([f32::MAX; 3], [f32::MIN; 3]);
    for v in &mesh.vertices {
        for k in 0..3 {
            lo[k] = lo[k].min(v[k]);
            hi[k] = hi[k].max(v[k]);
        }
    }
    let size = [hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]];
    for (got, want) in size.iter().zip([40.0, 20.0, 5.0]) {
        assert!((got - want).abs() < 1e-3, "size {size:?}");
    }
    // The printer check judges the same solid: the export and the check
    // reuse the preview's extrusion of this revision (at most the
    // preview's own, if it was still running, is new).
    harness.state_mut().handle(Command::Action(Action::Check));
    settle(&mut harness);
    harness.state_mut().handle(AppCommand::WaitForCheck);
    settle(&mut harness);
    let extruded = harness.state().extrusions() - extruded_before;
    assert!(extruded <= 1, "{extruded} extrusions for one revision");
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    click(&mut harness, "New");
    assert!(harness.query_by_label("Save your changes?").is_some());
    click(&mut harness, "Cancel");
    assert_eq!(harness.state().editor().document.shapes.len(), 1);
    click(&mut harness, "New");
    click(&mut harness, "Don't save");
    assert!(harness.state().editor().document.shapes.is_empty());
}

#[test]
fn an_autosave_is_offered_at_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let mut document = geometry::Document::new();
    document.add(geometry::Shape::new(geometry::ShapeKind::Ellipse {
        rx: 10.0,
        ry: 10.0,
    }));
    // What a session that crashed left behind.
    let mut autosave = fabrique::model::autosave::Autosave::new(Some(dir.path().to_owned()), 0);
    let start = std::time::Instant::now();
    autosave.tick(&document, 1, true, None, start);
    assert!(
        autosave
            .tick(
                &document,
                1,
                true,
                None,
                start + fabrique::model::autosave::IDLE
            )
            .is_none()
    );
    let mut harness = app(dir.path(), Language::English);
    assert!(harness.query_by_label("Restore your work?").is_some());
    click(&mut harness, "Restore my work");
    assert_eq!(harness.state().editor().document, document);
    assert!(harness.state().editor().is_dirty());
}

#[test]
fn a_damaged_project_is_refused_and_nothing_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    let before = harness.state().editor().document.clone();
    let damaged = dir.path().join("broken.fabrique");
    std::fs::write(&damaged, b"{\"format_version\": 1, \"shapes\": [{").unwrap();
    let newer = dir.path().join("future.fabrique");
    std::fs::write(&newer, b"{\"format_version\": 999, \"shapes\": []}").unwrap();
    for (path, words) in [(&damaged, "is damaged"), (&newer, "newer Fabrique")] {
        harness
            .state_mut()
            .handle(AppCommand::OpenPath((path).to_path_buf()));
        harness.state_mut().handle(AppCommand::WaitForJob);
        settle(&mut harness);
        assert!(
            harness.query_all_by_label_contains(words).next().is_some(),
            "{words}"
        );
        click(&mut harness, "OK");
        assert_eq!(harness.state().editor().document, before);
    }
}

/// A file dropped from the file manager.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn an_svg_dropped_on_the_window_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("circle.svg");
    std::fs::write(
        &svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="30mm" height="30mm" viewBox="0 0 30 30"><circle cx="15" cy="15" r="10"/></svg>"#,
    )
    .unwrap();
    let mut harness = app(dir.path(), Language::English);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(svg)));
    harness.step();
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    let b = bounds(&harness);
    assert!((b.width() - 20.0).abs() < 1e-3, "{b:?}");
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    harness
        .input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    settle(&mut harness);
    assert!(harness.query_by_label("Save your changes?").is_some());
    assert!(!harness.state().close_confirmed());
    click(&mut harness, "Don't save");
    assert!(harness.state().close_confirmed());
}

#[test]
fn a_laser_export_uses_the_chosen_machines_colours_and_hairline() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.4, 0.4));
    let state = harness.state();
    let machine = state.machines().of_document(state.editor());
    let exporters::machines::Machine::Laser(profile) = machine else {
        panic!("laser mode shows a laser");
    };
    click(&mut harness, "Export");
    click(&mut harness, "Laser SVG");
    let path = dir.path().join("cut.svg");
    choose_file(&mut harness, &path, "Save file");
    harness.state_mut().handle(AppCommand::WaitForJob);
    let svg = std::fs::read_to_string(&path).expect("the SVG was written");
    let width = format!("stroke-width=\"{}\"", profile.stroke_width_mm);
    assert!(svg.contains(&width), "{width} in {svg}");
}

#[test]
fn choosing_an_existing_file_asks_before_replacing_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    let path = dir.path().join("sign.svg");
    std::fs::write(&path, b"someone else's sign").unwrap();
    click(&mut harness, "Export");
    click(&mut harness, "Laser SVG");
    choose_file(&mut harness, &path, "Save file");
    assert!(
        harness
            .query_by_label_contains("Replace the file?")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("sign.svg already exists")
            .is_some()
    );
    click(&mut harness, "Choose another name");
    assert!(harness.state().job().is_none(), "nothing written");
    assert_eq!(std::fs::read(&path).unwrap(), b"someone else's sign");
    // The person looks again and says yes.
    choose_file(&mut harness, &path, "Save file");
    click(&mut harness, "Replace");
    harness.state_mut().handle(AppCommand::WaitForJob);
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(written.contains("<svg"), "{written}");
}

#[test]
fn the_suggested_name_comes_from_the_work_and_is_never_taken() {
    let dir = tempfile::tempdir().unwrap();
    let mut harness = app(dir.path(), Language::English);
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    let project = dir.path().join("badge.fabrique");
    harness
        .state_mut()
        .handle(AppCommand::SaveTo(project.to_path_buf()));
    harness.state_mut().handle(AppCommand::WaitForJob);
    std::fs::write(dir.path().join("badge.svg"), b"yesterday's badge").unwrap();
    click(&mut harness, "Export");
    click(&mut harness, "Laser SVG");
    let suggested = match &harness.state().dialog() {
        Some(fabrique::ui::dialogs::Dialog::Browser(browser)) => browser.name.clone(),
        other => panic!("no file dialog: {other:?}"),
    };
    assert_eq!(suggested, "badge-2.svg");
    click(&mut harness, "Save file");
    harness.state_mut().handle(AppCommand::WaitForJob);
    assert_eq!(
        std::fs::read(dir.path().join("badge.svg")).unwrap(),
        b"yesterday's badge"
    );
    assert!(dir.path().join("badge-2.svg").exists());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_huge_file_is_refused_before_any_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.svg");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let huge = dir.path().join("film.png");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(3 << 30)
        .unwrap();
    for (path, words) in [
        (fifo, "pas un fichier ordinaire"),
        (huge, "est trop gros (3221 Mo"),
    ] {
        let mut harness = app(dir.path(), Language::French);
        harness
            .input_mut()
            .dropped_files
            .push(std::sync::Arc::new(Dropped(path.clone())));
        settle(&mut harness);
        assert!(
            harness.query_all_by_label_contains(words).next().is_some(),
            "{}: {words}",
            path.display()
        );
        assert!(harness.state().job().is_none(), "no thread waits on it");
        assert!(
            harness
                .state()
                .dialog()
                .as_ref()
                .is_some_and(|d| matches!(d, fabrique::ui::dialogs::Dialog::Message(_)))
        );
    }
}
