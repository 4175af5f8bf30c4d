//! The quick projects of the start screen, done through the real UI
//! (egui_kittest) on a 1024×600 netbook, in French and in English, from
//! the first start to the exported file in at most six actions: a click, a
//! typed text or a key press is one. The file is really written, named
//! from the work, and the shapes stay ordinary, editable shapes.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use fabrique::i18n::Language;
use fabrique::model::session::Mode;
use fabrique::ui::dialogs::Dialog;
use fabrique::ui::{AppCommand, AppOptions, FabriqueApp};
use geometry::{LaserRole, ShapeKind};
use ui_support::settle;

/// Most actions a quick project may take, first start to file (issue 9).
const MAX_ACTIONS: usize = 6;

/// A person making one quick project, counting what they do.
struct Visit {
    h: Harness<'static, FabriqueApp>,
    dir: tempfile::TempDir,
    actions: usize,
}

impl Visit {
    /// The app's first start on the smallest kiosk screen: the start
    /// screen is shown.
    fn first_start(language: Language) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut options = AppOptions::testing(dir.path(), language);
        options.start_screen = true;
        let mut h = Harness::builder()
            .with_size(egui::Vec2::new(1024.0, 600.0))
            .build_eframe(move |_cc| FabriqueApp::new(options));
        settle(&mut h);
        assert!(h.state().tutorials().start_screen_open);
        Visit { h, dir, actions: 0 }
    }

    fn tr(&self, key: &str) -> String {
        self.h.state().i18n().tr(key)
    }

    /// Clicks the button labelled by translation key `key`.
    fn click(&mut self, key: &str) {
        self.actions += 1;
        let label = self.tr(key);
        let node = self.h.get_by_role_and_label(Role::Button, &label);
        let rect = node.rect();
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 600.0));
        assert!(
            screen.contains_rect(rect),
            "{label} reads whole on 1024×600: {rect:?}"
        );
        node.click();
        settle(&mut self.h);
    }

    /// Chooses quick project `key` on the start screen.
    fn choose(&mut self, key: &str) {
        self.actions += 1;
        let label = self.tr(key);
        // (kittest does not see a pointer click inside the start screen's
        // modal; the real window does, checked under Xvfb.)
        self.h
            .get_by_role_and_label(Role::Button, &label)
            .click_accesskit();
        settle(&mut self.h);
        assert!(!self.h.state().tutorials().start_screen_open);
    }

    /// Types `text` where the keyboard is: no click first.
    fn type_text(&mut self, text: &str) {
        self.actions += 1;
        self.h.event(egui::Event::Text(text.to_owned()));
        settle(&mut self.h);
    }

    /// Export, a format, and Save under the suggested name (the test
    /// points it into its own folder, not counted).
    fn export(&mut self, format_key: &str, expected_name: &str) -> std::path::PathBuf {
        self.click("cmd-export");
        self.click(format_key);
        let field = self.tr("file-name");
        let suggested = self
            .h
            .get_by_role_and_label(Role::TextInput, &field)
            .value()
            .unwrap_or_default();
        assert_eq!(suggested, expected_name, "the name comes from the work");
        let path = self.dir.path().join(&suggested);
        self.h
            .get_by_role_and_label(Role::TextInput, &field)
            .set_text_value_accesskit(&path.display().to_string());
        settle(&mut self.h);
        self.click("file-confirm-save");
        self.h.state_mut().handle(AppCommand::WaitForJob);
        settle(&mut self.h);
        assert!(path.is_file(), "{} was written", path.display());
        path
    }

    fn shapes(&self) -> &[geometry::Shape] {
        &self.h.state().editor().document.shapes
    }

    /// The lab check of the document on the machine the app shows.
    fn expect_lab_ready(&self) {
        let app = self.h.state();
        let machine = app.machines().of_document(app.editor());
        let report = exporters::check::check(
            &app.editor().document,
            &machine,
            &exporters::check::CheckOptions::default(),
        );
        assert!(report.is_ready(), "lab check: {:?}", report.findings);
    }

    fn done(&self, what: &str) {
        self.expect_lab_ready();
        println!("{what}: {} actions", self.actions);
        assert!(
            self.actions <= MAX_ACTIONS,
            "{what}: {} actions",
            self.actions
        );
    }
}

fn keychain(language: Language) {
    let mut v = Visit::first_start(language);
    v.choose("quick-keychain");
    v.type_text("Léa");
    v.click("quick-create");
    assert_eq!(v.h.state().editor().session.mode, Mode::Print3d);
    let kinds: Vec<&ShapeKind> = v.shapes().iter().map(|s| &s.kind).collect();
    assert!(matches!(
        kinds[..],
        [
            ShapeKind::RoundedRectangle { .. },
            ShapeKind::Ellipse { .. },
            ShapeKind::Text { .. }
        ]
    ));
    assert!(v.shapes()[1].extrusion.hole);
    assert!(
        v.shapes().iter().all(|s| s.group.is_none()),
        "ordinary shapes"
    );
    let stl = v.export("format-stl", "porte-cles-lea.stl");
    let mesh = stl_io::read_stl(&mut std::fs::File::open(&stl).unwrap()).unwrap();
    assert!(mesh.validate().is_ok(), "the STL is a closed solid");
    v.done("keychain");
}

#[test]
fn keychain_in_french() {
    keychain(Language::French);
}

#[test]
fn keychain_in_english() {
    keychain(Language::English);
}

fn badge(language: Language) {
    let mut v = Visit::first_start(language);
    v.choose("quick-badge");
    v.type_text("Noé");
    v.click("quick-create");
    assert_eq!(v.h.state().editor().session.mode, Mode::Laser);
    // Shown big, not lost on a 600 mm bed.
    let made = geometry::transform::shapes_bounds(v.shapes()).unwrap();
    let seen = v.h.state().canvas().view.visible_doc();
    assert!(seen.contains(made.origin()) && seen.contains(made.origin() + made.size().to_vec2()));
    assert!(
        seen.width().min(seen.height().abs()) < 4.0 * made.width(),
        "{seen:?} {made:?}"
    );
    let roles: Vec<LaserRole> = v.shapes().iter().map(|s| s.role).collect();
    assert_eq!(roles, [LaserRole::Cut, LaserRole::Cut, LaserRole::Engrave]);
    let svg = v.export("format-svg", "badge-noe.svg");
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.contains("mm\""), "a laser SVG in millimetres");
    v.done("badge");
}

#[test]
fn badge_in_french() {
    badge(Language::French);
}

#[test]
fn badge_in_english() {
    badge(Language::English);
}

/// Waits for the tracer's decoding, preview and full trace.
fn wait_for_trace(v: &mut Visit) {
    for _ in 0..3 {
        v.h.state_mut().handle(AppCommand::WaitForTrace);
        settle(&mut v.h);
    }
}

fn coaster(language: Language) {
    let mut v = Visit::first_start(language);
    v.choose("quick-coaster");
    v.click("sample-feuille");
    wait_for_trace(&mut v);
    assert!(matches!(v.h.state().dialog(), Some(Dialog::Trace(_))));
    v.click("trace-confirm");
    wait_for_trace(&mut v);
    assert!(v.h.state().dialog().is_none());
    assert_eq!(v.h.state().editor().session.mode, Mode::Laser);
    let disc = &v.shapes()[0];
    assert!(matches!(disc.kind, ShapeKind::Ellipse { rx, ry } if rx == 45.0 && ry == 45.0));
    assert!(v.shapes().len() > 1);
    assert!(
        v.shapes()[1..].iter().all(|s| s.role != LaserRole::Cut),
        "the picture is engraved"
    );
    let svg = v.export("format-svg", "dessous-de-verre.svg");
    assert!(std::fs::metadata(&svg).unwrap().len() > 0);
    v.done("coaster");
}

#[test]
fn coaster_in_french() {
    coaster(Language::French);
}

#[test]
fn coaster_in_english() {
    coaster(Language::English);
}

#[test]
fn a_cancelled_coaster_leaves_the_next_import_ordinary() {
    let mut v = Visit::first_start(Language::English);
    v.choose("quick-coaster");
    v.click("quick-own-picture");
    assert!(matches!(v.h.state().dialog(), Some(Dialog::Browser(_))));
    v.click("button-cancel");
    v.h.state_mut()
        .handle(AppCommand::OpenSample("feuille.png".to_owned()));
    wait_for_trace(&mut v);
    v.click("trace-confirm");
    wait_for_trace(&mut v);
    assert!(
        v.shapes()
            .iter()
            .all(|s| !matches!(s.kind, ShapeKind::Ellipse { .. })),
        "no coaster disc"
    );
}

#[test]
fn a_blank_name_is_asked_for_again() {
    let mut v = Visit::first_start(Language::French);
    v.choose("quick-badge");
    v.click("quick-create");
    assert!(v.shapes().is_empty());
    let problem = v.tr("quick-error-no-name");
    assert!(v.h.query_by_label(&problem).is_some());
}

#[test]
fn enter_in_the_name_field_creates_like_the_button() {
    let mut v = Visit::first_start(Language::English);
    v.choose("quick-keychain");
    v.type_text("Tom");
    v.h.key_press(egui::Key::Enter);
    settle(&mut v.h);
    assert_eq!(v.shapes().len(), 3);
    assert!(v.h.state().dialog().is_none());
}

#[test]
fn the_coasters_file_dialog_offers_the_samples_too() {
    let mut v = Visit::first_start(Language::French);
    v.choose("quick-coaster");
    v.click("quick-own-picture");
    assert!(matches!(v.h.state().dialog(), Some(Dialog::Browser(_))));
    v.click("sample-chat");
    wait_for_trace(&mut v);
    v.click("trace-confirm");
    wait_for_trace(&mut v);
    assert!(
        matches!(v.shapes()[0].kind, ShapeKind::Ellipse { .. }),
        "the disc"
    );
    assert!(v.shapes().len() > 1);
}

#[test]
fn the_coasters_diameter_is_typed_over_and_checked() {
    let mut v = Visit::first_start(Language::French);
    v.choose("quick-coaster");
    // The diameter has the keyboard, selected whole: typing replaces it.
    v.type_text("120");
    v.click("sample-feuille");
    wait_for_trace(&mut v);
    v.click("trace-confirm");
    wait_for_trace(&mut v);
    assert!(matches!(v.shapes()[0].kind, ShapeKind::Ellipse { rx, .. } if rx == 60.0));
    // Too small a coaster is refused in words, with the range.
    let mut v = Visit::first_start(Language::French);
    v.choose("quick-coaster");
    v.type_text("5");
    v.click("sample-feuille");
    assert!(matches!(v.h.state().dialog(), Some(Dialog::Quick(_))));
    let problem = v.h.state().i18n().tr_args(
        "quick-error-diameter",
        &[
            ("min", fabrique::i18n::Arg::Text("40".into())),
            ("max", fabrique::i18n::Arg::Text("250".into())),
        ],
    );
    assert!(v.h.query_by_label(&problem).is_some(), "{problem}");
}
