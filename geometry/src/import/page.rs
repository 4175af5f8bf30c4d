//! The page an SVG file states: whether its size is physical, and whether
//! its root `viewBox` can show anything.

use super::error::ImportError;

/// `true` for a positive length in an absolute unit (or none, meaning px),
/// as opposed to a percentage, `auto` or garbage that usvg replaces by a guess.
pub(super) fn is_absolute_length(value: &str) -> bool {
    let value = value.trim();
    let number = ["mm", "cm", "in", "pt", "pc", "px"]
        .iter()
        .find_map(|unit| value.strip_suffix(unit))
        .unwrap_or(value);
    number
        .trim_end()
        .parse::<f64>()
        .is_ok_and(|n| n.is_finite() && n > 0.0)
}

/// Refuses a root viewBox of zero or negative size, or with numbers that
/// are not finite; one that does not parse is ignored by usvg, as by browsers.
pub(super) fn check_view_box(value: Option<&str>) -> Result<(), ImportError> {
    let Some(value) = value else {
        return Ok(());
    };
    let numbers: Vec<f64> = value
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|s| !s.is_empty())
        .map_while(|s| s.parse::<f64>().ok())
        .collect();
    let [_, _, width, height] = numbers[..] else {
        return Ok(());
    };
    if numbers
        .iter()
        .any(|n| !n.is_finite() || n.abs() > f64::from(f32::MAX))
    {
        return Err(ImportError::NonFinite);
    }
    if width <= 0.0 || height <= 0.0 {
        return Err(ImportError::ZeroSizeViewBox);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_sizes_and_view_boxes() {
        for good in ["50mm", " 2.5in ", "100", "3e2px", "1pc"] {
            assert!(is_absolute_length(good), "{good}");
        }
        for bad in ["100%", "auto", "", "-5mm", "0", "NaN", "inf", "1e999"] {
            assert!(!is_absolute_length(bad), "{bad}");
        }
        assert_eq!(check_view_box(Some("0 0 10 10")), Ok(()));
        assert_eq!(check_view_box(Some("0,0,10,10")), Ok(()));
        assert_eq!(check_view_box(Some("garbage")), Ok(()));
        assert_eq!(
            check_view_box(Some("0 0 0 10")),
            Err(ImportError::ZeroSizeViewBox)
        );
        assert_eq!(
            check_view_box(Some("0 0 10 -1")),
            Err(ImportError::ZeroSizeViewBox)
        );
        assert_eq!(
            check_view_box(Some("0 0 1e999 10")),
            Err(ImportError::NonFinite)
        );
        assert_eq!(
            check_view_box(Some("0 0 1e39 10")),
            Err(ImportError::NonFinite)
        );
    }
}
