//! Work over a picture's rows shared between two threads: the first half
//! here, the second on a helper, each with its own partial result.
//!
//! Why: the paper estimate and the ink and paper levels each read a
//! sample of the whole picture before the threshold can start, about a
//! millisecond each on a 3000 × 3000 photo; on one core they were the
//! threshold's slowest part once its per-pixel pass was shared out.

use std::ops::Range;

/// Pixels below which one thread is faster than two (as the threshold's).
pub const PARALLEL_MIN_PIXELS: usize = 1 << 18;

/// `work` over `0..items` as two halves, `(first, second)`, the second on
/// another thread when the picture has `pixels` enough to pay for it;
/// otherwise `work(0..items)` and `None`. The halves' results are in
/// order, so concatenating or summing them gives what one pass gives.
pub fn in_halves<T, F>(items: usize, pixels: usize, work: F) -> (T, Option<T>)
where
    T: Send,
    F: Fn(Range<usize>) -> T + Sync,
{
    if pixels < PARALLEL_MIN_PIXELS || items < 2 {
        return (work(0..items), None);
    }
    let middle = items / 2;
    std::thread::scope(|s| {
        let second = s.spawn(|| work(middle..items));
        let first = work(0..middle);
        match second.join() {
            Ok(second) => (first, Some(second)),
            // The work only panics on our bug: pass it on.
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_cover_every_item_once_in_order() {
        for (items, pixels) in [(0, 1 << 20), (1, 1 << 20), (7, 1 << 20), (7, 10)] {
            let (first, second) = in_halves(items, pixels, |r| r.collect::<Vec<_>>());
            let mut all = first;
            all.extend(second.into_iter().flatten());
            assert_eq!(all, (0..items).collect::<Vec<_>>(), "{items} items");
        }
        assert!(in_halves(8, 10, |r| r.len()).1.is_none());
        assert_eq!(in_halves(8, 1 << 20, |r| r.len()), (4, Some(4)));
    }
}
