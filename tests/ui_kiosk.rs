//! Kiosk mode through the real UI (egui_kittest, temporary folders): a
//! visitor draws and exports to the "USB stick", "Next person" leaves
//! nothing of them (and brings the tutorials' start screen back), paths and
//! dropped files out of the allowed folders are refused, closing needs the
//! animator's PIN, and a broken configuration shows the banner.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use fabrique::ui::AppCommand;
use std::path::{Path, PathBuf};

use clap::Parser as _;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fabrique::model::session::ToolKind;
use fabrique::ui::FabriqueApp;
use ui_support::kiosk_lab::*;
use ui_support::*;

#[test]
fn next_person_leaves_nothing_of_the_previous_person() {
    let lab = Lab::new();
    let mut harness = lab.app(&lab.configure());
    assert!(has_text(&harness, "Next person"), "the configured language");
    assert!(has_text(&harness, "Your files go to"));

    // Zoé draws, saves her project and exports to her USB stick.
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    click(&mut harness, "Save");
    assert!(has_text(&harness, "Up a folder"), "the built-in dialog");
    assert!(
        harness
            .get_by_label("Up a folder")
            .accesskit_node()
            .is_disabled(),
        "no going above the USB stick"
    );
    choose_file(&mut harness, Path::new("zoe-keychain"), "Save file");
    // Saving runs on a worker thread; wait for it as the UI would.
    harness.state_mut().handle(AppCommand::WaitForJob);
    let project = lab.path("usb").join("zoe-keychain.fabrique");
    assert!(project.exists());
    click(&mut harness, "Export");
    click(&mut harness, "Laser SVG");
    click(&mut harness, "Save file");
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    let exported = lab.path("usb").join("zoe-keychain.svg");
    assert!(exported.exists(), "{:?}", files_in(&lab.path("usb")));
    // She draws on; the autosave keeps it in the session folder.
    draw_rectangle(&mut harness, (0.6, 0.3), (0.7, 0.5));
    force_autosave(&mut harness);
    assert!(!files_in(&lab.session_dir()).is_empty());
    assert!(harness.state().editor().history.can_undo());
    // She reads better in French, and leaves the Rectangle tool on.
    click(&mut harness, "Rectangle");
    click(&mut harness, "Français");

    // She leaves; the animator (or she) presses Next person.
    click(&mut harness, "Personne suivante");
    assert!(has_text(
        &harness,
        "Tout effacer pour la personne suivante ?"
    ));
    click(&mut harness, "Oui, tout effacer");
    assert!(
        has_text(&harness, "Next person"),
        "back to the kiosk's language"
    );

    let app = harness.state();
    assert!(app.editor().document.shapes.is_empty());
    assert!(!app.editor().history.can_undo());
    assert!(!app.editor().history.can_redo());
    assert!(app.editor().session.selection.is_empty());
    assert_eq!(app.editor().session.project_path, None);
    assert!(!app.editor().is_dirty());
    assert!(app.notice().is_none());
    assert!(app.dialog().is_none());
    assert!(app.job().is_none());
    assert!(app.canvas().tool.is_idle());
    assert_eq!(app.editor().session.tool, ToolKind::Select);
    assert!(files_in(&lab.session_dir()).is_empty(), "autosave wiped");
    let state = format!("{:?} {:?} {:?}", app.editor(), app.autosave(), app.kiosk());
    assert!(!state.contains("zoe"), "{state}");
    assert!(
        !has_text(&harness, "zoe"),
        "nothing on screen names her file"
    );
    // Undo cannot bring her drawing back.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    settle(&mut harness);
    assert!(harness.state().editor().document.shapes.is_empty());
    assert!(harness.get_by_label("Undo").accesskit_node().is_disabled());
    // What she took away stays on her stick.
    assert!(exported.exists() && project.exists());
}

#[test]
fn a_restart_wipes_what_a_crash_left() {
    let lab = Lab::new();
    let config = lab.configure();
    std::fs::create_dir_all(lab.session_dir()).unwrap();
    let mut document = geometry::Document::new();
    document.add(geometry::Shape::new(geometry::ShapeKind::Ellipse {
        rx: 5.0,
        ry: 5.0,
    }));
    std::fs::write(
        lab.session_dir().join("autosave.fabrique"),
        serde_json::to_vec(&document).unwrap(),
    )
    .unwrap();
    let harness = lab.app(&config);
    assert!(!has_text(&harness, "Restore your work?"));
    assert!(harness.state().editor().document.shapes.is_empty());
    assert!(files_in(&lab.session_dir()).is_empty());
}

#[test]
fn typed_paths_out_of_the_export_folder_are_refused() {
    let lab = Lab::new();
    let mut harness = lab.app(&lab.configure());
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    #[cfg(unix)]
    std::os::unix::fs::symlink(lab.path("outside"), lab.path("usb").join("link")).unwrap();
    click(&mut harness, "Export");
    click(&mut harness, "Laser SVG");
    let outside = lab.path("outside").join("escape.svg");
    let mut attempts = vec![
        ("../outside/escape.svg".to_owned(), "is not allowed here"),
        (outside.display().to_string(), "you can only use"),
    ];
    if cfg!(unix) {
        attempts.push(("link/escape.svg".to_owned(), "you can only use"));
    }
    for (typed, words) in attempts {
        choose_file(&mut harness, Path::new(&typed), "Save file");
        assert!(has_text(&harness, words), "{typed}: {words}");
        assert!(harness.state().dialog().is_some(), "the dialog stays open");
    }
    assert!(files_in(&lab.path("outside")).is_empty());
    // Inside is fine.
    choose_file(&mut harness, Path::new("inside.svg"), "Save file");
    harness.state_mut().handle(AppCommand::WaitForJob);
    assert!(lab.path("usb").join("inside.svg").exists());
}

#[test]
fn a_file_dropped_from_outside_is_refused() {
    let lab = Lab::new();
    let svg = lab.path("outside").join("circle.svg");
    std::fs::write(
        &svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="30mm" height="30mm"><circle cx="15" cy="15" r="10"/></svg>"#,
    )
    .unwrap();
    let mut harness = lab.app(&lab.configure());
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(svg)));
    settle(&mut harness);
    assert!(has_text(&harness, "you can only use"));
    assert!(harness.state().job().is_none(), "nothing read");
    assert!(harness.state().editor().document.shapes.is_empty());
}

/// A file dropped from a file manager.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn next_person_gets_the_tutorials_start_screen_again() {
    // The tutorials hook into the reset by living in FabriqueApp: nothing
    // to register (see fresh_start's module docs).
    let lab = Lab::new();
    let mut harness = lab.app_with_start_screen(&lab.configure(), true);
    assert!(harness.state().tutorials().start_screen_open);
    harness
        .state_mut()
        .handle(fabrique::ui::AppCommand::CloseStartScreen);
    settle(&mut harness);
    click(&mut harness, "Next person");
    click(&mut harness, "Yes, clear everything");
    assert!(harness.state().tutorials().start_screen_open);
    assert!(harness.state().tutorials().active.is_none());
}

#[test]
fn an_unplugged_usb_stick_is_said_in_words() {
    let lab = Lab::new();
    let config = serde_json::json!({
        "export_folder": lab.path("usb-not-plugged"),
        "animator_pin": PIN,
        "language": "en",
    });
    let mut harness = lab.app(&lab.write_config(&config.to_string()));
    assert!(has_text(&harness, "If it is a USB stick, plug it in"));
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    click(&mut harness, "Export");
    click(&mut harness, "Laser SVG");
    assert!(has_text(&harness, "plug it in, then try again"));
    assert!(!has_text(&harness, "Up a folder"), "no file dialog");
}

#[test]
fn closing_needs_the_animators_pin() {
    let lab = Lab::new();
    let mut harness = lab.app(&lab.configure());
    request_close(&mut harness);
    assert!(!harness.state().close_confirmed());
    assert!(has_text(&harness, "Type the animator's PIN to quit"));
    click(&mut harness, "Cancel");
    assert!(!harness.state().close_confirmed());

    request_close(&mut harness);
    type_pin(&mut harness, "1111");
    assert!(has_text(&harness, "Wrong PIN"));
    assert!(!harness.state().close_confirmed());
    type_pin(&mut harness, PIN);
    assert!(harness.state().close_confirmed());
}

#[test]
fn the_animator_button_opens_the_settings_then_quit() {
    let lab = Lab::new();
    let config = lab.configure();
    let mut harness = lab.app(&config);
    click(&mut harness, "Animator");
    assert!(!has_text(&harness, "Kiosk settings"), "not before the PIN");
    // Typed on the keyboard, as an animator does: the field has the focus,
    // and gets it back after a wrong PIN (regression: it kept it lost).
    for pin in ["1111", PIN] {
        harness.event(egui::Event::Text(pin.to_owned()));
        harness.step();
        harness.key_press(egui::Key::Enter);
        settle(&mut harness);
    }
    assert!(has_text(&harness, "Kiosk settings"));
    harness
        .get_by_role_and_label(egui::accesskit::Role::RadioButton, "Français")
        .click();
    settle(&mut harness);
    click(&mut harness, "Save settings");
    assert!(has_text(&harness, "Saved."));
    let saved = fabrique::ui::kiosk::config::KioskConfig::load(&config).unwrap();
    assert_eq!(saved.language.as_deref(), Some("fr"));
    assert!(saved.pin_matches(PIN));
    assert_eq!(saved.animator_pin, None, "kept as a hash only");
    click(&mut harness, "Quit Fabrique");
    assert!(harness.state().close_confirmed());
}

#[test]
fn a_malformed_config_shows_the_banner_and_turns_exports_off() {
    let lab = Lab::new();
    let mut harness = lab.app(&lab.write_config("{ \"export_folder\": "));
    // No valid language in the file: the system's (here French) is used.
    assert!(
        has_text(&harness, "contient une erreur ligne 1"),
        "the banner"
    );
    assert!(
        !has_text(&harness, "expected"),
        "no English inside the French"
    );
    assert!(has_text(&harness, "relancez Fabrique"), "what to do");
    draw_rectangle_fr(&mut harness);
    click(&mut harness, "Exporter");
    click(&mut harness, "SVG laser");
    assert!(has_text(&harness, "le mode kiosque n'est pas réglé"));
    assert!(files_in(&lab.path("usb")).is_empty());
}

#[test]
fn a_missing_config_says_where_it_was_looked_for() {
    let lab = Lab::new();
    let missing = lab.path("nowhere.json");
    let harness = lab.app(&missing);
    assert!(has_text(&harness, "n'existe pas"));
    assert!(has_text(&harness, &missing.display().to_string()));
}

#[test]
fn a_kiosk_window_is_full_screen_and_forgets_its_place() {
    let kiosk = fabrique::ui::native_options(true);
    assert_eq!(kiosk.viewport.fullscreen, Some(true));
    assert!(!kiosk.persist_window);
    let editor = fabrique::ui::native_options(false);
    assert_ne!(editor.viewport.fullscreen, Some(true));
    assert!(editor.persist_window);
}

#[test]
fn the_kiosk_config_option_needs_kiosk() {
    use fabrique::cli::Cli;
    let cli = Cli::try_parse_from(["fabrique", "--kiosk", "--kiosk-config", "k.json"]).unwrap();
    assert!(cli.kiosk);
    assert_eq!(cli.kiosk_config, Some(PathBuf::from("k.json")));
    assert!(Cli::try_parse_from(["fabrique", "--kiosk-config", "k.json"]).is_err());
    let plain = Cli::try_parse_from(["fabrique", "design.fabrique"]).unwrap();
    assert!(!plain.kiosk);
}

/// Draws a rectangle with the French tool name.
fn draw_rectangle_fr(harness: &mut Harness<'_, FabriqueApp>) {
    harness.get_by_label("Rectangle").click();
    settle(harness);
    let from = canvas_point(harness, 0.3, 0.3);
    let to = canvas_point(harness, 0.5, 0.6);
    drag(harness, from, to);
}

/// The lab's model in the import folder: a project with one square.
fn lab_model(lab: &Lab) -> (PathBuf, Vec<u8>) {
    let mut document = geometry::Document::new();
    document.add(geometry::Shape::new(geometry::ShapeKind::Ellipse {
        rx: 10.0,
        ry: 10.0,
    }));
    let path = lab.path("models").join("projet-labo.fabrique");
    let bytes = fabrique::project::to_json(&document);
    std::fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

fn open_lab_model(harness: &mut Harness<'_, FabriqueApp>) {
    click(harness, "Open");
    click(harness, "models");
    choose_file(harness, Path::new("projet-labo.fabrique"), "Open file");
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(harness);
    assert_eq!(harness.state().editor().document.shapes.len(), 1);
}

#[test]
fn saving_a_model_from_an_import_folder_never_writes_there() {
    let lab = Lab::new();
    let config = lab.configure_with_models();
    let (model, original) = lab_model(&lab);
    let mut harness = lab.app(&config);
    open_lab_model(&mut harness);
    // The visitor changes it and presses Ctrl+S, twice.
    draw_rectangle(&mut harness, (0.6, 0.3), (0.7, 0.5));
    for _ in 0..2 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
        settle(&mut harness);
        harness.state_mut().handle(AppCommand::WaitForJob);
        settle(&mut harness);
    }
    assert_eq!(
        std::fs::read(&model).unwrap(),
        original,
        "the lab's model is intact"
    );
    assert_eq!(files_in(&lab.path("models")).len(), 1);
    // Saved as new files in the export folder, never one over the other.
    let usb = lab.path("usb");
    assert!(
        usb.join("projet-labo.fabrique").exists(),
        "{:?}",
        files_in(&usb)
    );
    assert!(
        usb.join("projet-labo-2.fabrique").exists(),
        "{:?}",
        files_in(&usb)
    );
    let saved = fabrique::project::load(&usb.join("projet-labo.fabrique")).unwrap();
    assert_eq!(saved.shapes.len(), 2);
}

#[test]
fn the_unsaved_changes_question_saves_into_the_export_folder_too() {
    let lab = Lab::new();
    let config = lab.configure_with_models();
    let (model, original) = lab_model(&lab);
    let mut harness = lab.app(&config);
    open_lab_model(&mut harness);
    draw_rectangle(&mut harness, (0.6, 0.3), (0.7, 0.5));
    // New asks about the unsaved changes; the visitor answers Save.
    click(&mut harness, "New");
    // The question's Save, drawn above the top bar's.
    harness.query_all_by_label("Save").last().unwrap().click();
    settle(&mut harness);
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    assert_eq!(std::fs::read(&model).unwrap(), original);
    assert!(lab.path("usb").join("projet-labo.fabrique").exists());
}

#[test]
fn exports_never_replace_a_file_in_the_export_folder() {
    let lab = Lab::new();
    let mut harness = lab.app(&lab.configure());
    let usb = lab.path("usb");
    std::fs::write(usb.join("visiteur1.svg"), b"first visitor's file").unwrap();
    std::fs::write(usb.join("photo-de-marie.jpg"), b"JPEG").unwrap();
    draw_rectangle(&mut harness, (0.3, 0.3), (0.5, 0.6));
    click(&mut harness, "Export");
    click(&mut harness, "Laser SVG");
    // Every file of the folder is listed, whatever its type.
    assert!(
        has_text(&harness, "photo-de-marie.jpg"),
        "the dialog lists every file"
    );
    choose_file(&mut harness, Path::new("visiteur1.svg"), "Save file");
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    assert_eq!(
        std::fs::read(usb.join("visiteur1.svg")).unwrap(),
        b"first visitor's file"
    );
    assert!(usb.join("visiteur1-2.svg").exists(), "{:?}", files_in(&usb));
    assert!(
        has_text(&harness, "visiteur1-2.svg"),
        "the message names the new file"
    );
    // Save as with a picture's name: the project's own extension, the picture kept.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    settle(&mut harness);
    choose_file(&mut harness, Path::new("photo-de-marie.jpg"), "Save file");
    harness.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut harness);
    assert_eq!(
        std::fs::read(usb.join("photo-de-marie.jpg")).unwrap(),
        b"JPEG"
    );
    assert!(
        usb.join("photo-de-marie.jpg.fabrique").exists(),
        "{:?}",
        files_in(&usb)
    );
}

#[test]
fn an_open_dialog_owns_the_keyboard() {
    let lab = Lab::new();
    let mut harness = lab.app(&lab.configure());
    click(&mut harness, "Open");
    assert!(harness.state().dialog().is_some());
    assert!(
        harness
            .get_by_label("Next person")
            .accesskit_node()
            .is_disabled(),
        "greyed while the dialog is open"
    );
    // A visitor types tool keys and tabs around behind the dialog. Tab and
    // Enter may press the dialog's own buttons (a sample picture opens the
    // tracer, itself a dialog); never anything behind it, while one is open.
    harness.key_press(egui::Key::R);
    for _ in 0..12 {
        if harness.state().dialog().is_none() {
            break;
        }
        harness.key_press(egui::Key::Tab);
        harness.key_press(egui::Key::Enter);
        assert!(
            harness.state().kiosk().as_ref().unwrap().panel.is_none(),
            "Tab + Enter never reached Next person"
        );
    }
    settle(&mut harness);
    assert_eq!(harness.state().editor().session.tool, ToolKind::Select);
    if harness.state().dialog().is_none() {
        click(&mut harness, "Open");
    }
    click(&mut harness, "Cancel");
    harness.key_press(egui::Key::R);
    settle(&mut harness);
    assert_eq!(harness.state().editor().session.tool, ToolKind::Rectangle);
}

#[test]
fn next_person_empties_the_primary_selection() {
    let lab = Lab::new();
    let mut harness = lab.app(&lab.configure());
    // Zoé types her name and phone number in a text shape's field and
    // selects it: X11 fills the PRIMARY selection with it.
    click(&mut harness, "Text");
    let at = canvas_point(&harness, 0.4, 0.4);
    drag(&mut harness, at, at);
    type_in_field(&mut harness, "Text", "Zoé 06 12 34 56 78");
    click(&mut harness, "Next person");
    harness.get_by_label("Yes, clear everything").click();
    // The reset's frame must tell the system: PRIMARY is now empty.
    let mut primary = Vec::new();
    for _ in 0..4 {
        harness.step();
        primary.extend(
            harness
                .output()
                .platform_output
                .commands
                .iter()
                .filter_map(|c| match c {
                    egui::OutputCommand::TextSelectionSettled(text) => Some(text.clone()),
                    _ => None,
                }),
        );
    }
    assert_eq!(primary.last().map(String::as_str), Some(""), "{primary:?}");
    assert!(harness.state().editor().document.shapes.is_empty());
}
