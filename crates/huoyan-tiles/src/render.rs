//! One tile from WGS84 features: [`TileBuilder`] checks each geometry, rejects it cheaply when its
//! box misses the buffered tile, projects it to tile coordinates, clips it to the tile plus the
//! buffer, simplifies it (Douglas–Peucker, tolerance in tile units), snaps it to the integer grid,
//! drops parts too small to see, and hands the rest to the layer's [`LayerEncoder`].

use crate::TileError;
use crate::clip::{Rect, clip_line, clip_ring};
use crate::geom::Geometry;
use crate::mvt::{LayerEncoder, TileGeom, Value, encode_tile};
use crate::simplify::{douglas_peucker, length, ring_area2, simplify_ring, snap};
use crate::tile::{LonLatBox, Projector, TileId};

/// How a tile is made.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Units per tile side (4096, as MapLibre expects by default).
    pub extent: u32,
    /// Units kept beyond each edge so lines and outlines join across tiles.
    pub buffer: u32,
    /// Douglas–Peucker tolerance, tile units (16 units = 1 pixel of a 256 px tile).
    pub tolerance: f64,
    /// Line pieces shorter than this are dropped, tile units.
    pub min_line_length: f64,
    /// Rings of smaller area are dropped (with their polygon if exterior), square tile units.
    pub min_ring_area: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options { extent: 4096, buffer: 64, tolerance: 4.0, min_line_length: 4.0, min_ring_area: 64.0 }
    }
}

impl Options {
    /// The defaults for zoom `z` of a pyramid ending at `max_zoom`: a quarter pixel of tolerance,
    /// and a sixteenth at the deepest zoom (which the client over-zooms beyond).
    pub fn for_zoom(z: u8, max_zoom: u8) -> Options {
        let mut o = Options::default();
        if z >= max_zoom {
            o.tolerance = 1.0;
            o.min_line_length = 1.0;
            o.min_ring_area = 4.0;
        }
        o
    }

    fn check(&self) -> Result<(), TileError> {
        if !(256..=65_536).contains(&self.extent) {
            return Err(TileError::BadOption("extent must be 256..=65536"));
        }
        if self.buffer > self.extent {
            return Err(TileError::BadOption("buffer must not exceed the extent"));
        }
        for v in [self.tolerance, self.min_line_length, self.min_ring_area] {
            if !v.is_finite() || v < 0.0 {
                return Err(TileError::BadOption("tolerance and minimum sizes must be finite and ≥ 0"));
            }
        }
        Ok(())
    }
}

/// Builds one tile.
#[derive(Debug)]
pub struct TileBuilder {
    tile: TileId,
    opts: Options,
    projector: Projector,
    rect: Rect,
    reach: LonLatBox,
    layers: Vec<LayerEncoder>,
}

impl TileBuilder {
    /// A builder for `tile`.
    pub fn new(tile: TileId, opts: Options) -> Result<TileBuilder, TileError> {
        opts.check()?;
        Ok(TileBuilder {
            tile,
            opts,
            projector: Projector::new(tile, opts.extent),
            rect: Rect::buffered(opts.extent, opts.buffer),
            reach: tile.bounds_with(opts.buffer as f64 / opts.extent as f64),
            layers: Vec::new(),
        })
    }

    /// The tile.
    pub fn tile(&self) -> TileId {
        self.tile
    }

    /// The WGS84 box whose features can reach the tile (the tile plus its buffer): what to fetch.
    pub fn reach(&self) -> LonLatBox {
        self.reach
    }

    /// Declares a layer, fixing the layers' order in the tile (layers are also created on first use).
    pub fn layer(&mut self, name: &str) -> &mut LayerEncoder {
        let i = match self.layers.iter().position(|l| l.name() == name) {
            Some(i) => i,
            None => {
                self.layers.push(LayerEncoder::new(name, self.opts.extent));
                self.layers.len() - 1
            }
        };
        &mut self.layers[i]
    }

    /// Adds a feature to `layer`. Returns whether anything of it is in the tile; a bad geometry is
    /// an error and adds nothing (callers skip it and go on).
    pub fn add(
        &mut self,
        layer: &str,
        id: Option<u64>,
        geom: &Geometry,
        props: &[(&str, Value)],
    ) -> Result<bool, TileError> {
        geom.validate()?;
        match geom.bbox() {
            Some(b) if b.intersects(&self.reach) => {}
            _ => return Ok(false),
        }
        let g = self.tile_geom(&geom.project(&self.projector));
        Ok(match g {
            Some(g) => self.layer(layer).add(id, &g, props),
            None => false,
        })
    }

    fn tile_geom(&self, g: &Geometry) -> Option<TileGeom> {
        let o = &self.opts;
        match g {
            Geometry::Points(ps) => {
                let kept: Vec<[i32; 2]> = ps
                    .iter()
                    .filter(|p| {
                        p[0] >= self.rect.min && p[0] <= self.rect.max && p[1] >= self.rect.min && p[1] <= self.rect.max
                    })
                    .map(|p| [p[0].round() as i32, p[1].round() as i32])
                    .collect();
                (!kept.is_empty()).then_some(TileGeom::Points(kept))
            }
            Geometry::Lines(ls) => {
                let mut out = Vec::new();
                for l in ls {
                    for part in clip_line(l, &self.rect) {
                        let s = snap(&douglas_peucker(&part, o.tolerance));
                        if s.len() >= 2 && length(&s) >= o.min_line_length {
                            out.push(s);
                        }
                    }
                }
                (!out.is_empty()).then_some(TileGeom::Lines(out))
            }
            Geometry::Polygons(ps) => {
                let mut out = Vec::new();
                for poly in ps {
                    let mut rings = Vec::new();
                    for (i, ring) in poly.iter().enumerate() {
                        match self.ring(ring) {
                            Some(r) => rings.push(r),
                            None if i == 0 => break,
                            None => {}
                        }
                    }
                    if !rings.is_empty() {
                        out.push(rings);
                    }
                }
                (!out.is_empty()).then_some(TileGeom::Polygons(out))
            }
        }
    }

    /// A ring clipped, simplified, snapped and open; `None` when it is too small to see.
    fn ring(&self, ring: &[[f64; 2]]) -> Option<Vec<[i32; 2]>> {
        let c = clip_ring(ring, &self.rect);
        if c.is_empty() {
            return None;
        }
        let mut s = snap(&simplify_ring(&c, self.opts.tolerance));
        while s.len() > 1 && s.first() == s.last() {
            s.pop();
        }
        if s.len() < 3 || (ring_area2(&s).unsigned_abs() as f64) < 2.0 * self.opts.min_ring_area {
            return None;
        }
        Some(s)
    }

    /// Features in the tile so far.
    pub fn feature_count(&self) -> usize {
        self.layers.iter().map(LayerEncoder::len).sum()
    }

    /// The encoded tile: the non-empty layers; empty bytes when nothing is in the tile.
    pub fn finish(self) -> Vec<u8> {
        encode_tile(&self.layers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tile() -> TileId {
        TileId::containing(-71.1056, 42.3663, 16).unwrap()
    }

    #[test]
    fn features_outside_add_nothing() {
        let mut b = TileBuilder::new(tile(), Options::default()).unwrap();
        let far = Geometry::Lines(vec![vec![[116.0, 39.0], [116.1, 39.1]]]);
        assert_eq!(b.add("roads", Some(1), &far, &[]), Ok(false));
        assert_eq!(b.feature_count(), 0);
        assert!(b.finish().is_empty(), "an empty tile has no bytes");
    }

    #[test]
    fn bad_geometries_are_errors_not_panics() {
        let mut b = TileBuilder::new(tile(), Options::default()).unwrap();
        let nan = Geometry::Lines(vec![vec![[f64::NAN, 42.0], [-71.1, 42.3]]]);
        assert!(matches!(b.add("roads", None, &nan, &[]), Err(TileError::NonFinite { .. })));
        let inf = Geometry::Polygons(vec![vec![vec![[f64::INFINITY, 0.0]]]]);
        assert!(b.add("x", None, &inf, &[]).is_err());
        // Degenerate shapes are simply not in the tile.
        let c = tile().bounds();
        let (lon, lat) = ((c.west + c.east) / 2.0, (c.south + c.north) / 2.0);
        assert_eq!(b.add("roads", None, &Geometry::Lines(vec![vec![[lon, lat]], vec![]]), &[]), Ok(false));
        assert_eq!(b.add("roads", None, &Geometry::Lines(vec![vec![[lon, lat], [lon, lat]]]), &[]), Ok(false));
        assert_eq!(
            b.add("b", None, &Geometry::Polygons(vec![vec![vec![[lon, lat], [lon, lat], [lon, lat]]], vec![]]), &[]),
            Ok(false)
        );
        assert!(TileBuilder::new(tile(), Options { extent: 10, ..Options::default() }).is_err());
        assert!(TileBuilder::new(tile(), Options { tolerance: f64::NAN, ..Options::default() }).is_err());
    }

    #[test]
    fn a_polygon_over_the_whole_tile_is_the_buffered_square() {
        let mut b = TileBuilder::new(tile(), Options::default()).unwrap();
        let world = Geometry::Polygons(vec![vec![vec![
            [-170.0, -80.0],
            [170.0, -80.0],
            [170.0, 80.0],
            [-170.0, 80.0],
            [-170.0, -80.0],
        ]]]);
        assert_eq!(b.add("boundaries", Some(7), &world, &[("name", Value::String("全市".into()))]), Ok(true));
        let g = b.tile_geom(&world.project(&b.projector)).unwrap();
        let TileGeom::Polygons(ps) = g else { panic!() };
        let mut ring = ps[0][0].clone();
        ring.sort();
        assert_eq!(ring, vec![[-64, -64], [-64, 4160], [4160, -64], [4160, 4160]]);
    }
}
