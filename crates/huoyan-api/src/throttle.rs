//! Login throttling, built so that a stranger can slow password guessing down but cannot lock a
//! named account out. Three counters of failed logins, each over a sliding [`WINDOW`]:
//!
//! - **per user name and address** — [`MAX_FAILURES`] failures from one address for one name lock
//!   that name *from that address* for [`WINDOW`]. The account's owner, at another address, is not
//!   affected.
//! - **per address** — [`MAX_ADDRESS_FAILURES`] failures from one address, whatever the names,
//!   lock the address out for [`WINDOW`] (one machine guessing many accounts).
//! - **per user name, from anywhere** — [`MAX_NAME_FAILURES`] failures for one name from all
//!   addresses (a distributed guess) slow the name down: one attempt per [`NAME_SLOWDOWN`], never a
//!   lock longer than that, so nobody can keep an account shut indefinitely.
//!
//! Every refusal says how long to wait (`Retry-After`). A success clears the name's counters for
//! that address. The table lives in memory and is bounded ([`MAX_ENTRIES`]: old entries are pruned,
//! and when it is still full new keys are not tracked rather than memory growing).
//!
//! Behind a reverse proxy every request comes from the proxy's address; see `docs/SECURITY.md`.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed for one name from one address within the window.
pub const MAX_FAILURES: u32 = 5;
/// Failures allowed from one address, all names together, within the window.
pub const MAX_ADDRESS_FAILURES: u32 = 20;
/// Failures for one name from all addresses before attempts on it are slowed down.
pub const MAX_NAME_FAILURES: u32 = 50;
/// The window, and the lock-out of a name at an address or of an address.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// The longest a name is shut for everybody: one attempt per this, while the guessing goes on.
pub const NAME_SLOWDOWN: Duration = Duration::from_secs(60);
/// Entries kept at most.
pub const MAX_ENTRIES: usize = 20_000;

#[derive(Debug, Clone, Copy)]
struct Entry {
    failures: u32,
    since: Instant,
    locked_until: Option<Instant>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    NameAt(String, Option<IpAddr>),
    Address(IpAddr),
    Name(String),
}

/// Failed-login counts (see the module's documentation).
#[derive(Debug, Default)]
pub struct LoginGuard {
    entries: Mutex<HashMap<Key, Entry>>,
}

fn name_key(username: &str) -> String {
    username.trim().to_lowercase()
}

fn keys(username: &str, addr: Option<IpAddr>) -> [Option<Key>; 3] {
    let name = name_key(username);
    [Some(Key::NameAt(name.clone(), addr)), addr.map(Key::Address), Some(Key::Name(name))]
}

impl LoginGuard {
    /// Seconds to wait before `username` may try again from `addr`, if it may not now.
    pub fn locked(&self, username: &str, addr: Option<IpAddr>, now: Instant) -> Option<u64> {
        let map = self.entries.lock().ok()?;
        keys(username, addr)
            .into_iter()
            .flatten()
            .filter_map(|k| map.get(&k)?.locked_until)
            .filter(|until| *until > now)
            .map(|until| (until - now).as_secs().max(1))
            .max()
    }

    /// Records a failure; returns true when it locks the name at this address, or the address.
    pub fn failed(&self, username: &str, addr: Option<IpAddr>, now: Instant) -> bool {
        let Ok(mut map) = self.entries.lock() else { return false };
        if map.len() >= MAX_ENTRIES {
            map.retain(|_, e| now.duration_since(e.since) < WINDOW || e.locked_until.is_some_and(|u| u > now));
        }
        let mut locked = false;
        for key in keys(username, addr).into_iter().flatten() {
            let (limit, lock) = match key {
                Key::NameAt(..) => (MAX_FAILURES, WINDOW),
                Key::Address(_) => (MAX_ADDRESS_FAILURES, WINDOW),
                Key::Name(_) => (MAX_NAME_FAILURES, NAME_SLOWDOWN),
            };
            if map.len() >= MAX_ENTRIES && !map.contains_key(&key) {
                continue;
            }
            let e = map.entry(key.clone()).or_insert(Entry { failures: 0, since: now, locked_until: None });
            if now.duration_since(e.since) >= WINDOW {
                *e = Entry { failures: 0, since: now, locked_until: None };
            }
            e.failures += 1;
            if e.failures >= limit {
                e.locked_until = Some(now + lock);
                locked |= !matches!(key, Key::Name(_));
            }
        }
        locked
    }

    /// Forgets the failures of a name at an address after a successful login.
    pub fn succeeded(&self, username: &str, addr: Option<IpAddr>) {
        if let Ok(mut map) = self.entries.lock() {
            map.remove(&Key::NameAt(name_key(username), addr));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn locks_a_name_at_the_guessing_address_only() {
        let g = LoginGuard::default();
        let t0 = Instant::now();
        let stranger = ip("203.0.113.9");
        for i in 1..MAX_FAILURES {
            assert!(!g.failed("Admin", stranger, t0), "failure {i}");
            assert_eq!(g.locked("admin", stranger, t0), None);
        }
        assert!(g.failed("admin ", stranger, t0));
        let wait = g.locked("ADMIN", stranger, t0 + Duration::from_secs(60)).expect("locked");
        assert!(wait > 13 * 60 && wait <= 14 * 60, "{wait}");
        // The owner at another address is not locked out.
        assert_eq!(g.locked("admin", ip("10.0.0.5"), t0), None);
        assert_eq!(g.locked("admin", stranger, t0 + WINDOW + Duration::from_secs(1)), None);
        assert_eq!(g.locked("someone-else", ip("10.0.0.5"), t0), None);
    }

    #[test]
    fn an_address_guessing_many_names_is_locked_out() {
        let g = LoginGuard::default();
        let t0 = Instant::now();
        let a = ip("198.51.100.7");
        for i in 0..MAX_ADDRESS_FAILURES - 1 {
            g.failed(&format!("user{i}"), a, t0);
        }
        assert_eq!(g.locked("fresh-name", a, t0), None);
        assert!(g.failed("user-last", a, t0));
        assert!(g.locked("fresh-name", a, t0).is_some());
        assert_eq!(g.locked("fresh-name", ip("198.51.100.8"), t0), None);
    }

    #[test]
    fn a_distributed_guess_only_slows_a_name_down() {
        let g = LoginGuard::default();
        let t0 = Instant::now();
        for i in 0..MAX_NAME_FAILURES {
            let a: IpAddr = format!("10.1.{}.{}", i / 200, i % 200).parse().unwrap();
            g.failed("admin", Some(a), t0);
        }
        let owner = ip("192.0.2.1");
        let wait = g.locked("admin", owner, t0).expect("slowed down");
        assert!(wait <= NAME_SLOWDOWN.as_secs(), "{wait}");
        assert_eq!(g.locked("admin", owner, t0 + NAME_SLOWDOWN + Duration::from_secs(1)), None);
    }

    #[test]
    fn success_resets_the_name_at_that_address() {
        let g = LoginGuard::default();
        let t0 = Instant::now();
        let a = ip("10.0.0.1");
        g.failed("a", a, t0);
        g.succeeded("a", a);
        for _ in 1..MAX_FAILURES {
            assert!(!g.failed("a", a, t0));
        }
    }

    #[test]
    fn the_table_stays_bounded() {
        let g = LoginGuard::default();
        let t0 = Instant::now();
        for i in 0..(MAX_ENTRIES as u32 + 500) {
            let a = IpAddr::from(std::net::Ipv4Addr::from(0x0a00_0000 + i));
            g.failed("x", Some(a), t0);
        }
        assert!(g.entries.lock().unwrap().len() <= MAX_ENTRIES);
    }
}
