//! The time budget of one click. A click must finish within about a second on any page, so
//! the reader and the analysis stages check a deadline between pieces of work and stop with
//! a partial result (the page marked truncated, a note for the reader) when it has passed.
//!
//! The clock is the only platform-specific part: `Date.now()` in the browser (wasm has no
//! `Instant`), a monotonic `Instant` natively. Checks are a clock read, so callers make them
//! every few thousand steps, not per step.

/// A point in time after which work should stop, or none (native tools, tests).
#[derive(Debug, Clone, Copy, Default)]
pub struct Deadline {
    end_ms: Option<f64>,
}

/// What reading and analysing may take before the rest is skipped; rendering, starting the
/// wasm and the extension messaging take the rest of the one-second click.
pub const CLICK_BUDGET_MS: f64 = 400.0;

impl Deadline {
    /// No deadline: the analysis always runs to the end (deterministic tools and tests).
    pub fn none() -> Deadline {
        Deadline { end_ms: None }
    }

    /// A deadline `ms` milliseconds from now.
    pub fn after(ms: f64) -> Deadline {
        Deadline {
            end_ms: Some(now_ms() + ms),
        }
    }

    /// The deadline on `now_ms`'s clock, for a walk that checks it on the JS side.
    pub fn end_ms(&self) -> Option<f64> {
        self.end_ms
    }

    /// True once the deadline has passed.
    pub fn passed(&self) -> bool {
        self.end_ms.is_some_and(|end| now_ms() >= end)
    }
}

/// Milliseconds on a clock that only has to be consistent within one process.
#[cfg(target_arch = "wasm32")]
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Milliseconds on a clock that only has to be consistent within one process.
#[cfg(not(target_arch = "wasm32"))]
pub fn now_ms() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn none_never_passes_and_zero_passes_at_once() {
        assert!(!Deadline::none().passed());
        assert!(Deadline::after(0.0).passed());
        assert!(!Deadline::after(60_000.0).passed());
    }
}
