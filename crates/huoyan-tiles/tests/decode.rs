//! Encoded tiles decode back: a small independent protobuf reader of the vector-tile schema checks
//! the bytes of whole tiles — golden bytes of a one-feature tile worked out by hand from the
//! specification, real pipelines over lines and polygons (coordinates in range, winding, commands
//! well formed), empty tiles, and hostile input.

use huoyan_tiles::mvt::{LayerEncoder, TileGeom, encode_tile};
use huoyan_tiles::{Geometry, Options, TileBuilder, TileError, TileId, Value};

#[derive(Debug, Default)]
struct Layer {
    version: u64,
    name: String,
    extent: u64,
    keys: Vec<String>,
    values: Vec<Value>,
    features: Vec<Feature>,
}

#[derive(Debug, Default)]
struct Feature {
    id: Option<u64>,
    tags: Vec<u64>,
    kind: u64,
    geometry: Vec<u64>,
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn varint(&mut self) -> u64 {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let (b, rest) = self.0.split_first().expect("truncated varint");
            self.0 = rest;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return v;
            }
        }
        panic!("varint too long")
    }
    fn bytes(&mut self) -> &'a [u8] {
        let n = self.varint() as usize;
        let (b, rest) = self.0.split_at(n);
        self.0 = rest;
        b
    }
    /// (field, wire type) pairs until the end.
    fn next(&mut self) -> Option<(u64, u64)> {
        if self.0.is_empty() {
            return None;
        }
        let k = self.varint();
        Some((k >> 3, k & 7))
    }
    fn packed(&mut self) -> Vec<u64> {
        let mut r = Reader(self.bytes());
        let mut out = vec![];
        while !r.0.is_empty() {
            out.push(r.varint());
        }
        out
    }
}

fn decode(tile: &[u8]) -> Vec<Layer> {
    let mut r = Reader(tile);
    let mut layers = vec![];
    while let Some((f, w)) = r.next() {
        assert_eq!((f, w), (3, 2), "a tile holds only layers");
        let mut l = Layer { extent: 4096, ..Default::default() };
        let mut lr = Reader(r.bytes());
        while let Some((f, w)) = lr.next() {
            match (f, w) {
                (15, 0) => l.version = lr.varint(),
                (1, 2) => l.name = String::from_utf8(lr.bytes().to_vec()).unwrap(),
                (5, 0) => l.extent = lr.varint(),
                (3, 2) => l.keys.push(String::from_utf8(lr.bytes().to_vec()).unwrap()),
                (4, 2) => {
                    let mut vr = Reader(lr.bytes());
                    let (f, w) = vr.next().unwrap();
                    l.values.push(match (f, w) {
                        (1, 2) => Value::String(String::from_utf8(vr.bytes().to_vec()).unwrap()),
                        (3, 1) => Value::Double(f64::from_le_bytes(vr.0[..8].try_into().unwrap())),
                        (5, 0) => Value::Int(vr.varint() as i64),
                        (6, 0) => {
                            let z = vr.varint();
                            Value::Int(((z >> 1) as i64) ^ -((z & 1) as i64))
                        }
                        (7, 0) => Value::Bool(vr.varint() != 0),
                        other => panic!("unexpected value field {other:?}"),
                    });
                }
                (2, 2) => {
                    let mut fr = Reader(lr.bytes());
                    let mut feat = Feature::default();
                    while let Some((f, w)) = fr.next() {
                        match (f, w) {
                            (1, 0) => feat.id = Some(fr.varint()),
                            (2, 2) => feat.tags = fr.packed(),
                            (3, 0) => feat.kind = fr.varint(),
                            (4, 2) => feat.geometry = fr.packed(),
                            other => panic!("unexpected feature field {other:?}"),
                        }
                    }
                    l.features.push(feat);
                }
                other => panic!("unexpected layer field {other:?}"),
            }
        }
        layers.push(l);
    }
    layers
}

/// Decodes a command stream into parts (absolute coordinates), checking it is well formed.
fn parts(kind: u64, cmds: &[u64]) -> Vec<Vec<[i64; 2]>> {
    let mut out: Vec<Vec<[i64; 2]>> = vec![];
    let (mut x, mut y) = (0i64, 0i64);
    let mut i = 0;
    let unzig = |v: u64| ((v >> 1) as i64) ^ -((v & 1) as i64);
    while i < cmds.len() {
        let (id, count) = (cmds[i] & 7, cmds[i] >> 3);
        i += 1;
        match id {
            1 | 2 => {
                assert!(count >= 1);
                for _ in 0..count {
                    x += unzig(cmds[i]);
                    y += unzig(cmds[i + 1]);
                    i += 2;
                    if id == 1 {
                        out.push(vec![[x, y]]);
                    } else {
                        let p = out.last_mut().expect("LineTo before MoveTo");
                        assert_ne!(p.last(), Some(&[x, y]), "zero-length LineTo");
                        p.push([x, y]);
                    }
                }
                if id == 1 && kind != 1 {
                    assert_eq!(count, 1, "MoveTo of lines and rings moves once");
                }
            }
            7 => {
                assert_eq!((count, kind), (1, 3), "ClosePath only in polygons");
                assert!(out.last().unwrap().len() >= 3, "a ring has at least three points");
            }
            other => panic!("unknown command {other}"),
        }
    }
    out
}

fn area2(r: &[[i64; 2]]) -> i64 {
    (0..r.len()).map(|i| r[i][0] * r[(i + 1) % r.len()][1] - r[(i + 1) % r.len()][0] * r[i][1]).sum()
}

/// One line feature in one layer, byte by byte from the proto and §4.3 of the spec.
#[test]
fn golden_bytes_of_a_tiny_tile() {
    let mut l = LayerEncoder::new("roads", 4096);
    l.add(
        Some(1),
        &TileGeom::Lines(vec![vec![[2, 2], [2, 10], [10, 10]]]),
        &[("class", Value::String("primary".into()))],
    );
    let feature = [
        0x08, 0x01, // id = 1
        0x12, 0x02, 0x00, 0x00, // tags = [0, 0] (packed)
        0x18, 0x02, // type = LINESTRING
        0x22, 0x08, 9, 4, 4, 18, 0, 16, 16, 0, // geometry (packed): MoveTo(2,2) LineTo(0,8) (8,0)
    ];
    let mut layer = vec![0x78, 0x02, 0x0a, 0x05];
    layer.extend_from_slice(b"roads"); // version = 2, name
    layer.extend_from_slice(&[0x12, feature.len() as u8]);
    layer.extend_from_slice(&feature);
    layer.extend_from_slice(&[0x1a, 0x05]);
    layer.extend_from_slice(b"class"); // keys[0]
    layer.extend_from_slice(&[0x22, 0x09, 0x0a, 0x07]);
    layer.extend_from_slice(b"primary"); // values[0] = { string_value }
    layer.extend_from_slice(&[0x28, 0x80, 0x20]); // extent = 4096
    let mut tile = vec![0x1a, layer.len() as u8];
    tile.extend_from_slice(&layer);
    assert_eq!(encode_tile(&[l]), tile);
}

fn cambridge(z: u8) -> TileId {
    TileId::containing(-71.1056, 42.3663, z).unwrap()
}

#[test]
fn a_rendered_tile_decodes_with_coordinates_in_range_and_the_right_winding() {
    let t = cambridge(15);
    let b = t.bounds();
    let (w, s, e, n) = (b.west, b.south, b.east, b.north);
    let (cx, cy) = ((w + e) / 2.0, (s + n) / 2.0);
    let mut tb = TileBuilder::new(t, Options::default()).unwrap();
    // A road crossing the whole tile and beyond, and one inside.
    let across = Geometry::Lines(vec![vec![[w - 1.0, cy], [cx, cy + 0.0001], [e + 1.0, cy]]]);
    assert_eq!(
        tb.add("roads", Some(10), &across, &[("class", Value::String("primary".into())), ("oneway", Value::Int(-1))]),
        Ok(true)
    );
    let inside = Geometry::Lines(vec![vec![[cx, s + (n - s) * 0.1], [cx, s + (n - s) * 0.9]]]);
    assert_eq!(
        tb.add("roads", Some(11), &inside, &[("class", Value::String("primary".into())), ("oneway", Value::Int(0))]),
        Ok(true)
    );
    // A building given counter-clockwise in WGS84 (which is clockwise on the screen after the y flip)
    // and one given clockwise with a hole given clockwise too.
    let d = (e - w) / 10.0;
    let ccw = vec![[cx, cy], [cx + d, cy], [cx + d, cy + d], [cx, cy + d], [cx, cy]];
    let mut cw = ccw.clone();
    cw.reverse();
    let hole = vec![
        [cx + d / 4.0, cy + d / 4.0],
        [cx + d / 4.0, cy + d / 2.0],
        [cx + d / 2.0, cy + d / 2.0],
        [cx + d / 2.0, cy + d / 4.0],
        [cx + d / 4.0, cy + d / 4.0],
    ];
    assert_eq!(
        tb.add("buildings", Some(20), &Geometry::Polygons(vec![vec![ccw]]), &[("floors", Value::Int(5))]),
        Ok(true)
    );
    assert_eq!(
        tb.add(
            "buildings",
            Some(21),
            &Geometry::Polygons(vec![vec![cw, hole]]),
            &[("name", Value::String("大楼".into()))]
        ),
        Ok(true)
    );
    let bytes = tb.finish();
    let layers = decode(&bytes);
    assert_eq!(layers.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["roads", "buildings"]);
    for l in &layers {
        assert_eq!((l.version, l.extent), (2, 4096));
        for f in &l.features {
            assert_eq!(f.tags.len() % 2, 0);
            for pair in f.tags.chunks(2) {
                assert!((pair[0] as usize) < l.keys.len() && (pair[1] as usize) < l.values.len());
            }
            for p in parts(f.kind, &f.geometry) {
                for [x, y] in p {
                    assert!((-64..=4160).contains(&x) && (-64..=4160).contains(&y), "{x},{y}");
                }
            }
        }
    }
    let roads = &layers[0];
    assert_eq!(roads.keys, ["class", "oneway"]);
    assert_eq!(roads.values, [Value::String("primary".into()), Value::Int(-1), Value::Int(0)]);
    assert_eq!(roads.features.iter().map(|f| f.id).collect::<Vec<_>>(), [Some(10), Some(11)]);
    let crossing = parts(2, &roads.features[0].geometry);
    assert_eq!(crossing.len(), 1);
    assert_eq!((crossing[0][0][0], crossing[0].last().unwrap()[0]), (-64, 4160), "clipped at the buffer");
    let buildings = &layers[1];
    for f in &buildings.features {
        assert_eq!(f.kind, 3);
        let rings = parts(3, &f.geometry);
        assert!(area2(&rings[0]) > 0, "exterior rings have positive area (clockwise on screen)");
        for hole in &rings[1..] {
            assert!(area2(hole) < 0, "holes are negative");
        }
    }
    assert_eq!(parts(3, &buildings.features[1].geometry).len(), 2, "the hole is kept");
}

#[test]
fn empty_and_hostile() {
    // Nothing in range: no bytes at all (the route answers 204).
    let mut tb = TileBuilder::new(cambridge(18), Options::default()).unwrap();
    assert_eq!(tb.add("roads", None, &Geometry::Lines(vec![vec![[0.0, 0.0], [1.0, 1.0]]]), &[]), Ok(false));
    assert!(tb.finish().is_empty());
    assert!(decode(&[]).is_empty());
    // Hostile input is an error for the feature, never a panic, and leaves the tile usable.
    let mut tb = TileBuilder::new(cambridge(12), Options::default()).unwrap();
    for g in [
        Geometry::Lines(vec![vec![[f64::NAN, 42.0], [-71.0, 42.0]]]),
        Geometry::Points(vec![[f64::INFINITY, f64::NEG_INFINITY]]),
        Geometry::Polygons(vec![vec![vec![[-71.1, 95.0], [-71.0, 42.0], [-71.05, 42.1]]]]),
        Geometry::Lines(vec![vec![[-71.1, 42.3]; huoyan_tiles::geom::MAX_VERTICES + 1]]),
    ] {
        assert!(tb.add("roads", None, &g, &[]).is_err());
    }
    // A huge line (200,000 vertices zig-zagging through the tile) is clipped and simplified.
    let b = cambridge(12).bounds();
    let zig: Vec<[f64; 2]> =
        (0..200_000).map(|i| [b.west - 0.5 + i as f64 * 1e-5, if i % 2 == 0 { b.south } else { b.north }]).collect();
    assert_eq!(tb.add("roads", Some(1), &Geometry::Lines(vec![zig]), &[]), Ok(true));
    let layers = decode(&tb.finish());
    assert_eq!(layers.len(), 1);
    assert!(!parts(2, &layers[0].features[0].geometry).is_empty());
    // Tile ids out of range are typed errors.
    assert!(matches!(TileId::new(23, 0, 0), Err(TileError::ZoomOutOfRange { .. })));
    assert!(matches!(TileId::new(10, 1024, 0), Err(TileError::TileOutOfRange { .. })));
    assert!(matches!(TileId::parse_path("10/-1/0.mvt"), Err(TileError::BadPath(_))));
}
