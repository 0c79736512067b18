//! Stage timings of `carnet build`, printed on stderr when the environment
//! variable `CARNET_TIMINGS` is set (to anything but `0` or empty): what a
//! user reporting a slow build can paste, and what bench/README.md compares
//! before and after an optimisation. Off, it costs one check per stage.

use std::sync::OnceLock;
use std::time::Instant;

/// Whether `CARNET_TIMINGS` asks for the timings (read once); `carnet
/// serve`'s per-rebuild timings follow the same switch.
pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| {
        std::env::var_os("CARNET_TIMINGS").is_some_and(|v| !v.is_empty() && v != "0")
    })
}

/// A clock over the stages of one build: each [`Stages::done`] prints the
/// time since the previous one.
pub struct Stages {
    start: Instant,
    last: Instant,
}

impl Stages {
    /// Starts the clock.
    pub fn start() -> Stages {
        let now = Instant::now();
        Stages {
            start: now,
            last: now,
        }
    }

    /// Marks the end of `stage`: prints `timing  <stage>  <ms>` (and the
    /// total so far) when the timings are on.
    pub fn done(&mut self, stage: &str) {
        if !enabled() {
            return;
        }
        let now = Instant::now();
        eprintln!(
            "timing {stage:<10} {:8.1} ms   (total {:8.1} ms)",
            (now - self.last).as_secs_f64() * 1000.0,
            (now - self.start).as_secs_f64() * 1000.0,
        );
        self.last = now;
    }
}
