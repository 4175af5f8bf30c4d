//! Helpers shared by the end-to-end tests: run the real `fabrique` binary,
//! read back the files it writes (STL, 3MF, laser SVG, DXF), and find the
//! lab tools (admesh, prusa-slicer) that check them as a lab would.

#![allow(dead_code, clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use geometry::Mesh;

/// The built `fabrique` binary, speaking English whatever the machine's
/// locale (its messages follow the system's language, French by default);
/// a test of another language sets `LANG` again.
pub fn fabrique() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_fabrique"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "en_GB.UTF-8");
    command
}

/// Runs `fabrique` with `args`.
pub fn run(args: &[&str]) -> Output {
    fabrique().args(args).output().expect("fabrique runs")
}

/// A fixture of `tests/fixtures/svg`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/svg")
        .join(name)
}

/// A mesh read from STL facets, with vertices welded by exact position.
pub fn read_stl(path: &Path) -> Mesh {
    let mut file = std::fs::File::open(path).expect("STL exists");
    let stl = stl_io::read_stl(&mut file).expect("STL parses");
    Mesh {
        vertices: stl
            .vertices
            .iter()
            .map(|v| [f64::from(v[0]), f64::from(v[1]), f64::from(v[2])])
            .collect(),
        triangles: stl
            .faces
            .iter()
            .map(|f| f.vertices.map(|i| i as u32))
            .collect(),
    }
}

/// The meshes of a 3MF file (one per object) and its `unit` attribute.
pub fn read_3mf(path: &Path) -> (Vec<Mesh>, String) {
    let file = std::fs::File::open(path).expect("3MF exists");
    let mut zip = zip::ZipArchive::new(file).expect("3MF is a zip");
    let mut model = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("3D/3dmodel.model").expect("model part"),
        &mut model,
    )
    .expect("model is text");
    let doc = usvg::roxmltree::Document::parse(&model).expect("model is XML");
    let root = doc.root_element();
    let unit = root.attribute("unit").unwrap_or("").to_owned();
    let mut meshes = Vec::new();
    for object in root.descendants().filter(|n| n.has_tag_name("object")) {
        let mut mesh = Mesh::default();
        for v in object.descendants().filter(|n| n.has_tag_name("vertex")) {
            let c = |a: &str| {
                v.attribute(a)
                    .and_then(|s| s.parse::<f64>().ok())
                    .expect("coordinate")
            };
            mesh.vertices.push([c("x"), c("y"), c("z")]);
        }
        for t in object.descendants().filter(|n| n.has_tag_name("triangle")) {
            let i = |a: &str| {
                t.attribute(a)
                    .and_then(|s| s.parse::<u32>().ok())
                    .expect("index")
            };
            mesh.triangles.push([i("v1"), i("v2"), i("v3")]);
        }
        meshes.push(mesh);
    }
    (meshes, unit)
}

/// An external tool, or `None` with the reason printed; fails instead when
/// `FABRIQUE_REQUIRE_TOOLS` is set (CI installs every tool).
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("FABRIQUE_REQUIRE_TOOLS").is_none(),
            "{name} is required (FABRIQUE_REQUIRE_TOOLS is set) but not installed"
        );
        eprintln!("skipped: {name} is not installed (apt-get install {name})");
    }
    found
}
