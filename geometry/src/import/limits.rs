//! The bounds an SVG file must stay within, and the checks on its bytes
//! that run before any parsing.
//!
//! usvg converts the XML tree recursively, `<use>` copies whole subtrees,
//! markers copy theirs at every vertex, and text layout grows faster than
//! the text, so a hostile file of a few kilobytes could overflow the stack,
//! build millions of nodes or keep the app busy for minutes. The limits here
//! are far above what any drawing for a laser or a printer needs; the tree
//! checks are in [`super::structure`].

use std::borrow::Cow;

use super::error::ImportError;

/// Largest file accepted, bytes. A drawing for a laser or a 3D printer is a
/// few megabytes at most; 64 MiB leaves room for clumsy exports with
/// embedded bitmaps (which we ignore) while keeping memory bounded.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// Most XML nodes (elements, text, comments) the parser may create.
pub const MAX_NODES: u32 = 2_000_000;

/// Most elements once every `<use>` is expanded: usvg's own limit.
pub const MAX_ELEMENTS: u32 = 1_000_000;

/// Most characters of text (in `<text>` and its children, counted once per
/// `<use>` of them). usvg's text layout time grows with the square of a
/// text's length: 20,000 characters take about 0.4 s, a million would take
/// twenty minutes. A sign or a coaster has a few hundred.
pub const MAX_TEXT_CHARS: u64 = 20_000;

/// Most (CSS rule, element) pairs usvg may match: it tries every rule of
/// every `<style>` on every element, about 40 ns each in a debug build, so
/// 25 million is about a second. Illustrator's class-per-colour style
/// sheets (tens of rules on thousands of elements) stay far below.
pub const MAX_STYLE_MATCHES: u64 = 25_000_000;

/// Deepest element nesting accepted, counting what `<use>` pulls in.
/// Inkscape and Illustrator files stay under 30. usvg converts the tree
/// recursively: measured in a debug build, the deepest accepted file (with
/// groups, transforms, opacity and clip paths at every level) converts in
/// 512 KiB of stack and overflows 256 KiB, so the 2 MiB of a Rust worker
/// thread leave a margin of four.
pub const MAX_DEPTH: usize = 256;

/// The bytes as text, refusing what is empty, too large, compressed or not
/// text. Runs before any parsing.
pub(super) fn check_bytes(data: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if data.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: data.len(),
            max: MAX_FILE_BYTES,
        });
    }
    // gzip magic number: an .svgz file.
    if data.starts_with(&[0x1f, 0x8b]) {
        return Err(ImportError::Compressed);
    }
    let text = super::encoding::decode(data)?;
    let text = match text {
        Cow::Borrowed(t) => Cow::Borrowed(t.strip_prefix('\u{feff}').unwrap_or(t)),
        Cow::Owned(t) => match t.strip_prefix('\u{feff}') {
            Some(rest) => Cow::Owned(rest.to_owned()),
            None => Cow::Owned(t),
        },
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_checked_before_parsing() {
        assert_eq!(check_bytes(b""), Err(ImportError::Empty));
        assert_eq!(check_bytes(b" \n\t"), Err(ImportError::Empty));
        assert_eq!(
            check_bytes(&[0x1f, 0x8b, 8, 0]),
            Err(ImportError::Compressed)
        );
        assert_eq!(
            check_bytes(b"<svg\xff"),
            Err(ImportError::NotText { offset: 4 })
        );
        assert_eq!(
            check_bytes("\u{feff}<svg/>".as_bytes()),
            Ok(Cow::Borrowed("<svg/>"))
        );
    }
}
