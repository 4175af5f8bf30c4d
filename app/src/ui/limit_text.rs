//! A drawing or project refused by [`geometry::limits`] (too many
//! segments, a coordinate absurdly far or not a number), in the user's
//! language with what to do: one line, nothing changed in the editor.

use std::path::Path;

use geometry::limits::LimitError;

use super::i18n::{Arg, I18n};

/// The refusal of `path` in words.
pub fn message(i18n: &I18n, path: &Path, error: &LimitError) -> String {
    let file = (
        "file",
        Arg::Text(path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )),
    );
    match error {
        LimitError::NotFinite { .. } => i18n.tr_args("error-drawing-not-a-number", &[file]),
        LimitError::TooFar {
            distance_mm,
            max_mm,
            ..
        } => i18n.tr_args(
            "error-drawing-too-far",
            &[
                file,
                ("distance", Arg::Number(distance_mm.round())),
                ("max", Arg::Number(*max_mm)),
            ],
        ),
        LimitError::TooManySegments { max } => i18n.tr_args(
            "error-drawing-too-many-segments",
            &[file, ("max", Arg::Number(*max as f64))],
        ),
    }
}
