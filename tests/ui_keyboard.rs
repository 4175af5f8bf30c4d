//! The name-keychain tutorial completed with the keyboard alone, as a
//! person who cannot use a mouse would: Tab to reach a widget, Enter or
//! Space to press it, typing in fields, the tool keys
//! (U, T, E), Enter on the canvas to place a shape, Ctrl+E to export. No
//! pointer event and no AccessKit action is sent, so every widget on the
//! way must be reachable by Tab and usable with keys.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod ui_support;

use egui::accesskit::Role;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use fabrique::i18n::Language;
use fabrique::ui::{AppCommand, FabriqueApp};
use ui_support::settle;

/// Tab presses allowed to reach one widget: the window holds about a
/// hundred focusable widgets.
const MAX_TABS: usize = 250;

struct Keys {
    h: Harness<'static, FabriqueApp>,
    dir: tempfile::TempDir,
}

impl Keys {
    fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let h = ui_support::app_with_start_screen(dir.path(), Language::French);
        Keys { h, dir }
    }

    fn tr(&self, key: &str) -> String {
        self.h.state().i18n().tr(key)
    }

    /// Role and label of the widget that has the keyboard focus.
    fn focused(&self) -> Option<(Role, String)> {
        let node = self.h.query_by(|node| node.is_focused())?;
        let node = node.accesskit_node();
        Some((node.role(), node.label().unwrap_or_default()))
    }

    fn press(&mut self, key: Key) {
        self.h.key_press(key);
        settle(&mut self.h);
    }

    fn press_with(&mut self, modifiers: Modifiers, key: Key) {
        self.h.key_press_modifiers(modifiers, key);
        settle(&mut self.h);
    }

    /// Presses Tab until the widget `role` labelled `label` has the focus.
    #[track_caller]
    fn tab_to(&mut self, role: Role, label: &str) {
        let mut seen = Vec::new();
        for _ in 0..MAX_TABS {
            let focused = self.focused();
            if focused
                .as_ref()
                .is_some_and(|(r, l)| *r == role && l == label)
            {
                return;
            }
            seen.push(focused);
            self.h.key_press(Key::Tab);
            self.h.step();
            self.h.step();
        }
        panic!("Tab never reaches {role:?} {label:?}; it went through {seen:#?}");
    }

    /// Tab to the field labelled by `key`, type `text`, Enter.
    #[track_caller]
    fn fill(&mut self, key: &str, text: &str) {
        let label = self.tr(key);
        self.tab_to(Role::TextInput, &label);
        // Tabbing into a field selects its text: typing replaces it.
        self.h.event(Event::Text(text.to_owned()));
        self.h.step();
        self.press(Key::Enter);
    }

    /// Tab to the button labelled by `key` and press it with Enter.
    #[track_caller]
    fn press_button(&mut self, key: &str) {
        let label = self.tr(key);
        self.tab_to(Role::Button, &label);
        self.press(Key::Enter);
    }

    fn step(&self) -> Option<usize> {
        let active = self.h.state().tutorials().active.as_ref()?;
        (!active.finished()).then_some(active.step + 1)
    }

    #[track_caller]
    fn expect_step(&mut self, n: usize) {
        settle(&mut self.h);
        assert_eq!(self.step(), Some(n), "on step {n}");
    }
}

#[test]
fn the_name_keychain_with_the_keyboard_alone() {
    let mut k = Keys::start();
    assert!(k.h.state().tutorials().start_screen_open);
    let title = fabrique::ui::tutorial::catalogue()
        .iter()
        .find(|t| t.id == "porte-cles")
        .unwrap()
        .title
        .get(Language::French)
        .to_owned();
    k.tab_to(Role::Button, &title);
    k.press(Key::Enter);
    k.expect_step(1);
    // The coach card's buttons may hold the focus: Escape lets it go, so
    // the tool keys and Enter reach the canvas.
    k.press(Key::Escape);
    k.press(Key::U);
    k.expect_step(2);
    k.press(Key::Enter);
    k.expect_step(3);
    k.fill("props-width", "50");
    k.fill("props-height", "20");
    k.expect_step(4);
    k.fill("props-extrude-height", "2,5");
    k.expect_step(5);
    k.press(Key::Escape);
    k.press(Key::T);
    k.press(Key::Enter);
    k.expect_step(6);
    k.fill("props-text", "Léa");
    k.expect_step(7);
    // Tabbing into the text selected it: the name replaced "Texte".
    let typed =
        k.h.state()
            .editor()
            .document
            .shapes
            .iter()
            .any(|s| matches!(&s.kind, geometry::ShapeKind::Text { text, .. } if text == "Léa"));
    assert!(typed, "the text is the name alone");
    // The font list: Space opens it, Tab reaches the font, Enter picks it.
    let font = k.tr("props-font");
    k.tab_to(Role::ComboBox, &font);
    k.press(Key::Space);
    k.tab_to(Role::Button, "Lato Bold");
    k.press(Key::Enter);
    k.fill("props-font-size", "12");
    settle(&mut k.h);
    // Clear of the ring's hole, which goes at the plate's left end.
    if k.step() == Some(8) {
        let plate = plate_bounds(&k);
        k.fill("props-x", &format!("{}", plate.x0 + 12.0).replace('.', ","));
        k.fill("props-y", &format!("{}", plate.y0 + 5.0).replace('.', ","));
    }
    // Put on the plate, the name already stands above it.
    k.expect_step(9);
    let plate = plate_bounds(&k);
    k.press(Key::Escape);
    k.press(Key::E);
    k.press(Key::Enter);
    k.fill("props-width", "5");
    k.fill("props-height", "5");
    k.fill("props-x", &format!("{}", plate.x0 + 3.0).replace('.', ","));
    k.fill("props-y", &format!("{}", plate.y0 + 7.5).replace('.', ","));
    k.expect_step(10);
    let hole = k.tr("props-hole");
    k.tab_to(Role::CheckBox, &hole);
    k.press(Key::Space);
    k.expect_step(11);
    k.press(Key::Escape);
    k.press_with(Modifiers::COMMAND, Key::E);
    k.press_button("format-stl");
    let path = k.dir.path().join("porte-cles.stl");
    // The suggested name is replaced as in any text field: Ctrl+A first.
    let field = k.tr("file-name");
    k.tab_to(Role::TextInput, &field);
    k.press_with(Modifiers::COMMAND, Key::A);
    k.h.event(Event::Text(path.display().to_string()));
    k.h.step();
    k.press(Key::Enter);
    k.h.state_mut().handle(AppCommand::WaitForJob);
    settle(&mut k.h);
    assert!(path.is_file(), "Enter in the file name saved {path:?}");
    settle(&mut k.h);
    assert_eq!(k.step(), None, "the tutorial is finished");
}

fn plate_bounds(k: &Keys) -> kurbo::Rect {
    let plate =
        k.h.state()
            .editor()
            .document
            .shapes
            .iter()
            .find(|s| matches!(s.kind, geometry::ShapeKind::RoundedRectangle { .. }))
            .expect("the plate exists");
    geometry::outline::shape_bounds(plate).unwrap()
}

/// The arrows move the focus while a widget has it (egui takes them), and
/// the selected shape only when nothing has: one key never does both.
#[test]
fn arrows_nudge_the_shape_only_when_no_widget_has_the_focus() {
    let mut k = Keys::start();
    let draw_freely = k.tr("start-draw-freely");
    k.tab_to(Role::Button, &draw_freely);
    k.press(Key::Enter);
    assert!(!k.h.state().tutorials().start_screen_open);
    k.press(Key::R);
    k.press(Key::Enter);
    let shapes = &k.h.state().editor().document.shapes;
    assert_eq!(shapes.len(), 1, "Enter placed a rectangle");
    let x0 = geometry::outline::shape_bounds(&shapes[0]).unwrap().x0;
    let x = |k: &Keys| {
        geometry::outline::shape_bounds(&k.h.state().editor().document.shapes[0])
            .unwrap()
            .x0
    };
    // A button (not a field, which keeps its keys anyway).
    let undo = k.tr("cmd-undo");
    k.tab_to(Role::Button, &undo);
    k.press(Key::ArrowRight);
    assert_eq!(x(&k), x0, "a focused widget took the arrow");
    // Escape lets the focus go (and, on the canvas, the selection too:
    // Ctrl+A takes the shape again).
    k.press(Key::Escape);
    assert!(k.focused().is_none());
    k.press_with(Modifiers::COMMAND, Key::A);
    k.press(Key::ArrowRight);
    assert!(
        (x(&k) - x0 - 1.0).abs() < 1e-9,
        "the arrow nudged the shape 1 mm"
    );
}
