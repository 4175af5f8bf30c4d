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

/// The window's icon, painted by the app at start, is the shipped SVG:
/// rsvg-convert draws the SVG at the same size, and the two agree pixel
/// by pixel in coverage and in brightness (Rec. 709 luma, as the picture
/// decoder reads it) to a few levels, the edges' anti-aliasing aside.
#[test]
fn the_window_icon_is_the_shipped_svg() {
    let Some(rsvg) = tool("rsvg-convert") else {
        return;
    };
    let size = fabrique::ui::window_icon::SIZE;
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("icon.png");
    let status = Command::new(rsvg)
        .args(["-w", &size.to_string(), "-h", &size.to_string(), "-o"])
        .arg(&png)
        .arg(packaging("fr.fabrique.Fabrique.svg"))
        .status()
        .expect("rsvg-convert runs");
    assert!(status.success());
    let reference = geometry::trace::decode_image(&std::fs::read(&png).unwrap()).unwrap();
    assert_eq!((reference.width(), reference.height()), (size, size));
    let reference_alpha = reference
        .alpha()
        .expect("the SVG has a transparent background");
    let icon = fabrique::ui::window_icon::icon();
    let luma = |p: &[u8]| {
        ((54 * u32::from(p[0]) + 183 * u32::from(p[1]) + 19 * u32::from(p[2]) + 128) >> 8) as i32
    };
    let (mut alpha_error, mut luma_error, mut opaque) = (0i64, 0i64, 0i64);
    for (i, pixel) in icon.rgba.chunks_exact(4).enumerate() {
        let alpha = i32::from(pixel[3]);
        let theirs = i32::from(reference_alpha[i]);
        alpha_error += i64::from((alpha - theirs).abs());
        if alpha == 255 && theirs == 255 {
            opaque += 1;
            luma_error += i64::from((luma(pixel) - i32::from(reference.luma()[i])).abs());
        }
    }
    let pixels = i64::from(size * size);
    // Mean differences in 0–255 levels: anti-aliased edges differ by a
    // few; a moved or recoloured shape differs by tens.
    let (mean_alpha, mean_luma) = (
        alpha_error as f64 / pixels as f64,
        luma_error as f64 / opaque as f64,
    );
    eprintln!("icon vs SVG: coverage {mean_alpha:.2}, brightness {mean_luma:.2} levels");
    assert!(opaque > pixels / 2, "{opaque} opaque pixels");
    assert!(
        mean_alpha < 3.0,
        "coverage differs by {mean_alpha:.2} levels"
    );
    assert!(
        mean_luma < 3.0,
        "brightness differs by {mean_luma:.2} levels"
    );
}
