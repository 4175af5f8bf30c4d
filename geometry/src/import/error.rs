//! Why an SVG file could not be imported.
//!
//! Every variant is *unusable input* (the file is empty, hostile, malformed
//! or describes nothing drawable), never a bug of ours, and carries the data
//! the app needs to phrase a translated message saying what to do. The
//! `Display` texts are short English summaries for logs and the CLI's
//! `--verbose` output, not for beginners.

/// An SVG file that cannot be turned into shapes.
#[derive(thiserror::Error, Debug, Clone, PartialEq)]
pub enum ImportError {
    /// The file has no content at all (zero bytes or only whitespace).
    #[error("the file is empty")]
    Empty,

    /// The file is bigger than we accept; checked before any parsing.
    #[error("the file is {bytes} bytes, more than the {max} accepted")]
    TooLarge {
        /// Size of the input, bytes.
        bytes: usize,
        /// Largest size accepted, bytes ([`super::MAX_FILE_BYTES`]).
        max: usize,
    },

    /// The data is gzip-compressed (an `.svgz` file); it must be saved
    /// uncompressed first.
    #[error("compressed SVG (svgz) is not supported")]
    Compressed,

    /// The data is not text (a picture, a PDF, random bytes), or not in the
    /// encoding it declares.
    #[error("not text (first invalid byte at offset {offset})")]
    NotText {
        /// Byte offset of the first byte that is not valid UTF-8.
        offset: usize,
    },

    /// The file declares a text encoding we do not read (we read UTF-8,
    /// UTF-16 and the Western European windows-1252 / ISO-8859-1); it must
    /// be saved as UTF-8.
    #[error("text encoding {encoding:?} is not supported")]
    UnsupportedEncoding {
        /// The encoding named in the XML declaration.
        encoding: String,
    },

    /// The text is not well-formed XML.
    #[error("malformed XML at {line}:{column}: {reason}")]
    Malformed {
        /// 1-based line of the problem.
        line: u32,
        /// 1-based column of the problem.
        column: u32,
        /// The XML parser's own description, for logs.
        reason: String,
    },

    /// Well-formed XML whose root element is not `<svg>`.
    #[error("the root element is <{root}>, not <svg>")]
    NotSvg {
        /// Name of the root element found.
        root: String,
    },

    /// The DTD declares entities that would expand beyond
    /// [`super::MAX_ENTITY_EXPANSION_BYTES`] or nest in a loop
    /// ("billion laughs").
    #[error("XML entities expand too much")]
    EntityExpansion,

    /// The file refers to an external XML entity (for example
    /// `<!ENTITY x SYSTEM "file:///etc/passwd">`, "XXE"). Nothing outside the
    /// input is ever read, so the file cannot be understood.
    #[error("the file uses an external entity {href:?}")]
    ExternalReference {
        /// The entity's system identifier (a path or URL).
        href: String,
    },

    /// More XML nodes than [`super::MAX_NODES`], or more elements than
    /// [`super::MAX_ELEMENTS`] once `<use>` references and markers are
    /// expanded (`max` says which limit).
    #[error("more than {max} elements")]
    TooManyElements {
        /// Largest number accepted.
        max: u32,
    },

    /// The `<style>` sheets have so many rules for so many elements that
    /// applying them would take too long (more than
    /// [`super::MAX_STYLE_MATCHES`] rule × element pairs).
    #[error("{rules} CSS rules on {elements} elements")]
    StyleTooComplex {
        /// Rules found in the style sheets (roughly: their opening braces).
        rules: u64,
        /// Elements, `<use>` copies included.
        elements: u64,
    },

    /// So many patterns, clip paths, masks or filters refer to themselves
    /// that usvg's repair of them would take too long
    /// ([`super::MAX_REPAIR_WORK`]).
    #[error("{count} self-referencing patterns, clip paths, masks or filters")]
    TooManySelfReferences {
        /// Self-references found (counting stops at the limit).
        count: u64,
    },

    /// More characters of text than [`super::MAX_TEXT_CHARS`] (counting
    /// each `<use>` of a text again): laying it all out would take minutes.
    #[error("more than {max} characters of text")]
    TooMuchText {
        /// Most characters accepted.
        max: u64,
    },

    /// Elements nest deeper than `max` levels (counting what `<use>`
    /// pulls in). Refused because deep nesting only comes from broken or
    /// hostile files, and converting it would risk overflowing the stack.
    #[error("elements nest deeper than {max} levels")]
    TooDeep {
        /// Deepest nesting accepted ([`super::MAX_DEPTH`]).
        max: usize,
    },

    /// The root `viewBox` has a zero or negative width or height, so
    /// nothing can be drawn (the SVG specification disables rendering).
    #[error("the viewBox has a zero or negative size")]
    ZeroSizeViewBox,

    /// The root `width` or `height` is zero or negative.
    #[error("the drawing has a zero or negative width or height")]
    ZeroSize,

    /// A size or coordinate is not a finite number (for example a value
    /// beyond the range of numbers, or a transform that overflows).
    #[error("a size or coordinate is not a finite number")]
    NonFinite,

    /// The drawing is beyond the limits every input passes before any
    /// heavy work ([`crate::limits`]): too many segments, or a coordinate
    /// absurdly far or not a number.
    #[error("{0}")]
    Limit(#[from] crate::limits::LimitError),
}
