//! Extrusion of a document's shapes into one closed solid (in progress).
