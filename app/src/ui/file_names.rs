//! The names Fabrique suggests for a new file, taken from the work so a
//! person finds it again on the stick (`porte-cles-lea.stl`, not
//! `mon-projet.stl` for the fifth time): the project's name; else the
//! tutorial followed and the first text typed; else the text alone; else
//! `dessin-AAAA-MM-JJ`. The suggestion is numbered when the folder already
//! has that name (`-2`, `-3`), so accepting it never replaces anything.

use std::path::Path;
use std::time::SystemTime;

use geometry::{Document, ShapeKind};

/// Longest suggested stem, characters: the start of a long text is enough.
const MAX_STEM_CHARS: usize = 40;

/// The suggested stem (no extension) for the work: `project` when it has
/// a name, else `tutorial`-`first text`, else `fallback`-date.
pub fn work_stem(
    project: Option<&str>,
    tutorial: Option<&str>,
    document: &Document,
    fallback: &str,
    today: SystemTime,
) -> String {
    if let Some(name) = project.filter(|n| !n.trim().is_empty()) {
        return name.to_owned();
    }
    let text = document.shapes.iter().find_map(|shape| match &shape.kind {
        ShapeKind::Text { text, .. } => Some(slug(text)),
        _ => None,
    });
    let parts: Vec<String> = [tutorial.map(slug), text]
        .into_iter()
        .flatten()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        return format!("{}-{}", slug(fallback), iso_date(today));
    }
    let stem = parts.join("-");
    stem.chars()
        .take(MAX_STEM_CHARS)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

/// The file name to suggest in `folder`: `stem.extension`, numbered when taken.
pub fn suggested_name(folder: &Path, stem: &str, extension: &str) -> String {
    let wanted = folder.join(format!("{stem}.{extension}"));
    let free = exporters::atomic_write::first_free(&wanted);
    free.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// Lower-case ASCII letters and digits joined by single dashes, accents
/// dropped from their letter: "Léa Dupré" → "lea-dupre". Safe on every
/// file system and readable.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let plain = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' | 'ì' => 'i',
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ÿ' | 'ý' => 'y',
            'ñ' => 'n',
            'œ' => 'o',
            'æ' => 'a',
            other => other,
        };
        if plain.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            out.push(plain);
            dash = false;
        } else {
            dash = true;
        }
    }
    out
}

/// `AAAA-MM-JJ` of `time` (UTC: the day a drawing was made, near enough).
pub fn iso_date(time: SystemTime) -> String {
    let days = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's days-to-civil, for the proleptic Gregorian calendar.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use geometry::Shape;
    use std::time::Duration;

    fn with_text(text: &str) -> Document {
        let mut document = Document::new();
        document.add(Shape::new(ShapeKind::Ellipse { rx: 5.0, ry: 5.0 }));
        document.add(Shape::new(ShapeKind::Text {
            text: text.into(),
            font: "Andika".into(),
            size: 10.0,
        }));
        document
    }

    #[test]
    fn names_come_from_the_work() {
        let day = SystemTime::UNIX_EPOCH + Duration::from_secs(20_791 * 86_400);
        let lea = with_text("Léa");
        assert_eq!(
            work_stem(None, Some("porte-cles"), &lea, "dessin", day),
            "porte-cles-lea"
        );
        assert_eq!(work_stem(None, None, &lea, "dessin", day), "lea");
        assert_eq!(
            work_stem(Some("mon-badge"), None, &lea, "dessin", day),
            "mon-badge"
        );
        assert_eq!(
            work_stem(None, None, &Document::new(), "Dessin", day),
            "dessin-2026-12-04"
        );
        assert_eq!(slug("  L'été à Zoé !! "), "l-ete-a-zoe");
    }

    #[test]
    fn dates_are_gregorian() {
        let at = |days: u64| SystemTime::UNIX_EPOCH + Duration::from_secs(days * 86_400);
        assert_eq!(iso_date(at(0)), "1970-01-01");
        assert_eq!(iso_date(at(11_016)), "2000-02-29");
        assert_eq!(iso_date(at(20_791)), "2026-12-04");
    }

    #[test]
    fn a_taken_name_is_numbered() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(suggested_name(dir.path(), "lea", "stl"), "lea.stl");
        std::fs::write(dir.path().join("lea.stl"), b"x").unwrap();
        std::fs::write(dir.path().join("lea-2.stl"), b"x").unwrap();
        assert_eq!(suggested_name(dir.path(), "lea", "stl"), "lea-3.stl");
    }
}
