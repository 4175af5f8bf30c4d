//! The physical resolution a picture file declares, read straight from its
//! header (the `image` crate does not expose it).
//!
//! Read: PNG `pHYs` (pixels per metre), JPEG JFIF density (per inch or per
//! cm; EXIF resolution is ignored, cameras write a meaningless 72, and so
//! is a JFIF density of 96 dpi or less, an encoder default), BMP's
//! pixels per metre. Other formats declare nothing we trust. Values outside
//! [`MIN_DPI`, `MAX_DPI`] are treated as absent: they are placeholders or
//! damage, and would give a picture metres wide or microscopic.

/// Lowest resolution we believe, dots per inch.
pub const MIN_DPI: f64 = 10.0;
/// Highest resolution we believe, dots per inch (a good flatbed scanner).
pub const MAX_DPI: f64 = 20_000.0;

const INCH_PER_METRE: f64 = 0.0254;

/// Horizontal and vertical dots per inch declared by the file, if any.
pub fn sniff_dpi(bytes: &[u8]) -> Option<[f64; 2]> {
    let dpi = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        png_dpi(bytes)
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        jpeg_dpi(bytes)
    } else if bytes.starts_with(b"BM") {
        bmp_dpi(bytes)
    } else {
        None
    }?;
    dpi.iter()
        .all(|d| (MIN_DPI..=MAX_DPI).contains(d))
        .then_some(dpi)
}

fn be32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn png_dpi(bytes: &[u8]) -> Option<[f64; 2]> {
    let mut at = 8;
    loop {
        let len = be32(bytes, at)? as usize;
        let kind = bytes.get(at + 4..at + 8)?;
        if kind == b"IDAT" || kind == b"IEND" {
            return None;
        }
        if kind == b"pHYs" && len >= 9 {
            let data = at + 8;
            let x = f64::from(be32(bytes, data)?);
            let y = f64::from(be32(bytes, data + 4)?);
            let metre = *bytes.get(data + 8)? == 1;
            return metre.then_some([x * INCH_PER_METRE, y * INCH_PER_METRE]);
        }
        at = at.checked_add(12)?.checked_add(len)?;
    }
}

/// JPEG densities at or below this are encoder defaults, not measurements.
const JPEG_DEFAULT_DPI: f64 = 96.0;

fn jpeg_dpi(bytes: &[u8]) -> Option<[f64; 2]> {
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        if marker == 0xDA || marker == 0xD9 {
            return None; // image data starts: no JFIF header before it
        }
        let len = usize::from(be16(bytes, at + 2)?);
        if marker == 0xE0 && bytes.get(at + 4..at + 9) == Some(b"JFIF\0") {
            let units = *bytes.get(at + 11)?;
            let x = f64::from(be16(bytes, at + 12)?);
            let y = f64::from(be16(bytes, at + 14)?);
            let dpi = match units {
                1 => [x, y],
                2 => [x * 2.54, y * 2.54],
                _ => return None, // 0: only an aspect ratio
            };
            // Encoders and phones write 72 (or 96) dpi by default, meaning
            // "unknown": a 4000 px photo would come out 1.4 m wide. Only a
            // scanner's real resolution (150, 300, 600…) is believed.
            return (dpi[0] > JPEG_DEFAULT_DPI && dpi[1] > JPEG_DEFAULT_DPI).then_some(dpi);
        }
        at = at.checked_add(2)?.checked_add(len)?;
    }
}

fn bmp_dpi(bytes: &[u8]) -> Option<[f64; 2]> {
    let header = u32::from_le_bytes(bytes.get(14..18)?.try_into().ok()?);
    if header < 40 {
        return None;
    }
    let x = i32::from_le_bytes(bytes.get(38..42)?.try_into().ok()?);
    let y = i32::from_le_bytes(bytes.get(42..46)?.try_into().ok()?);
    Some([f64::from(x) * INCH_PER_METRE, f64::from(y) * INCH_PER_METRE])
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn png_phys_in_pixels_per_metre() {
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(13_u32.to_be_bytes());
        png.extend(b"IHDR");
        png.extend([0; 13 + 4]);
        png.extend(9_u32.to_be_bytes());
        png.extend(b"pHYs");
        png.extend(11811_u32.to_be_bytes()); // 300 dpi
        png.extend(11811_u32.to_be_bytes());
        png.push(1);
        png.extend([0; 4]);
        let dpi = sniff_dpi(&png).unwrap();
        assert!((dpi[0] - 300.0).abs() < 0.01, "{dpi:?}");
    }

    fn jfif(units: u8, density: u16) -> Vec<u8> {
        let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10];
        jpeg.extend(b"JFIF\0");
        jpeg.extend([1, 1, units]);
        jpeg.extend(density.to_be_bytes());
        jpeg.extend(density.to_be_bytes());
        jpeg.extend([0, 0, 0xFF, 0xDA]);
        jpeg
    }

    #[test]
    fn jpeg_density_is_believed_only_when_it_is_not_an_encoder_default() {
        assert_eq!(sniff_dpi(&jfif(1, 300)), Some([300.0, 300.0]));
        assert_eq!(sniff_dpi(&jfif(2, 118)).map(|d| d[0].round()), Some(300.0));
        assert_eq!(sniff_dpi(&jfif(1, 72)), None);
        assert_eq!(sniff_dpi(&jfif(1, 96)), None);
        assert_eq!(sniff_dpi(&jfif(0, 1)), None);
    }

    #[test]
    fn garbage_declares_nothing() {
        assert_eq!(sniff_dpi(b""), None);
        assert_eq!(sniff_dpi(b"\x89PNG\r\n\x1a\n\xff\xff\xff\xff"), None);
        assert_eq!(sniff_dpi(&[0xFF, 0xD8, 0xFF]), None);
        assert_eq!(sniff_dpi(b"BM"), None);
    }
}
