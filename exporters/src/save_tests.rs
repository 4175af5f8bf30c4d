//! Tests of format choice and whole-or-nothing saving.
//! Compiled only under #[cfg(test)], from the writer's module: unwraps here are test failures, not panics on user input.

use super::*;
use geometry::{Shape, ShapeKind};
use std::io::Cursor;

fn square_doc(side: f64, height: f64) -> Document {
    let mut doc = Document::new();
    let mut shape = Shape::new(ShapeKind::Rectangle {
        width: side,
        height: side,
    });
    shape.extrusion.height = height;
    doc.add(shape);
    doc
}

/// Names of the files in `dir`.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn format_comes_from_the_extension_whatever_its_case() {
    let cases = [
        ("porte-clé.svg", Some(Format::LaserSvg)),
        ("DESSIN.SVG", Some(Format::LaserSvg)),
        ("plan.Dxf", Some(Format::Dxf)),
        ("/media/usb/piece.stl", Some(Format::Stl)),
        ("piece.3MF", Some(Format::ThreeMf)),
        ("archive.svg.gz", None),
        ("sans-extension", None),
        ("plan.pdf", None),
    ];
    for (name, expected) in cases {
        assert_eq!(Format::from_path(Path::new(name)).ok(), expected, "{name}");
    }
    let error = Format::from_path(Path::new("plan.pdf")).unwrap_err();
    assert!(matches!(&error, ExportError::UnknownExtension { ext } if ext == "pdf"));
    let message = error.to_string();
    for ext in [".svg", ".dxf", ".stl", ".3mf"] {
        assert!(message.contains(ext), "{message}");
    }
    for format in Format::ALL {
        assert_eq!(
            format.is_3d(),
            matches!(format, Format::Stl | Format::ThreeMf)
        );
    }
}

#[test]
fn save_writes_each_format_whole_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let doc = square_doc(20.0, 20.0);
    for name in ["a.svg", "a.dxf", "a.stl", "a.3mf"] {
        let path = dir.path().join(name);
        save(&path, &doc, &ExportOptions::default()).unwrap();
        let mut expected = Vec::new();
        export(
            &doc,
            &ExportOptions::default(),
            Format::from_path(&path).unwrap(),
            &mut expected,
        )
        .unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), expected, "{name}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644, "{name}");
        }
    }
    assert_eq!(listing(dir.path()), ["a.3mf", "a.dxf", "a.stl", "a.svg"]);
}

#[test]
fn saved_stl_is_the_extruded_solid() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cube.stl");
    save(&path, &square_doc(20.0, 20.0), &ExportOptions::default()).unwrap();
    let mesh = stl_io::read_stl(&mut Cursor::new(std::fs::read(&path).unwrap())).unwrap();
    mesh.validate().unwrap();
    let volume: f64 = mesh
        .faces
        .iter()
        .map(|f| {
            let [a, b, c] = f.vertices.map(|i| mesh.vertices[i].0.map(f64::from));
            (a[0] * (b[1] * c[2] - b[2] * c[1]) - a[1] * (b[0] * c[2] - b[2] * c[0])
                + a[2] * (b[0] * c[1] - b[1] * c[0]))
                / 6.0
        })
        .sum();
    assert!((volume - 8000.0).abs() < 1e-2, "{volume}");
}

#[test]
fn documents_that_cannot_be_exported_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let options = ExportOptions::default();
    for name in ["empty.stl", "empty.3mf"] {
        let result = save(&dir.path().join(name), &Document::new(), &options);
        assert!(
            matches!(
                result,
                Err(ExportError::Extrude(
                    geometry::extrude::ExtrudeError::NothingToExtrude
                ))
            ),
            "{result:?}"
        );
    }
    let mut bad_height = square_doc(10.0, 10.0);
    bad_height.shapes[0].extrusion.height = f64::INFINITY;
    let result = save(&dir.path().join("bad.stl"), &bad_height, &options);
    assert!(matches!(result, Err(ExportError::Extrude(_))), "{result:?}");
    for name in ["empty.svg", "empty.dxf"] {
        let result = save(&dir.path().join(name), &Document::new(), &options);
        assert!(matches!(result, Err(ExportError::NothingToExport { .. })));
    }
    let result = save(&dir.path().join("x.pdf"), &square_doc(1.0, 1.0), &options);
    assert!(matches!(result, Err(ExportError::UnknownExtension { .. })));
    let missing = dir.path().join("no-such-folder").join("a.svg");
    let result = save(&missing, &square_doc(1.0, 1.0), &options);
    assert!(matches!(result, Err(ExportError::Io { path: Some(_), .. })));
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
}

#[test]
fn bad_tolerance_is_refused_for_3d_formats_too() {
    let options = ExportOptions {
        tolerance_mm: -1.0,
        ..ExportOptions::default()
    };
    let result = export(&square_doc(5.0, 5.0), &options, Format::Stl, Vec::new());
    assert!(matches!(result, Err(ExportError::InvalidTolerance { .. })));
}
