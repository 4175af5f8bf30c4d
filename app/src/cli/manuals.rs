//! `fabrique write-manuals DIR` (hidden): the man pages and the shell
//! completions, generated from the clap definitions so they always say
//! what `--help` says. `packaging/build-deb.sh` runs it to fill the Debian
//! package; users never need it, so it stays out of `--help`.
//!
//! Current limitations: the man pages are in English only, as `--help` is.

use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, CliError};

/// Arguments of the hidden `fabrique write-manuals`.
#[derive(Debug, Args)]
pub struct ManualsArgs {
    /// The folder to write into (made if missing): `man1/` and `completions/`.
    pub dir: PathBuf,
}

/// The shells whose completions are written, with each one's file name
/// where Debian's shells look for them.
const SHELLS: [(Shell, &str); 3] = [
    (Shell::Bash, "fabrique"),
    (Shell::Zsh, "_fabrique"),
    (Shell::Fish, "fabrique.fish"),
];

/// Runs `fabrique write-manuals`: `DIR/man1/fabrique.1`, one
/// `fabrique-COMMAND.1` per visible command, and
/// `DIR/completions/{fabrique,_fabrique,fabrique.fish}`.
pub fn run(args: &ManualsArgs) -> Result<(), CliError> {
    let man_dir = args.dir.join("man1");
    let completions_dir = args.dir.join("completions");
    for dir in [&man_dir, &completions_dir] {
        std::fs::create_dir_all(dir).map_err(|e| write_error(dir, &e))?;
    }
    let command = Cli::command();
    write_man_page(&man_dir, command.clone())?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        // `fabrique-laser(1)`: the name man and apropos expect for a
        // subcommand's page.
        let name = format!("fabrique-{}", sub.get_name());
        let sub = sub
            .clone()
            .name(name)
            .display_name(format!("fabrique {}", sub.get_name()));
        write_man_page(&man_dir, sub)?;
    }
    for (shell, file_name) in SHELLS {
        let mut text = Vec::new();
        clap_complete::generate(shell, &mut visible(&command), "fabrique", &mut text);
        let path = completions_dir.join(file_name);
        std::fs::write(&path, text).map_err(|e| write_error(&path, &e))?;
    }
    Ok(())
}

/// `command` without its hidden subcommands: clap_complete offers hidden
/// subcommands, and clap cannot remove one, so the completions get a copy
/// made of the arguments and the visible subcommands only.
fn visible(command: &clap::Command) -> clap::Command {
    let mut copy = clap::Command::new(command.get_name().to_owned())
        .args(command.get_arguments().cloned())
        .subcommands(
            command
                .get_subcommands()
                .filter(|s| !s.is_hide_set())
                .cloned(),
        );
    if let Some(version) = command.get_version() {
        copy = copy.version(version.to_owned());
    }
    copy
}

fn write_man_page(dir: &Path, command: clap::Command) -> Result<(), CliError> {
    let path = dir.join(format!("{}.1", command.get_name()));
    let mut text = Vec::new();
    clap_mangen::Man::new(command)
        .render(&mut text)
        .map_err(|e| write_error(&path, &e))?;
    std::fs::write(&path, text).map_err(|e| write_error(&path, &e))
}

fn write_error(path: &Path, error: &std::io::Error) -> CliError {
    CliError::Write {
        path: path.to_owned(),
        reason: super::error::FileProblem::Io(error.kind()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_man_pages_and_completions_of_every_visible_command() {
        let dir = tempfile::tempdir().expect("temp dir");
        run(&ManualsArgs {
            dir: dir.path().to_owned(),
        })
        .expect("written");
        let read = |p: &str| std::fs::read_to_string(dir.path().join(p)).expect(p);
        let main = read("man1/fabrique.1");
        assert!(main.contains("\\-\\-kiosk"), "{main}");
        for command in ["laser", "extrude", "trace", "check"] {
            let page = read(&format!("man1/fabrique-{command}.1"));
            // Titled as typed: "fabrique laser".
            assert!(
                page.contains(&format!(".TH \"fabrique {command}\" 1")),
                "{page}"
            );
            assert!(read("completions/fabrique").contains(command));
        }
        // The packaging helper is not offered to users.
        assert!(!dir.path().join("man1/fabrique-write-manuals.1").exists());
        for file in [
            "completions/fabrique",
            "completions/_fabrique",
            "completions/fabrique.fish",
        ] {
            assert!(!read(file).contains("write-manuals"), "{file}");
        }
    }
}
