//! A least-recently-used map bounded by the bytes of what it holds (not the number of entries): the
//! tile route keeps encoded tiles in one. Each entry's size is given by the caller; an entry larger
//! than the whole budget is not kept. Operations are O(log n); no I/O, no locking (wrap it in a
//! mutex to share it).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// Fixed cost counted per entry besides its value (map and order bookkeeping), bytes.
pub const ENTRY_OVERHEAD: usize = 96;

#[derive(Debug)]
struct Entry<V> {
    value: V,
    size: usize,
    tick: u64,
}

/// The cache.
#[derive(Debug)]
pub struct ByteLru<K, V> {
    map: HashMap<K, Entry<V>>,
    order: BTreeMap<u64, K>,
    tick: u64,
    bytes: usize,
    capacity: usize,
}

impl<K: Eq + Hash + Clone, V> ByteLru<K, V> {
    /// An empty cache holding at most `capacity` bytes (0 keeps nothing).
    pub fn new(capacity: usize) -> ByteLru<K, V> {
        ByteLru { map: HashMap::new(), order: BTreeMap::new(), tick: 0, bytes: 0, capacity }
    }

    fn next_tick(&mut self) -> u64 {
        self.tick += 1;
        self.tick
    }

    /// The value of `k`, marking it most recently used.
    pub fn get(&mut self, k: &K) -> Option<&V> {
        let t = self.next_tick();
        let e = self.map.get_mut(k)?;
        self.order.remove(&e.tick);
        e.tick = t;
        self.order.insert(t, k.clone());
        Some(&e.value)
    }

    /// Inserts (or replaces) `k` with a value of `size` bytes, evicting the least recently used
    /// entries to make room. Returns whether it was kept.
    pub fn insert(&mut self, k: K, value: V, size: usize) -> bool {
        self.remove(&k);
        let size = size.saturating_add(ENTRY_OVERHEAD);
        if size > self.capacity {
            return false;
        }
        while self.bytes + size > self.capacity {
            let Some((_, old)) = self.order.pop_first() else { break };
            if let Some(e) = self.map.remove(&old) {
                self.bytes -= e.size;
            }
        }
        let tick = self.next_tick();
        self.order.insert(tick, k.clone());
        self.map.insert(k, Entry { value, size, tick });
        self.bytes += size;
        true
    }

    /// Removes `k`.
    pub fn remove(&mut self, k: &K) -> Option<V> {
        let e = self.map.remove(k)?;
        self.order.remove(&e.tick);
        self.bytes -= e.size;
        Some(e.value)
    }

    /// Empties the cache.
    pub fn clear(&mut self) {
        self.map.clear();
        self.order.clear();
        self.bytes = 0;
    }

    /// Entries held.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether nothing is held.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Bytes counted (values plus [`ENTRY_OVERHEAD`] each).
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// The budget.
    pub fn capacity(&self) -> usize {
        self.capacity
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evicts_least_recently_used_by_bytes() {
        let mut c = ByteLru::new(3 * (100 + ENTRY_OVERHEAD));
        for k in 0..3 {
            assert!(c.insert(k, k, 100));
        }
        assert_eq!(c.get(&0), Some(&0)); // 1 is now the oldest
        assert!(c.insert(3, 3, 100));
        assert_eq!(c.get(&1), None);
        assert_eq!((c.len(), c.bytes()), (3, 3 * (100 + ENTRY_OVERHEAD)));
        // A big one pushes out two.
        assert!(c.insert(4, 4, 200 + ENTRY_OVERHEAD));
        assert_eq!(c.len(), 2);
        assert!(c.bytes() <= c.capacity());
        // Too big for the whole budget: not kept, nothing evicted.
        assert!(!c.insert(5, 5, 10_000));
        assert_eq!(c.len(), 2);
        // Replacing counts the new size only.
        assert!(c.insert(4, 40, 10));
        assert_eq!(c.get(&4), Some(&40));
        c.clear();
        assert!(c.is_empty() && c.bytes() == 0);
    }

    #[test]
    fn zero_capacity_keeps_nothing() {
        let mut c = ByteLru::new(0);
        assert!(!c.insert("a", 1, 0));
        assert!(c.get(&"a").is_none());
    }
}
