//! A Mapbox Vector Tile 2.1 encoder, hand-written protobuf (`vector_tile.proto` of the
//! specification, <https://github.com/mapbox/vector-tile-spec/tree/master/2.1>):
//!
//! ```text
//! Tile    { repeated Layer layers = 3; }
//! Layer   { required uint32 version = 15; required string name = 1; repeated Feature features = 2;
//!           repeated string keys = 3; repeated Value values = 4; optional uint32 extent = 5; }
//! Feature { optional uint64 id = 1; repeated uint32 tags = 2 [packed]; optional GeomType type = 3;
//!           repeated uint32 geometry = 4 [packed]; }
//! Value   { string_value = 1; float = 2; double_value = 3; int = 4; uint_value = 5; sint_value = 6;
//!           bool_value = 7; }   (exactly one set)
//! ```
//!
//! Keys and values are deduplicated per layer. Geometry is a stream of command integers
//! (`id | count << 3`: MoveTo 1, LineTo 2, ClosePath 7) and zig-zag encoded deltas from a cursor
//! that starts at (0, 0) for every feature. Lines are MoveTo + LineTo(n − 1) per part; polygons are
//! MoveTo + LineTo(n − 1) + ClosePath per ring, the exterior ring with positive area by the
//! surveyor's formula in tile coordinates (clockwise on screen) and its holes negative — the
//! encoder reverses rings as needed. Features are written as given: snapping, deduplication and
//! dropping degenerate parts happen before (see [`crate::render`]).

use std::collections::HashMap;

use crate::simplify::ring_area2;

/// A property value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Text.
    String(String),
    /// Integer (written as `uint_value` when ≥ 0, else `sint_value`).
    Int(i64),
    /// Floating point (`double_value`).
    Double(f64),
    /// Boolean.
    Bool(bool),
}

/// A dedup key for values: doubles by their bits, so NaN equals itself and 0.0 differs from -0.0.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum ValueKey {
    S(String),
    I(i64),
    D(u64),
    B(bool),
}

impl From<&Value> for ValueKey {
    fn from(v: &Value) -> ValueKey {
        match v {
            Value::String(s) => ValueKey::S(s.clone()),
            Value::Int(i) => ValueKey::I(*i),
            Value::Double(d) => ValueKey::D(d.to_bits()),
            Value::Bool(b) => ValueKey::B(*b),
        }
    }
}

/// Geometry in integer tile coordinates, ready to encode.
#[derive(Debug, Clone, PartialEq)]
pub enum TileGeom {
    /// Points.
    Points(Vec<[i32; 2]>),
    /// Lines, each of at least two points with no consecutive repeats.
    Lines(Vec<Vec<[i32; 2]>>),
    /// Polygons: exterior ring then holes, each open (no closing point), at least three points.
    Polygons(Vec<Vec<Vec<[i32; 2]>>>),
}

pub(crate) fn varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

pub(crate) fn key(out: &mut Vec<u8>, field: u32, wire: u8) {
    varint(out, ((field as u64) << 3) | wire as u64);
}

pub(crate) fn bytes_field(out: &mut Vec<u8>, field: u32, b: &[u8]) {
    key(out, field, 2);
    varint(out, b.len() as u64);
    out.extend_from_slice(b);
}

/// Zig-zag encoding of a signed delta.
pub fn zigzag(n: i32) -> u32 {
    ((n << 1) ^ (n >> 31)) as u32
}

/// A command integer.
pub fn command(id: u32, count: u32) -> u32 {
    (id & 0x7) | (count << 3)
}

/// Most repetitions one command integer can carry (29 bits).
pub const MAX_COUNT: usize = (1 << 29) - 1;

struct Cursor {
    at: [i32; 2],
    out: Vec<u32>,
}

impl Cursor {
    fn point(&mut self, p: [i32; 2]) {
        // Deltas of clipped, snapped coordinates fit in i32 (|coord| ≤ extent + buffer).
        let (dx, dy) = (p[0].wrapping_sub(self.at[0]), p[1].wrapping_sub(self.at[1]));
        self.out.push(zigzag(dx));
        self.out.push(zigzag(dy));
        self.at = p;
    }

    /// MoveTo the first point, LineTo the rest (in chunks of the largest count).
    fn path(&mut self, pts: &[[i32; 2]]) {
        let Some((first, rest)) = pts.split_first() else { return };
        self.out.push(command(1, 1));
        self.point(*first);
        for chunk in rest.chunks(MAX_COUNT) {
            self.out.push(command(2, chunk.len() as u32));
            for p in chunk {
                self.point(*p);
            }
        }
    }
}

/// The geometry type code and command stream of a geometry; rings reoriented per the spec.
pub fn encode_geometry(g: &TileGeom) -> (u32, Vec<u32>) {
    let mut c = Cursor { at: [0, 0], out: Vec::new() };
    match g {
        TileGeom::Points(ps) => {
            for chunk in ps.chunks(MAX_COUNT) {
                c.out.push(command(1, chunk.len() as u32));
                for p in chunk {
                    c.point(*p);
                }
            }
            (1, c.out)
        }
        TileGeom::Lines(ls) => {
            for l in ls {
                c.path(l);
            }
            (2, c.out)
        }
        TileGeom::Polygons(ps) => {
            for poly in ps {
                for (i, ring) in poly.iter().enumerate() {
                    let exterior = i == 0;
                    let a = ring_area2(ring);
                    if (exterior && a < 0) || (!exterior && a > 0) {
                        let mut r = ring.clone();
                        r.reverse();
                        c.path(&r);
                    } else {
                        c.path(ring);
                    }
                    c.out.push(command(7, 1));
                }
            }
            (3, c.out)
        }
    }
}

/// One layer under construction.
#[derive(Debug)]
pub struct LayerEncoder {
    name: String,
    extent: u32,
    keys: Vec<String>,
    key_ix: HashMap<String, u32>,
    values: Vec<Value>,
    value_ix: HashMap<ValueKey, u32>,
    features: Vec<u8>,
    count: usize,
}

impl LayerEncoder {
    /// An empty layer.
    pub fn new(name: &str, extent: u32) -> LayerEncoder {
        LayerEncoder {
            name: name.into(),
            extent,
            keys: vec![],
            key_ix: HashMap::new(),
            values: vec![],
            value_ix: HashMap::new(),
            features: vec![],
            count: 0,
        }
    }

    /// The layer's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Features added so far.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether no feature was added.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    fn key_index(&mut self, k: &str) -> u32 {
        if let Some(i) = self.key_ix.get(k) {
            return *i;
        }
        let i = self.keys.len() as u32;
        self.keys.push(k.to_string());
        self.key_ix.insert(k.to_string(), i);
        i
    }

    fn value_index(&mut self, v: &Value) -> u32 {
        let k = ValueKey::from(v);
        if let Some(i) = self.value_ix.get(&k) {
            return *i;
        }
        let i = self.values.len() as u32;
        self.values.push(v.clone());
        self.value_ix.insert(k, i);
        i
    }

    /// Adds a feature; empty geometries are skipped (returns false).
    pub fn add(&mut self, id: Option<u64>, geom: &TileGeom, props: &[(&str, Value)]) -> bool {
        let (kind, cmds) = encode_geometry(geom);
        if cmds.is_empty() {
            return false;
        }
        let mut tags = Vec::with_capacity(props.len() * 2);
        for (k, v) in props {
            let (ki, vi) = (self.key_index(k), self.value_index(v));
            tags.push(ki);
            tags.push(vi);
        }
        let mut f = Vec::with_capacity(cmds.len() * 2 + 16);
        if let Some(id) = id {
            key(&mut f, 1, 0);
            varint(&mut f, id);
        }
        if !tags.is_empty() {
            packed(&mut f, 2, &tags);
        }
        key(&mut f, 3, 0);
        varint(&mut f, kind as u64);
        packed(&mut f, 4, &cmds);
        bytes_field(&mut self.features, 2, &f);
        self.count += 1;
        true
    }

    /// The encoded `Layer` message (without the tile's field tag).
    pub fn finish(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.features.len() + 64);
        key(&mut out, 15, 0);
        varint(&mut out, 2);
        bytes_field(&mut out, 1, self.name.as_bytes());
        out.extend_from_slice(&self.features);
        for k in &self.keys {
            bytes_field(&mut out, 3, k.as_bytes());
        }
        for v in &self.values {
            let mut m = Vec::new();
            match v {
                Value::String(s) => bytes_field(&mut m, 1, s.as_bytes()),
                Value::Double(d) => {
                    key(&mut m, 3, 1);
                    m.extend_from_slice(&d.to_le_bytes());
                }
                Value::Int(i) if *i >= 0 => {
                    key(&mut m, 5, 0);
                    varint(&mut m, *i as u64);
                }
                Value::Int(i) => {
                    key(&mut m, 6, 0);
                    varint(&mut m, ((*i << 1) ^ (*i >> 63)) as u64);
                }
                Value::Bool(b) => {
                    key(&mut m, 7, 0);
                    varint(&mut m, *b as u64);
                }
            }
            bytes_field(&mut out, 4, &m);
        }
        key(&mut out, 5, 0);
        varint(&mut out, self.extent as u64);
        out
    }
}

fn packed(out: &mut Vec<u8>, field: u32, vals: &[u32]) {
    let mut body = Vec::with_capacity(vals.len() * 2);
    for v in vals {
        varint(&mut body, *v as u64);
    }
    bytes_field(out, field, &body);
}

/// A tile of the non-empty layers, in the order given; empty when every layer is.
pub fn encode_tile(layers: &[LayerEncoder]) -> Vec<u8> {
    let mut out = Vec::new();
    for l in layers.iter().filter(|l| !l.is_empty()) {
        bytes_field(&mut out, 3, &l.finish());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primitives() {
        let mut v = Vec::new();
        varint(&mut v, 300);
        assert_eq!(v, [0xac, 0x02]);
        assert_eq!(
            (zigzag(0), zigzag(-1), zigzag(1), zigzag(-2), zigzag(i32::MAX), zigzag(i32::MIN)),
            (0, 1, 2, 3, u32::MAX - 1, u32::MAX)
        );
        assert_eq!(command(1, 1), 9);
        assert_eq!(command(2, 3), 26);
        assert_eq!(command(7, 1), 15);
    }

    /// The spec's own examples (§4.3.5).
    #[test]
    fn geometry_examples_of_the_spec() {
        assert_eq!(encode_geometry(&TileGeom::Points(vec![[25, 17]])), (1, vec![9, 50, 34]));
        assert_eq!(encode_geometry(&TileGeom::Points(vec![[5, 7], [3, 2]])), (1, vec![17, 10, 14, 3, 9]));
        assert_eq!(
            encode_geometry(&TileGeom::Lines(vec![vec![[2, 2], [2, 10], [10, 10]]])),
            (2, vec![9, 4, 4, 18, 0, 16, 16, 0])
        );
        assert_eq!(
            encode_geometry(&TileGeom::Lines(vec![vec![[2, 2], [2, 10], [10, 10]], vec![[1, 1], [3, 5]]])),
            (2, vec![9, 4, 4, 18, 0, 16, 16, 0, 9, 17, 17, 10, 4, 8])
        );
        assert_eq!(
            encode_geometry(&TileGeom::Polygons(vec![vec![vec![[3, 6], [8, 12], [20, 34]]]])),
            (3, vec![9, 6, 12, 18, 10, 12, 24, 44, 15])
        );
        // The multipolygon example: two polygons, the second with a hole.
        let g = TileGeom::Polygons(vec![
            vec![vec![[0, 0], [10, 0], [10, 10], [0, 10]]],
            vec![vec![[11, 11], [20, 11], [20, 20], [11, 20]], vec![[13, 13], [13, 17], [17, 17], [17, 13]]],
        ]);
        assert_eq!(
            encode_geometry(&g).1,
            vec![
                9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15, 9, 22, 2, 26, 18, 0, 0, 18, 17, 0, 15, 9, 4, 13, 26, 0, 8, 8, 0,
                0, 7, 15
            ]
        );
    }

    #[test]
    fn rings_are_reoriented() {
        // Given counter-clockwise on screen (negative), the exterior is written reversed.
        let ccw = vec![[0, 0], [0, 10], [10, 10], [10, 0]];
        let (_, a) = encode_geometry(&TileGeom::Polygons(vec![vec![ccw.clone()]]));
        let mut cw = ccw;
        cw.reverse();
        let (_, b) = encode_geometry(&TileGeom::Polygons(vec![vec![cw]]));
        assert_eq!(a, b);
    }

    #[test]
    fn values_and_keys_are_shared() {
        let mut l = LayerEncoder::new("roads", 4096);
        let g = TileGeom::Points(vec![[1, 1]]);
        l.add(Some(1), &g, &[("class", Value::String("primary".into())), ("oneway", Value::Int(0))]);
        l.add(
            Some(2),
            &g,
            &[("class", Value::String("primary".into())), ("oneway", Value::Int(-1)), ("w", Value::Double(f64::NAN))],
        );
        l.add(Some(3), &g, &[("w", Value::Double(f64::NAN)), ("b", Value::Bool(true))]);
        assert_eq!(l.keys, ["class", "oneway", "w", "b"]);
        assert_eq!(l.values.len(), 5);
        assert!(!l.add(None, &TileGeom::Lines(vec![]), &[]));
        assert_eq!(l.len(), 3);
        assert!(encode_tile(&[LayerEncoder::new("empty", 4096)]).is_empty());
    }
}
