//! Any bytes through the SVG import: an error or shapes, never a panic,
//! a hang or a blow-up (the import's own limits bound the work), and the
//! shapes it gives always within `geometry::limits`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(import) = geometry::import::import_svg(data) {
        assert!(geometry::limits::check_shapes(&import.shapes).is_ok());
    }
});
