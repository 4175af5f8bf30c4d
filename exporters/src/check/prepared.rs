//! What the laser checks read of a drawing, shared by every check of one
//! run: a [`PreparedDrawing`] (each shape flattened and, for a filled
//! shape, its filled area) seen beside its document. Before, each check
//! computed the areas again, six times over for a run of `fabrique check`;
//! now a run reads the drawing once, or not at all when its caller hands
//! one over ([`super::check_sharing`]: the app reads each revision once for
//! its check and its laser export).
//!
//! Current limitations: see [`crate::prepared`] (the cost of reading a
//! huge drawing, the memory of the shared lines).

use std::borrow::Cow;

use geometry::{Document, Shape};

use crate::cut_paths::Bounds;
use crate::prepared::{PreparedDrawing, PreparedShape};

/// A drawing read once for a run of the checks.
pub(crate) struct Prepared<'a> {
    /// The drawing.
    pub doc: &'a Document,
    /// The flattening tolerance, mm.
    pub tolerance_mm: f64,
    /// What was read of `doc`: read for this run, or handed over.
    drawing: Cow<'a, PreparedDrawing>,
}

impl<'a> Prepared<'a> {
    /// Reads every shape of `doc` at `tolerance_mm`.
    pub fn new(doc: &'a Document, tolerance_mm: f64) -> Self {
        Self {
            doc,
            tolerance_mm,
            drawing: Cow::Owned(PreparedDrawing::new(doc, tolerance_mm)),
        }
    }

    /// `doc` as `drawing` read it, when `drawing` [fits](PreparedDrawing::fits)
    /// it at `tolerance_mm`; read again otherwise.
    pub fn sharing(doc: &'a Document, tolerance_mm: f64, drawing: &'a PreparedDrawing) -> Self {
        if drawing.fits(doc, tolerance_mm) {
            Self {
                doc,
                tolerance_mm,
                drawing: Cow::Borrowed(drawing),
            }
        } else {
            Self::new(doc, tolerance_mm)
        }
    }

    /// The shapes with what was read of them, in document order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &'a Shape, &PreparedShape)> {
        self.doc
            .shapes
            .iter()
            .zip(self.drawing.shapes())
            .enumerate()
            .map(|(i, (s, p))| (i, s, p))
    }

    /// The box of everything the laser does (as
    /// [`crate::cut_paths::laser_bounds`]), `None` when it does nothing.
    pub fn laser_bounds(&self) -> Option<Bounds> {
        self.drawing.laser_bounds()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::super::test_support::*;
    use super::*;

    #[test]
    fn a_drawing_handed_over_is_used_only_for_its_own_document() {
        let d = doc((0..3)
            .map(|i| circle(3.0, 10.0 * f64::from(i), 0.0))
            .collect());
        let read = PreparedDrawing::new(&d, 0.01);
        let shared = Prepared::sharing(&d, 0.01, &read);
        assert!(matches!(shared.drawing, Cow::Borrowed(_)));
        assert_eq!(shared.iter().count(), 3);
        let mut other = d.clone();
        other.shapes.pop();
        let again = Prepared::sharing(&other, 0.01, &read);
        assert!(matches!(again.drawing, Cow::Owned(_)), "read again");
        assert_eq!(again.iter().count(), 2);
        assert!(matches!(
            Prepared::sharing(&d, 0.02, &read).drawing,
            Cow::Owned(_)
        ));
    }

    #[test]
    fn a_report_from_a_drawing_handed_over_is_the_report_of_a_run() {
        use super::super::{CheckOptions, check, check_sharing};
        let d = doc(vec![
            frame(1.0),
            circle(0.5, 50.0, 50.0),
            rect(10.0, 0.05, 20.0, 20.0),
            line(&[[0.0, 0.0], [30.0, 1.0]], false),
        ]);
        let options = CheckOptions::default();
        let own = check(&d, &laser(), &options);
        assert!(!own.findings.is_empty(), "a drawing with findings");
        let read = std::sync::Arc::new(PreparedDrawing::new(&d, options.tolerance_mm));
        let mut asked = 0;
        let shared = check_sharing(
            &d,
            &laser(),
            &options,
            |_| {
                asked += 1;
                std::sync::Arc::clone(&read)
            },
            |_| unreachable!("a laser needs no solid"),
        );
        assert_eq!(shared, own);
        assert_eq!(asked, 1);
        // A printer asks for no reading.
        let _ = check_sharing(
            &d,
            &printer(),
            &options,
            |_| unreachable!("a printer needs no laser reading"),
            |_| Ok(Vec::new()),
        );
    }
}
