//! The Debian package's desktop files, as `packaging/build-deb.sh` ships
//! them: the desktop entries pass `desktop-file-validate`, the AppStream
//! metainfo passes `appstreamcli validate`, and the entries, the MIME type
//! and the metainfo name each other consistently; the man pages and
//! completions come from the real binary. Skips (saying why) when a tool is
//! missing, unless `FABRIQUE_REQUIRE_TOOLS` is set, as in CI.

#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{run, tool};

const APP_ID: &str = "fr.fabrique.Fabrique";
const MIME_TYPE: &str = "application/x-fabrique";

fn packaging(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("packaging")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(packaging(name)).expect(name)
}

#[track_caller]
fn assert_tool_accepts(tool_path: &Path, args: &[&str], file: &Path) {
    let output = Command::new(tool_path)
        .args(args)
        .arg(file)
        .output()
        .expect("the tool runs");
    let said = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{file:?} refused:\n{said}");
    // Hints and warnings count too: what is shipped stays clean.
    assert!(
        !said.contains("hint:")
            && !said.contains("warning:")
            && !said.contains("error:")
            && !said
                .lines()
                .any(|l| l.starts_with("W:") || l.starts_with("E:")),
        "{file:?}:\n{said}"
    );
}

#[test]
fn desktop_entries_validate() {
    let Some(validate) = tool("desktop-file-validate") else {
        return;
    };
    for name in [
        "fr.fabrique.Fabrique.desktop",
        "fr.fabrique.FabriqueKiosque.desktop",
    ] {
        assert_tool_accepts(&validate, &[], &packaging(name));
    }
}

#[test]
fn metainfo_validates() {
    let Some(appstreamcli) = tool("appstreamcli") else {
        return;
    };
    assert_tool_accepts(
        &appstreamcli,
        &["validate", "--no-net"],
        &packaging("fr.fabrique.Fabrique.metainfo.xml"),
    );
}

#[test]
fn entries_mime_type_and_metainfo_agree() {
    let main = read("fr.fabrique.Fabrique.desktop");
    let kiosk = read("fr.fabrique.FabriqueKiosque.desktop");
    let mime = read("fr.fabrique.Fabrique.mime.xml");
    let metainfo = read("fr.fabrique.Fabrique.metainfo.xml");
    // Double-click on a .fabrique file opens it in Fabrique.
    assert!(main.contains("Exec=fabrique %f"), "{main}");
    assert!(main.contains(&format!("MimeType={MIME_TYPE};")), "{main}");
    assert!(mime.contains(&format!("type=\"{MIME_TYPE}\"")), "{mime}");
    assert!(mime.contains("pattern=\"*.fabrique\""), "{mime}");
    assert!(packaging("application-x-fabrique.svg").is_file());
    // The kiosk entry starts the kiosk, in French and English.
    assert!(kiosk.contains("Exec=fabrique --kiosk\n"), "{kiosk}");
    assert!(kiosk.contains("Name[fr]=Fabrique (kiosque)"), "{kiosk}");
    for entry in [&main, &kiosk] {
        assert!(entry.contains(&format!("Icon={APP_ID}\n")), "{entry}");
        for key in ["Comment", "Keywords", "GenericName"] {
            assert!(entry.contains(&format!("\n{key}=")), "{key} in {entry}");
            assert!(
                entry.contains(&format!("\n{key}[fr]=")),
                "{key}[fr] in {entry}"
            );
        }
    }
    assert!(packaging(&format!("{APP_ID}.svg")).is_file());
    assert!(metainfo.contains(&format!("<id>{APP_ID}</id>")));
    assert!(metainfo.contains(&format!("<launchable type=\"desktop-id\">{APP_ID}.desktop")));
    assert!(metainfo.contains(&format!("<mediatype>{MIME_TYPE}</mediatype>")));
    // Every screenshot has a caption in both languages.
    let shots = metainfo.matches("<screenshot").count() - 1; // minus <screenshots>
    assert!(shots >= 1);
    assert_eq!(metainfo.matches("<caption>").count(), shots, "{metainfo}");
    assert_eq!(metainfo.matches("<caption xml:lang=\"fr\">").count(), shots);
}

#[test]
fn write_manuals_makes_man_pages_and_completions() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&["write-manuals", dir.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in [
        "man1/fabrique.1",
        "man1/fabrique-laser.1",
        "man1/fabrique-extrude.1",
        "man1/fabrique-trace.1",
        "man1/fabrique-check.1",
        "completions/fabrique",
        "completions/_fabrique",
        "completions/fabrique.fish",
    ] {
        assert!(dir.path().join(file).is_file(), "{file}");
    }
    // The packaging helper is not shown to users.
    let help = run(&["--help"]);
    assert!(!String::from_utf8_lossy(&help.stdout).contains("write-manuals"));
}
