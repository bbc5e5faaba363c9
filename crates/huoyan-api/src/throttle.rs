//! Login throttling: after [`MAX_FAILURES`] failed logins for one user name within [`WINDOW`], further
//! attempts for that name are refused for [`WINDOW`] (answered 429), whatever the password. The
//! table lives in memory; it is bounded by pruning old entries.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed within the window.
pub const MAX_FAILURES: u32 = 5;
/// The window, and the lock-out after it is exceeded.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
const MAX_ENTRIES: usize = 10_000;

#[derive(Debug, Clone, Copy)]
struct Entry {
    failures: u32,
    since: Instant,
    locked_until: Option<Instant>,
}

/// Failed-login counts by user name.
#[derive(Debug, Default)]
pub struct LoginGuard {
    entries: Mutex<HashMap<String, Entry>>,
}

impl LoginGuard {
    fn key(username: &str) -> String {
        username.trim().to_lowercase()
    }

    /// Seconds to wait before `username` may try again, if it is locked out.
    pub fn locked(&self, username: &str, now: Instant) -> Option<u64> {
        let map = self.entries.lock().ok()?;
        let until = map.get(&Self::key(username))?.locked_until?;
        (until > now).then(|| (until - now).as_secs().max(1))
    }

    /// Records a failure; returns true when it locks the name out.
    pub fn failed(&self, username: &str, now: Instant) -> bool {
        let Ok(mut map) = self.entries.lock() else { return false };
        if map.len() >= MAX_ENTRIES {
            map.retain(|_, e| now.duration_since(e.since) < WINDOW || e.locked_until.is_some_and(|u| u > now));
        }
        let e = map.entry(Self::key(username)).or_insert(Entry { failures: 0, since: now, locked_until: None });
        if now.duration_since(e.since) >= WINDOW {
            *e = Entry { failures: 0, since: now, locked_until: None };
        }
        e.failures += 1;
        if e.failures >= MAX_FAILURES {
            e.locked_until = Some(now + WINDOW);
            return true;
        }
        false
    }

    /// Forgets the failures of a name after a successful login.
    pub fn succeeded(&self, username: &str) {
        if let Ok(mut map) = self.entries.lock() {
            map.remove(&Self::key(username));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_repeated_failures_and_forgives_later() {
        let g = LoginGuard::default();
        let t0 = Instant::now();
        for i in 1..MAX_FAILURES {
            assert!(!g.failed("Admin", t0), "failure {i}");
            assert_eq!(g.locked("admin", t0), None);
        }
        assert!(g.failed("admin ", t0));
        assert!(g.locked("ADMIN", t0 + Duration::from_secs(60)).is_some());
        assert_eq!(g.locked("admin", t0 + WINDOW + Duration::from_secs(1)), None);
        assert_eq!(g.locked("someone-else", t0), None);
    }

    #[test]
    fn success_resets() {
        let g = LoginGuard::default();
        let t0 = Instant::now();
        g.failed("a", t0);
        g.succeeded("a");
        for _ in 1..MAX_FAILURES {
            assert!(!g.failed("a", t0));
        }
    }
}
