//! Plain Dijkstra over the CSR arrays, forwards or backwards, from several weighted sources. It
//! answers many-to-one "every force → incident" queries in one sweep, and point-to-point queries
//! while closures have made the contraction hierarchy stale.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::graph::{NodeId, RoadGraph};

/// A node with the cost (milliseconds) already spent to reach it or still to pay from it.
pub type NodeCost = (NodeId, u64);

/// Result of a search: cost per node (`u64::MAX` = not reached) and the predecessor on the tree
/// (`NodeId::MAX` for sources and unreached nodes).
#[derive(Debug, Clone)]
pub struct Search {
    /// Cost per node.
    pub dist: Vec<u64>,
    /// Predecessor per node (successor, for a backward search).
    pub parent: Vec<NodeId>,
}

/// Runs Dijkstra from `sources` (backwards over reversed edges when `backward`), stopping once every
/// node of `targets` is settled (all nodes when `targets` is empty).
pub fn dijkstra(graph: &RoadGraph, sources: &[NodeCost], backward: bool, targets: &[NodeId]) -> Search {
    let n = graph.num_nodes();
    let mut dist = vec![u64::MAX; n];
    let mut parent = vec![NodeId::MAX; n];
    let mut is_target = vec![false; if targets.is_empty() { 0 } else { n }];
    let mut left = 0usize;
    for &t in targets {
        if (t as usize) < n && !is_target[t as usize] {
            is_target[t as usize] = true;
            left += 1;
        }
    }
    let mut heap = BinaryHeap::new();
    for &(s, c) in sources {
        if (s as usize) < n && c < dist[s as usize] {
            dist[s as usize] = c;
            heap.push(Reverse((c, s)));
        }
    }
    while let Some(Reverse((d, u))) = heap.pop() {
        if d > dist[u as usize] {
            continue;
        }
        if !targets.is_empty() && is_target[u as usize] {
            is_target[u as usize] = false;
            left -= 1;
            if left == 0 {
                break;
            }
        }
        let edges = if backward { graph.in_edges(u) } else { graph.out_edges(u) };
        for e in edges {
            let nd = d + u64::from(e.weight);
            if nd < dist[e.head as usize] {
                dist[e.head as usize] = nd;
                parent[e.head as usize] = u;
                heap.push(Reverse((nd, e.head)));
            }
        }
    }
    Search { dist, parent }
}
