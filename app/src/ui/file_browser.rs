//! The built-in file dialog: used when the system has no file dialog (no
//! desktop portal, no zenity — common on kiosk laptops), and by the tests.
//! A folder list, a file list filtered by extension, and a name field.
//! In kiosk mode it is jailed ([`Jail`]): no going above the allowed
//! folders, and a typed name leading out of them is refused in words.

use std::path::{Path, PathBuf};

use super::i18n::I18n;
use super::kiosk::jail::Jail;

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
}

/// What the user did in the dialog this frame.
pub enum Outcome {
    /// Still choosing.
    Open,
    /// Cancelled.
    Cancelled,
    /// Chose this file.
    Chosen(PathBuf),
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
                        match self.chosen_path(&name, i18n) {
                            Ok(path) => outcome = Outcome::Chosen(path),
                            Err(problem) => self.problem = Some(problem),
                        }
                    }
                }
                for other in others {
                    ui.add_enabled(false, egui::Label::new(file_name(&other)));
                }
            });
        ui.horizontal(|ui| {
            let label = ui.label(i18n.tr("file-name"));
            ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(260.0))
                .labelled_by(label.id);
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
                match self.chosen_path(&self.name, i18n) {
                    Ok(path) => outcome = Outcome::Chosen(path),
                    Err(problem) => self.problem = Some(problem),
                }
            }
            if ui.button(i18n.tr("button-cancel")).clicked() {
                outcome = Outcome::Cancelled;
            }
        });
        outcome
    }

    /// The path for a typed `name`: absolute names are taken as they are,
    /// the purpose's extension is added when missing; in a jail, a path
    /// leading out is refused. Errors are in words.
    fn chosen_path(&self, name: &str, i18n: &I18n) -> Result<PathBuf, String> {
        let name = name.trim();
        if name.is_empty() {
            return Err(i18n.tr("file-need-name"));
        }
        let mut typed = PathBuf::from(name);
        if self.purpose.is_save()
            && typed.extension().is_none()
            && let Some(ext) = self.purpose.extensions().first()
        {
            typed.set_extension(ext);
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

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}
