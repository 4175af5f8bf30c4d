//! A picture's plane of bytes (one per pixel: luminance, opacity), held
//! in huge memory pages where the system offers them.
//!
//! A 3000 px square picture is 9 MB of luminance: in ordinary 4 KB pages
//! the decoder's first writes fault 2,200 times, which cost about a tenth
//! of a whole `fabrique trace` of such a PNG (3.5 of 31.5 ms of CPU,
//! measured with `perf stat`, 2026-12-05). A big plane is therefore
//! mapped on its own, aligned to 2 MB and advised to the kernel as a
//! candidate for transparent huge pages, so that it faults a few times
//! instead. This is the safe `memmap2` API: no `unsafe` here.
//!
//! # Current limitations
//! - Only Linux is advised (elsewhere the mapping is an ordinary one).
//! - With the kernel's default `defrag` setting (`madvise`), a fault in an
//!   advised region may compact memory first when no huge page is free:
//!   on a long-running, fragmented machine a few such faults can take
//!   milliseconds each, still bounded by the plane's size.

use std::ops::{Deref, DerefMut};

/// Planes from this size on are mapped on their own (below it, huge pages
/// would not fit in them).
const MAPPED_MIN_BYTES: usize = 4 << 20;

/// A huge page on x86-64 and arm64 with 4 KB pages.
const HUGE_PAGE_BYTES: usize = 2 << 20;

/// A byte per pixel, zeroed when made.
pub struct Plane(Storage);

enum Storage {
    Heap(Vec<u8>),
    /// A mapping one huge page longer than the plane, which starts at the
    /// first huge-page boundary in it.
    Mapped {
        map: memmap2::MmapMut,
        start: usize,
        len: usize,
    },
}

impl Plane {
    /// `len` zero bytes; mapped in huge pages from [`MAPPED_MIN_BYTES`]
    /// on, where the system allows it.
    pub fn zeroed(len: usize) -> Self {
        if len >= MAPPED_MIN_BYTES
            && let Some(mapped) = Self::mapped(len)
        {
            return mapped;
        }
        Self(Storage::Heap(vec![0; len]))
    }

    fn mapped(len: usize) -> Option<Self> {
        let map = memmap2::MmapOptions::new()
            .len(len.checked_add(HUGE_PAGE_BYTES)?)
            .map_anon()
            .ok()?;
        let address = map.as_ptr() as usize;
        let start = address.next_multiple_of(HUGE_PAGE_BYTES) - address;
        // Only a hint: without it the plane works the same, in small pages.
        #[cfg(target_os = "linux")]
        let _ = map.advise_range(memmap2::Advice::HugePage, start, len);
        Some(Self(Storage::Mapped { map, start, len }))
    }

    /// Whether the plane is mapped on its own (for the tests).
    #[cfg(test)]
    fn is_mapped(&self) -> bool {
        matches!(self.0, Storage::Mapped { .. })
    }
}

impl From<Vec<u8>> for Plane {
    fn from(bytes: Vec<u8>) -> Self {
        Self(Storage::Heap(bytes))
    }
}

impl Deref for Plane {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match &self.0 {
            Storage::Heap(bytes) => bytes,
            Storage::Mapped { map, start, len } => &map[*start..*start + *len],
        }
    }
}

impl DerefMut for Plane {
    fn deref_mut(&mut self) -> &mut [u8] {
        match &mut self.0 {
            Storage::Heap(bytes) => bytes,
            Storage::Mapped { map, start, len } => &mut map[*start..*start + *len],
        }
    }
}

impl Clone for Plane {
    fn clone(&self) -> Self {
        let mut copy = Self::zeroed(self.len());
        copy.copy_from_slice(self);
        copy
    }
}

impl PartialEq for Plane {
    fn eq(&self, other: &Self) -> bool {
        **self == **other
    }
}

impl std::fmt::Debug for Plane {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Plane({} bytes)", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_big_plane_is_mapped_zeroed_writable_and_aligned() {
        let len = MAPPED_MIN_BYTES + 12_345;
        let mut plane = Plane::zeroed(len);
        assert!(plane.is_mapped());
        assert_eq!(plane.len(), len);
        assert!(plane.iter().all(|&b| b == 0));
        assert_eq!(plane.as_ptr() as usize % HUGE_PAGE_BYTES, 0);
        plane[len - 1] = 7;
        plane[0] = 3;
        let copy = plane.clone();
        assert_eq!(copy, plane);
        assert_eq!((copy[0], copy[len - 1]), (3, 7));
    }

    #[test]
    fn a_small_plane_stays_on_the_heap() {
        let plane = Plane::zeroed(1000);
        assert!(!plane.is_mapped());
        assert_eq!(&plane[..], &[0; 1000][..]);
        assert_eq!(Plane::from(vec![1, 2, 3]), Plane::from(vec![1, 2, 3]));
    }
}
