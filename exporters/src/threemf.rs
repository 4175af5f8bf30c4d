//! 3MF (3D Manufacturing Format, core specification): the format current
//! slicers prefer, because it carries its unit and keeps parts apart.
//!
//! The package is a zip holding `[Content_Types].xml`, `_rels/.rels` and
//! `3D/3dmodel.model` with `unit="millimeter"`, one `<object type="model">`
//! per part and one build `<item>` per object, in place (no transform).
//! Coordinates are written with at most six decimals (a nanometre) in
//! their shortest form, so files stay small and round-trip what matters.
//! The zip is built in memory and written in one go, so the writer only
//! needs [`Write`], not [`std::io::Seek`].
//!
//! Parts with no triangle are left out (an object must have a surface), as
//! are triangles using one vertex twice (the specification forbids them and
//! they have no area).

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use geometry::Mesh;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::error::ExportError;
use crate::meshes::check_meshes;
use crate::save::Format;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
 <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
 <Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>
</Types>
"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
 <Relationship Target="/3D/3dmodel.model" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>
</Relationships>
"#;

/// Writes `meshes` as a 3MF package, one object per part, in mm.
///
/// Fails before writing anything when the meshes are unusable
/// ([`ExportError::InvalidMesh`]) or hold no triangle.
pub fn write_3mf(meshes: &[Mesh], mut out: impl Write) -> Result<(), ExportError> {
    check_meshes(meshes, Format::ThreeMf)?;
    let model = model_xml(meshes);
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", RELS),
        ("3D/3dmodel.model", model.as_str()),
    ] {
        zip.start_file(name, options)?;
        zip.write_all(content.as_bytes())
            .map_err(|e| ExportError::io(&e))?;
    }
    let bytes = zip.finish()?.into_inner();
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .map_err(|e| ExportError::io(&e))
}

/// The `3D/3dmodel.model` document.
fn model_xml(meshes: &[Mesh]) -> String {
    let mut xml = String::new();
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str(
        "<model unit=\"millimeter\" xml:lang=\"en-US\" \
         xmlns=\"http://schemas.microsoft.com/3dmanufacturing/core/2015/02\">\n",
    );
    xml.push_str(" <metadata name=\"Application\">Fabrique</metadata>\n");
    xml.push_str(" <resources>\n");
    let mut ids = Vec::new();
    for mesh in meshes.iter().filter(|m| !m.triangles.is_empty()) {
        let id = ids.len() + 1;
        ids.push(id);
        let _ = writeln!(
            xml,
            "  <object id=\"{id}\" type=\"model\" name=\"Part {id}\">\n   <mesh>\n    <vertices>"
        );
        for v in &mesh.vertices {
            let [x, y, z] = v.map(format_coordinate);
            let _ = writeln!(xml, "     <vertex x=\"{x}\" y=\"{y}\" z=\"{z}\"/>");
        }
        xml.push_str("    </vertices>\n    <triangles>\n");
        for [a, b, c] in mesh.triangles.iter().copied() {
            if a != b && b != c && a != c {
                let _ = writeln!(xml, "     <triangle v1=\"{a}\" v2=\"{b}\" v3=\"{c}\"/>");
            }
        }
        xml.push_str("    </triangles>\n   </mesh>\n  </object>\n");
    }
    xml.push_str(" </resources>\n <build>\n");
    for id in ids {
        let _ = writeln!(xml, "  <item objectid=\"{id}\"/>");
    }
    xml.push_str(" </build>\n</model>\n");
    xml
}

/// `value` rounded to six decimals and written in its shortest form.
fn format_coordinate(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    if rounded == 0.0 {
        "0".to_owned()
    } else {
        format!("{rounded}")
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::meshes::fixtures::{cube, tetrahedron};
    use std::io::Read;

    fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).unwrap();
                let mut text = String::new();
                file.read_to_string(&mut text).unwrap();
                (file.name().unwrap().into_owned(), text)
            })
            .collect()
    }

    fn attribute(tag: &str, name: &str) -> f64 {
        let tag = format!(" {tag}");
        let start = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        let end = start + tag[start..].find('"').unwrap();
        tag[start..end].parse().unwrap()
    }

    /// Objects of a model as (vertices, triangles), parsed back from the XML.
    fn objects(model: &str) -> Vec<Mesh> {
        model
            .split("<object ")
            .skip(1)
            .map(|object| {
                let tags = |name: &str| {
                    object
                        .split(&format!("<{name} "))
                        .skip(1)
                        .map(str::to_owned)
                        .collect::<Vec<_>>()
                };
                Mesh {
                    vertices: tags("vertex")
                        .iter()
                        .map(|t| ["x", "y", "z"].map(|a| attribute(t, a)))
                        .collect(),
                    triangles: tags("triangle")
                        .iter()
                        .map(|t| ["v1", "v2", "v3"].map(|a| attribute(t, a) as u32))
                        .collect(),
                }
            })
            .collect()
    }

    #[test]
    fn package_has_the_core_parts_unit_and_one_object_per_part() {
        let meshes = [cube([0.0, 0.0, 0.0], 20.0), Mesh::default(), tetrahedron()];
        let mut bytes = Vec::new();
        write_3mf(&meshes, &mut bytes).unwrap();
        let files = unzip(&bytes);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["[Content_Types].xml", "_rels/.rels", "3D/3dmodel.model"]
        );
        let model = &files[2].1;
        assert!(model.contains(r#"<model unit="millimeter""#));
        assert_eq!(model.matches("<item objectid=").count(), 2);
        let parts = objects(model);
        assert_eq!(parts.len(), 2);
        assert_eq!((parts[0].vertices.len(), parts[0].triangles.len()), (8, 12));
        assert_eq!((parts[1].vertices.len(), parts[1].triangles.len()), (4, 4));
        assert_eq!(parts[0], meshes[0]);
        assert!(parts.iter().all(|p| p.defects().is_clean()));
        assert!((parts[0].signed_volume() - 8000.0).abs() < 1e-9);
    }

    #[test]
    fn coordinates_keep_six_decimals_in_shortest_form() {
        assert_eq!(format_coordinate(20.0), "20");
        assert_eq!(format_coordinate(0.1 + 0.2), "0.3");
        assert_eq!(format_coordinate(1.23456789), "1.234568");
        assert_eq!(format_coordinate(-1e-9), "0");
        assert_eq!(format_coordinate(-12.5), "-12.5");
    }

    #[test]
    fn output_is_deterministic() {
        let write = || {
            let mut bytes = Vec::new();
            write_3mf(&[tetrahedron()], &mut bytes).unwrap();
            bytes
        };
        assert_eq!(write(), write());
    }
}
