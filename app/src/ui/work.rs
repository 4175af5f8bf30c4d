//! One way to run slow work off the UI thread. A [`Work`] runs a closure
//! on a worker thread and wakes the window when it ends; the window polls
//! it each frame (or a test waits for it), and may cancel it. The closure
//! gets a [`Control`] to report its progress and to notice a cancel.
//!
//! Every worker of the window uses it: the file jobs (open, save, import,
//! export), the lab check, the 3D preview's solid, and the tracer's
//! decoding, live preview and full trace.
//!
//! Current limitations: a cancelled closure that never looks at its
//! [`Control`] runs to its end in the background (its result is dropped).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::time::Duration;

/// What a worker sees of its [`Work`]: where to report progress and
/// whether it was cancelled.
#[derive(Debug)]
pub struct Control {
    cancelled: AtomicBool,
    /// Progress in 0–1, as `f32` bits.
    progress: AtomicU32,
    ctx: Option<egui::Context>,
}

impl Control {
    /// Reports `fraction` (0–1) done and wakes the window; `false` when
    /// the work was cancelled and should stop.
    pub fn report(&self, fraction: f32) -> bool {
        self.progress
            .store(fraction.clamp(0.0, 1.0).to_bits(), Ordering::Relaxed);
        if let Some(ctx) = &self.ctx {
            ctx.request_repaint();
        }
        !self.is_cancelled()
    }

    /// `true` once [`Work::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }
}

/// Where a [`Work`] stands.
#[derive(Debug)]
pub enum Poll<T> {
    /// Finished with this result (given once).
    Done(T),
    /// Still running.
    Running,
    /// The worker ended without a result (it panicked) or it was taken already.
    Lost,
}

/// Work running on a worker thread, producing a `T`.
#[derive(Debug)]
pub struct Work<T> {
    receiver: Receiver<T>,
    control: Arc<Control>,
}

impl<T: Send + 'static> Work<T> {
    /// Starts `work` on a worker thread; `ctx` (when given) is woken when
    /// it ends and at each progress report.
    pub fn spawn(
        ctx: Option<&egui::Context>,
        work: impl FnOnce(&Control) -> T + Send + 'static,
    ) -> Self {
        let control = Arc::new(Control {
            cancelled: AtomicBool::new(false),
            progress: AtomicU32::new(0),
            ctx: ctx.cloned(),
        });
        let worker = Arc::clone(&control);
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            // Nobody may listen any more (the window moved on): that is fine.
            let _ = sender.send(work(&worker));
            if let Some(ctx) = &worker.ctx {
                ctx.request_repaint();
            }
        });
        Self { receiver, control }
    }
}

impl<T> Work<T> {
    /// The result if the work is done, without waiting.
    pub fn poll(&self) -> Poll<T> {
        match self.receiver.try_recv() {
            Ok(result) => Poll::Done(result),
            Err(TryRecvError::Empty) => Poll::Running,
            Err(TryRecvError::Disconnected) => Poll::Lost,
        }
    }

    /// Waits up to `timeout` for the result (`None`: until it ends).
    pub fn wait(&self, timeout: Option<Duration>) -> Poll<T> {
        let received = match timeout {
            Some(timeout) => self.receiver.recv_timeout(timeout),
            None => self
                .receiver
                .recv()
                .map_err(|_| RecvTimeoutError::Disconnected),
        };
        match received {
            Ok(result) => Poll::Done(result),
            Err(RecvTimeoutError::Timeout) => Poll::Running,
            Err(RecvTimeoutError::Disconnected) => Poll::Lost,
        }
    }

    /// Asks the worker to stop (see [`Control::report`]).
    pub fn cancel(&self) {
        self.control.cancelled.store(true, Ordering::Relaxed);
    }

    /// The last progress the worker reported, 0–1.
    pub fn progress(&self) -> f32 {
        f32::from_bits(self.control.progress.load(Ordering::Relaxed))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn a_result_arrives_once() {
        let work = Work::spawn(None, |_| 42);
        assert!(matches!(work.wait(None), Poll::Done(42)));
        // Once the worker has ended, nothing more comes.
        assert!(matches!(work.wait(None), Poll::Lost), "given once");
    }

    #[test]
    fn progress_is_seen_and_a_cancel_reaches_the_worker() {
        let (go, wait_go) = channel::<()>();
        let (reported, wait_reported) = channel::<()>();
        let work = Work::spawn(None, move |control| {
            let kept_on = control.report(0.5);
            reported.send(()).unwrap();
            wait_go.recv().unwrap();
            (kept_on, control.is_cancelled())
        });
        wait_reported.recv().unwrap();
        assert_eq!(work.progress(), 0.5);
        assert!(matches!(work.poll(), Poll::Running));
        work.cancel();
        go.send(()).unwrap();
        let Poll::Done((kept_on, cancelled)) = work.wait(None) else {
            panic!("no result");
        };
        assert!(kept_on, "not cancelled when it reported");
        assert!(cancelled, "the cancel reached the worker");
    }

    #[test]
    fn a_worker_that_panics_is_lost_not_hung() {
        let work: Work<()> = Work::spawn(None, |_| panic!("boom"));
        assert!(matches!(work.wait(None), Poll::Lost));
    }
}
