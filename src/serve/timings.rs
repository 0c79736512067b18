//! How long each stage of a rebuild took, printed on stderr when the
//! environment variable `CARNET_TIMINGS` is set (the switch of the build's
//! own timings, `crate::timings`): what bench/README.md's stage breakdown of
//! `carnet serve` is measured with.

use std::time::{Duration, Instant};

/// The stages of one rebuild, in order, with their durations.
pub struct Timings {
    enabled: bool,
    last: Instant,
    stages: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Starts timing a rebuild (does nothing unless the variable is set).
    pub fn start() -> Timings {
        Timings {
            enabled: crate::timings::enabled(),
            last: Instant::now(),
            stages: Vec::new(),
        }
    }

    /// Ends the stage `name`, begun at the end of the previous one.
    pub fn stage(&mut self, name: &'static str) {
        if self.enabled {
            let now = Instant::now();
            self.stages.push((name, now - self.last));
            self.last = now;
        }
    }

    /// Records `took` for `name`, a part of the last stage done beside
    /// another one (not added to the stages' sum).
    pub fn alongside(&mut self, name: &'static str, took: Duration) {
        if self.enabled {
            self.stages.push((name, took));
        }
    }

    /// Prints the stages on one line of stderr, when enabled.
    pub fn print(&self) {
        if self.enabled && !self.stages.is_empty() {
            let line: Vec<String> = self
                .stages
                .iter()
                .map(|(name, d)| format!("{name} {:.1}", d.as_secs_f64() * 1000.0))
                .collect();
            eprintln!("étapes (ms) : {}", line.join(", "));
        }
    }
}
