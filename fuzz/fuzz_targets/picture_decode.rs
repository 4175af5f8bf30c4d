//! Any bytes through picture decoding (PNG, JPEG, BMP, GIF, WebP, TIFF),
//! as `fabrique trace` and the app's import do: an error or a picture,
//! never a panic or an allocation beyond the decoder's limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = geometry::trace::decode_image(data);
});
