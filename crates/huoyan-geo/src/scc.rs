//! Strongly connected components of the directed road graph (iterative Kosaraju over the CSR
//! arrays), used to find the main network and flag islands: parts a fire engine cannot both reach
//! and leave, such as a one-way loop cut off by an `access=no` gate or a car park digitised
//! without its entrance.

use crate::graph::Edge;

/// Component number of every node, and the number of the largest component.
pub(crate) fn components(
    n: usize,
    out: impl Fn(usize) -> std::ops::Range<usize>,
    out_edges: &[Edge],
    inc: impl Fn(usize) -> std::ops::Range<usize>,
    in_edges: &[Edge],
) -> (Vec<u32>, u32, Vec<u32>) {
    let mut visited = vec![false; n];
    let mut order = Vec::with_capacity(n);
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for s in 0..n {
        if visited[s] {
            continue;
        }
        visited[s] = true;
        stack.push((s, out(s).start));
        while let Some(top) = stack.last_mut() {
            let (v, i) = *top;
            if i < out(v).end {
                top.1 += 1;
                let w = out_edges[i].head as usize;
                if !visited[w] {
                    visited[w] = true;
                    stack.push((w, out(w).start));
                }
            } else {
                order.push(v);
                stack.pop();
            }
        }
    }
    let mut comp = vec![u32::MAX; n];
    let mut sizes: Vec<u32> = Vec::new();
    let mut todo = Vec::new();
    for &v in order.iter().rev() {
        if comp[v] != u32::MAX {
            continue;
        }
        let c = sizes.len() as u32;
        sizes.push(0);
        comp[v] = c;
        todo.push(v);
        while let Some(u) = todo.pop() {
            sizes[c as usize] += 1;
            for e in &in_edges[inc(u)] {
                let w = e.head as usize;
                if comp[w] == u32::MAX {
                    comp[w] = c;
                    todo.push(w);
                }
            }
        }
    }
    let main = (0..sizes.len()).max_by_key(|&c| sizes[c]).unwrap_or(0) as u32;
    (comp, main, sizes)
}
