//! Work over a picture shared between this thread and one helper, cut
//! into pieces that the two take in turn.
//!
//! Why pieces and not two halves: on a busy or virtual machine a spawned
//! thread sometimes starts milliseconds late. With halves the caller,
//! done with its own, then waited for the late one: that was most of the
//! spread of `fabrique trace`'s times. With pieces taken in turn the
//! thread that is running takes more of them, and the results do not
//! depend on who took which: each piece's result is kept in its place.

use std::ops::Range;
use std::sync::Mutex;

/// Pixels below which one thread is faster than two (as the threshold's).
pub const PARALLEL_MIN_PIXELS: usize = 1 << 18;

/// Pieces a picture's work is cut into: enough that a helper starting
/// late costs little, few enough that handing them out costs nothing.
pub const PIECES: usize = 16;

/// Runs `work` on every piece `pieces` yields, on this thread and one
/// helper, each thread with its own scratch state from `make`, taking the
/// pieces in turn.
pub fn each_piece<P, I, S, M, F>(pieces: I, make: M, work: F)
where
    P: Send,
    I: Iterator<Item = P> + Send,
    M: Fn() -> S + Sync,
    F: Fn(&mut S, P) + Sync,
{
    let queue = Mutex::new(pieces);
    let take = || {
        let mut state = make();
        // A poisoned queue means the other thread panicked: the scope
        // passes that panic on.
        while let Some(piece) = queue.lock().ok().and_then(|mut q| q.next()) {
            work(&mut state, piece);
        }
    };
    std::thread::scope(|s| {
        s.spawn(take);
        take();
    });
}

/// `work` over `0..items`, in [`PIECES`] pieces shared with a helper when
/// the picture has `pixels` enough to pay for it (otherwise in one piece
/// here). The pieces' results come in order, so concatenating or summing
/// them gives what one pass gives.
pub fn in_pieces<T, F>(items: usize, pixels: usize, work: F) -> Vec<T>
where
    T: Send,
    F: Fn(Range<usize>) -> T + Sync,
{
    if pixels < PARALLEL_MIN_PIXELS || items < 2 {
        return vec![work(0..items)];
    }
    let size = items.div_ceil(PIECES);
    let range = |k: usize| k * size..((k + 1) * size).min(items);
    let slots: Vec<Mutex<Option<T>>> = (0..items.div_ceil(size))
        .map(|_| Mutex::new(None))
        .collect();
    each_piece(
        0..slots.len(),
        || (),
        |(), k| {
            let result = work(range(k));
            if let Ok(mut slot) = slots[k].lock() {
                *slot = Some(result);
            }
        },
    );
    slots
        .into_iter()
        .enumerate()
        // Every piece was done unless a thread panicked, which the scope
        // passed on; redoing one here keeps this free of `unwrap`.
        .map(|(k, slot)| {
            slot.into_inner()
                .unwrap_or_else(|e| e.into_inner())
                .unwrap_or_else(|| work(range(k)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_every_item_once_in_order() {
        for (items, pixels) in [
            (0, 1 << 20),
            (1, 1 << 20),
            (7, 1 << 20),
            (100, 1 << 20),
            (7, 10),
        ] {
            let all: Vec<usize> = in_pieces(items, pixels, |r| r.collect::<Vec<_>>())
                .into_iter()
                .flatten()
                .collect();
            assert_eq!(all, (0..items).collect::<Vec<_>>(), "{items} items");
        }
        assert_eq!(in_pieces(8, 10, |r| r.len()), vec![8]);
        assert_eq!(in_pieces(100, 1 << 20, |r| r.len()).len(), 15);
        assert_eq!(in_pieces(32, 1 << 20, |r| r.len()), vec![2; 16]);
    }

    #[test]
    fn each_piece_is_taken_once_with_one_state_per_thread() {
        let taken = Mutex::new(Vec::new());
        let states = std::sync::atomic::AtomicUsize::new(0);
        each_piece(
            0..50,
            || states.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            |_, k| taken.lock().into_iter().for_each(|mut t| t.push(k)),
        );
        let mut taken = taken.into_inner().unwrap_or_default();
        taken.sort_unstable();
        assert_eq!(taken, (0..50).collect::<Vec<_>>());
        assert_eq!(states.into_inner(), 2);
    }
}
