//! The file's bytes as text. XML parsers below us read only UTF-8, but
//! older tools also save SVG as UTF-16 (with a byte-order mark) or in the
//! Western European single-byte encodings, which matter for French text
//! ("é", "à", "œ"). Those are decoded here; any other encoding is refused
//! with its name, so the app can say "re-save it as UTF-8".

use std::borrow::Cow;

use super::error::ImportError;

/// Characters of windows-1252 for the bytes 0x80–0x9F (the rest of the
/// encoding is ISO-8859-1, i.e. the byte is the code point). Browsers read
/// files labelled ISO-8859-1 or Latin-1 as windows-1252 too. The five
/// unassigned bytes map to the C1 control of the same value.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Labels of windows-1252 in the WHATWG encoding standard that tools write.
const WINDOWS_1252_LABELS: [&str; 6] = [
    "iso-8859-1",
    "iso8859-1",
    "latin1",
    "l1",
    "windows-1252",
    "cp1252",
];

/// Longest XML declaration we look into for an `encoding`.
const MAX_DECLARATION_BYTES: usize = 256;

/// `data` as text: UTF-8 (the default), UTF-16 with a byte-order mark, or
/// windows-1252 when the XML declaration says so.
pub(super) fn decode(data: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if let Some(units) = data.strip_prefix(&[0xff, 0xfe]) {
        return utf16(units, u16::from_le_bytes);
    }
    if let Some(units) = data.strip_prefix(&[0xfe, 0xff]) {
        return utf16(units, u16::from_be_bytes);
    }
    match declared_encoding(data) {
        Some(label) if WINDOWS_1252_LABELS.contains(&label.to_ascii_lowercase().as_str()) => {
            Ok(Cow::Owned(data.iter().map(|&b| windows_1252(b)).collect()))
        }
        Some(label)
            if !label.eq_ignore_ascii_case("utf-8") && std::str::from_utf8(data).is_err() =>
        {
            Err(ImportError::UnsupportedEncoding { encoding: label })
        }
        _ => std::str::from_utf8(data)
            .map(Cow::Borrowed)
            .map_err(|e| ImportError::NotText {
                offset: e.valid_up_to(),
            }),
    }
}

fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9f => WINDOWS_1252_HIGH
            .get(usize::from(byte - 0x80))
            .copied()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
        _ => char::from(byte),
    }
}

fn utf16(units: &[u8], from_bytes: fn([u8; 2]) -> u16) -> Result<Cow<'_, str>, ImportError> {
    let chunks = units.chunks_exact(2);
    if !chunks.remainder().is_empty() {
        return Err(ImportError::NotText {
            offset: units.len() + 1,
        });
    }
    let units: Vec<u16> = chunks
        .filter_map(|c| c.try_into().ok().map(from_bytes))
        .collect();
    String::from_utf16(&units)
        .map(Cow::Owned)
        .map_err(|_| ImportError::NotText { offset: 0 })
}

/// The `encoding` of an XML declaration at the very start of `data`.
fn declared_encoding(data: &[u8]) -> Option<String> {
    let head = data.get(..data.len().min(MAX_DECLARATION_BYTES))?;
    let head = head.strip_prefix(b"<?xml")?;
    let end = head.windows(2).position(|w| w == b"?>")?;
    let declaration = std::str::from_utf8(head.get(..end)?).ok()?;
    let after = declaration.split("encoding").nth(1)?.trim_start();
    let after = after.strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = after.get(1..)?.split(quote).next()?;
    Some(value.trim().to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed() {
        let text = "<svg>é</svg>";
        assert!(matches!(decode(text.as_bytes()), Ok(Cow::Borrowed(t)) if t == text));
        let declared = "<?xml version='1.0' encoding='UTF-8'?><svg>é</svg>";
        assert!(matches!(decode(declared.as_bytes()), Ok(Cow::Borrowed(_))));
    }

    #[test]
    fn western_single_byte_files_are_decoded() {
        let mut data = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><svg>".to_vec();
        data.extend([0x4c, 0xe9, 0x61, 0x20, 0x9c, 0x80]); // "Léa œ€"
        data.extend(b"</svg>");
        let text = decode(&data).unwrap();
        assert!(text.ends_with("<svg>Léa œ€</svg>"), "{text}");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_decoded() {
        let text = "<svg>Noël</svg>";
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for unit in text.encode_utf16() {
            le.extend(unit.to_le_bytes());
            be.extend(unit.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), text);
        assert_eq!(decode(&be).unwrap(), text);
        le.push(0);
        assert!(matches!(decode(&le), Err(ImportError::NotText { .. })));
    }

    #[test]
    fn other_encodings_are_named() {
        let data = b"<?xml version=\"1.0\" encoding=\"Windows-1251\"?><svg>\xcf\xf0</svg>";
        assert_eq!(
            decode(data),
            Err(ImportError::UnsupportedEncoding {
                encoding: "Windows-1251".to_owned()
            })
        );
        // Declared but plain ASCII: nothing to decode.
        let ascii = b"<?xml version=\"1.0\" encoding=\"Windows-1251\"?><svg/>";
        assert!(decode(ascii).is_ok());
        assert_eq!(
            decode(b"<svg>\xff</svg>"),
            Err(ImportError::NotText { offset: 5 })
        );
    }
}
