//! Any bytes as a `.fabrique` project: an error or a document within
//! `geometry::limits`, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = fabrique::project::from_json(data) {
        assert!(geometry::limits::check(&document).is_ok());
    }
});
