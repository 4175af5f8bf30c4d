//! Extrusion of a document's filled shapes into closed solids, one mesh per
//! part (in progress: the API is fixed, the implementation lands next).

use crate::document::Document;
use crate::mesh::Mesh;

/// Options of [`extrude`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExtrudeOptions {
    /// Largest distance between a curve and the facets that replace it, mm.
    pub tolerance_mm: f64,
}

impl Default for ExtrudeOptions {
    fn default() -> Self {
        Self {
            tolerance_mm: crate::DEFAULT_TOLERANCE_MM,
        }
    }
}

/// Why a document cannot become a solid.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ExtrudeError {
    /// No filled shape with a positive height: nothing has volume.
    #[error("nothing to extrude: no filled shape with a positive height")]
    NothingToExtrude,
    /// A height or base that is not a finite number, or absurdly large.
    #[error("shape {shape_id} has an unusable height or base ({value})")]
    InvalidHeight { shape_id: u64, value: f64 },
}

/// Turns every filled shape with a positive height into one solid per part.
pub fn extrude(document: &Document, options: &ExtrudeOptions) -> Result<Vec<Mesh>, ExtrudeError> {
    let _ = (document, options);
    Err(ExtrudeError::NothingToExtrude)
}
