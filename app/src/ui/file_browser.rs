//! The built-in file dialog: used when the system has no file dialog (no
//! desktop portal, no zenity — common on kiosk laptops), and by the tests.
//! A folder list, a file list filtered by extension, and a name field;
//! to open or import, the sample pictures too.
//! In kiosk mode it is jailed ([`Jail`]): no going above the allowed
//! folders, and a typed name leading out of them is refused in words.

use std::path::{Path, PathBuf};

use super::kiosk::jail::Jail;
use crate::i18n::I18n;

/// What the chosen file is for.
#[derive(Clone, Debug, PartialEq)]
pub enum Purpose {
    /// Open a project.
    OpenProject,
    /// Save the project, then maybe go on with something (New, Open, Close).
    SaveProject(Option<super::dialogs::Pending>),
    /// Import a drawing.
    Import,
    /// Export in this format.
    Export(exporters::Format),
}

impl Purpose {
    /// `true` when the file will be written (a name may be typed).
    pub fn is_save(&self) -> bool {
        matches!(self, Purpose::SaveProject(_) | Purpose::Export(_))
    }

    /// Extensions shown, lower case without the dot.
    pub fn extensions(&self) -> Vec<&'static str> {
        match self {
            Purpose::OpenProject | Purpose::SaveProject(_) => vec![crate::project::EXTENSION],
            Purpose::Import => {
                let mut all = vec!["svg"];
                all.extend(super::trace_dialog::BITMAP_EXTENSIONS);
                all
            }
            Purpose::Export(format) => vec![format.extension()],
        }
    }

    /// Translation key of the dialog's title.
    pub fn title_key(&self) -> &'static str {
        match self {
            Purpose::OpenProject => "file-title-open",
            Purpose::SaveProject(_) => "file-title-save",
            Purpose::Import => "file-title-import",
            Purpose::Export(_) => "file-title-export",
        }
    }
}

/// State of the built-in dialog.
#[derive(Clone, Debug)]
pub struct FileBrowser {
    /// What the file is for.
    pub purpose: Purpose,
    /// The folder shown.
    pub dir: PathBuf,
    /// The file name typed or clicked.
    pub name: String,
    /// A message about the last attempt (folder unreadable…).
    pub problem: Option<String>,
    /// The only folders allowed (kiosk mode); none: anywhere.
    pub jail: Option<Jail>,
    /// A chosen file that exists, waiting for "Replace?" to be answered.
    pub replace: Option<PathBuf>,
}

/// What the user did in the dialog this frame.
pub enum Outcome {
    /// Still choosing.
    Open,
    /// Cancelled.
    Cancelled,
    /// Chose this file.
    Chosen(PathBuf),
    /// Chose this sample picture (compiled in, by file name).
    Sample(&'static str),
}

impl FileBrowser {
    /// A dialog in `dir` with `name` suggested.
    pub fn new(purpose: Purpose, dir: PathBuf, name: String) -> Self {
        Self {
            purpose,
            dir,
            name,
            problem: None,
            jail: None,
            replace: None,
        }
    }

    /// The same dialog, kept inside `jail`'s folders.
    pub fn with_jail(mut self, jail: Jail) -> Self {
        self.jail = Some(jail);
        self
    }

    /// Shows `dir` if the jail allows it, else says why not.
    fn enter(&mut self, dir: PathBuf, i18n: &I18n) {
        match &self.jail {
            Some(jail) if !jail.contains(&dir) => {
                let error = super::kiosk::jail::JailError::LinkOutside { path: dir };
                self.problem = Some(error.message(i18n, jail));
            }
            _ => {
                self.dir = dir;
                self.problem = None;
            }
        }
    }

    /// The folder's sub-folders, its files of the purpose's kinds, and its
    /// other files (listed too, greyed, so nobody names a file over one
    /// they could not see).
    fn entries(&self) -> (Vec<PathBuf>, Vec<PathBuf>, Vec<PathBuf>) {
        let mut dirs = Vec::new();
        let mut files = Vec::new();
        let mut others = Vec::new();
        let extensions = self.purpose.extensions();
        if let Ok(read) = std::fs::read_dir(&self.dir) {
            for entry in read.flatten() {
                let path = entry.path();
                let hidden = path
                    .file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                if hidden {
                    continue;
                }
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| {
                    extensions.contains(&e.to_string_lossy().to_lowercase().as_str())
                }) {
                    files.push(path);
                } else {
                    others.push(path);
                }
            }
        }
        dirs.sort();
        files.sort();
        others.sort();
        (dirs, files, others)
    }

    /// Shows the dialog's contents.
    pub fn browser_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n) -> Outcome {
        if let Some(path) = self.replace.clone() {
            return self.replace_ui(ui, i18n, path);
        }
        let mut outcome = Outcome::Open;
        if let Some(jail) = &self.jail
            && jail.roots().len() > 1
        {
            let roots = jail.roots().to_vec();
            ui.horizontal_wrapped(|ui| {
                for root in roots {
                    if ui
                        .selectable_label(self.dir == root, file_name(&root))
                        .clicked()
                    {
                        self.enter(root, i18n);
                    }
                }
            });
        }
        ui.horizontal(|ui| {
            let can_go_up = self.jail.as_ref().is_none_or(|j| !j.is_root(&self.dir));
            if ui
                .add_enabled(can_go_up, egui::Button::new(i18n.tr("file-up")))
                .clicked()
                && let Some(parent) = self.dir.parent()
            {
                self.enter(parent.to_owned(), i18n);
            }
            ui.label(self.dir.display().to_string());
        });
        // Pictures shipped with the app, one click away: someone without a
        // picture of their own still has something to trace.
        if !self.purpose.is_save() {
            ui.horizontal_wrapped(|ui| {
                ui.label(i18n.tr("file-samples"));
                if let Some(file) = super::sample_choice::samples_row_ui(ui, i18n, 15.0) {
                    outcome = Outcome::Sample(file);
                }
            });
        }
        let (dirs, files, others) = self.entries();
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for dir in dirs {
                    let name = file_name(&dir);
                    if ui.selectable_label(false, format!("{name}/")).clicked() {
                        self.enter(dir, i18n);
                    }
                }
                for file in files {
                    let name = file_name(&file);
                    let selected = name == self.name;
                    let response = ui.selectable_label(selected, name.clone());
                    if response.clicked() {
                        self.name = name.clone();
                    }
                    if response.double_clicked() {
                        outcome = self.choose(&name, i18n);
                    }
                }
                for other in others {
                    ui.add_enabled(false, egui::Label::new(file_name(&other)));
                }
            });
        ui.horizontal(|ui| {
            let label = ui.label(i18n.tr("file-name"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.name).desired_width(260.0))
                .labelled_by(label.id);
            // Enter in the name confirms, as in every file dialog (and
            // without a mouse).
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let name = self.name.clone();
                outcome = self.choose(&name, i18n);
            }
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        ui.horizontal(|ui| {
            let confirm = if self.purpose.is_save() {
                i18n.tr("file-confirm-save")
            } else {
                i18n.tr("file-confirm-open")
            };
            if ui.button(confirm).clicked() {
                let name = self.name.clone();
                outcome = self.choose(&name, i18n);
            }
            if ui.button(i18n.tr("button-cancel")).clicked() {
                outcome = Outcome::Cancelled;
            }
        });
        outcome
    }

    /// "Replace?": the file exists. A yes chooses it; a no goes back to the list.
    fn replace_ui(&mut self, ui: &mut egui::Ui, i18n: &I18n, path: PathBuf) -> Outcome {
        let mut outcome = Outcome::Open;
        ui.heading(i18n.tr("file-replace-title"));
        let age = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .map_or_else(String::new, |age| super::age_text::age_text(i18n, age));
        ui.label(i18n.tr_args(
            "file-replace-text",
            &[
                ("file", crate::i18n::Arg::Text(file_name(&path))),
                ("age", crate::i18n::Arg::Text(age)),
            ],
        ));
        ui.horizontal(|ui| {
            if ui.button(i18n.tr("file-replace-yes")).clicked() {
                outcome = Outcome::Chosen(path.clone());
                self.replace = None;
            }
            if ui.button(i18n.tr("file-replace-no")).clicked() {
                self.replace = None;
            }
        });
        outcome
    }

    /// What choosing `name` leads to: the file, "Replace?" first when it
    /// would write over an existing file, or a problem in words. In a jail
    /// (kiosk) nothing is ever replaced: the write takes a numbered name.
    fn choose(&mut self, name: &str, i18n: &I18n) -> Outcome {
        match self.chosen_path(name, i18n) {
            Ok(path) if self.purpose.is_save() && self.jail.is_none() && path.exists() => {
                self.replace = Some(path);
                Outcome::Open
            }
            Ok(path) => Outcome::Chosen(path),
            Err(problem) => {
                self.problem = Some(problem);
                Outcome::Open
            }
        }
    }

    /// The path for a typed `name`: absolute names are taken as they are,
    /// the purpose's extension is added when missing; in a jail, a path
    /// leading out is refused. Errors are in words.
    fn chosen_path(&self, name: &str, i18n: &I18n) -> Result<PathBuf, String> {
        let name = if self.purpose.is_save() {
            clean_name(name).map_err(|problem| problem.message(i18n))?
        } else {
            name.trim().to_owned()
        };
        if name.is_empty() {
            return Err(i18n.tr("file-need-name"));
        }
        let mut typed = PathBuf::from(name);
        if self.purpose.is_save()
            && let Some(ext) = self.purpose.extensions().first()
        {
            typed = crate::project::with_own_extension(&typed, ext);
        }
        match &self.jail {
            Some(jail) => jail
                .resolve(&self.dir, &typed.to_string_lossy())
                .map_err(|e| e.message(i18n, jail)),
            None if typed.is_absolute() => Ok(typed),
            None => Ok(self.dir.join(typed)),
        }
    }
}

/// Longest file name typed, characters: USB sticks (FAT, exFAT) and most
/// systems take 255 bytes; 120 characters leave room for the extension,
/// a number and accents written as two bytes.
pub const MAX_NAME_CHARS: usize = 120;

/// Why a typed file name was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// It starts with a dot: a hidden file nobody would find again.
    Hidden,
    /// Longer than [`MAX_NAME_CHARS`].
    TooLong,
}

impl NameProblem {
    /// The refusal in words, with what to do.
    pub fn message(self, i18n: &I18n) -> String {
        match self {
            NameProblem::Hidden => i18n.tr("file-name-hidden"),
            NameProblem::TooLong => i18n.tr_args(
                "file-name-too-long",
                &[("max", crate::i18n::Arg::Number(MAX_NAME_CHARS as f64))],
            ),
        }
    }
}

/// A typed name made safe to write: control characters (a pasted TAB,
/// newline or terminal escape) removed, spaces around trimmed; a name
/// whose last part starts with a dot, or longer than [`MAX_NAME_CHARS`],
/// is refused.
pub fn clean_name(typed: &str) -> Result<String, NameProblem> {
    let cleaned: String = typed.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim().to_owned();
    let last = Path::new(&cleaned)
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    if last.starts_with('.') {
        return Err(NameProblem::Hidden);
    }
    if last.chars().count() > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong);
    }
    Ok(cleaned)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_names_lose_control_characters() {
        assert_eq!(
            clean_name(" lea\t\u{1b}[31m.svg\n"),
            Ok("lea[31m.svg".to_owned())
        );
        assert_eq!(
            clean_name("sous-dossier/porte-cles"),
            Ok("sous-dossier/porte-cles".to_owned())
        );
    }

    #[test]
    fn hidden_and_overlong_names_are_refused() {
        assert_eq!(clean_name(".cache"), Err(NameProblem::Hidden));
        assert_eq!(clean_name("dossier/.cache"), Err(NameProblem::Hidden));
        assert_eq!(
            clean_name(&"a".repeat(MAX_NAME_CHARS)),
            Ok("a".repeat(MAX_NAME_CHARS))
        );
        assert_eq!(
            clean_name(&"é".repeat(MAX_NAME_CHARS + 1)),
            Err(NameProblem::TooLong)
        );
    }
}
