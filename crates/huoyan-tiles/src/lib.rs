//! Huoyan's vector tiles, without I/O: everything between "these roads, buildings and boundaries in
//! WGS84" and "the bytes of `/tiles/{z}/{x}/{y}.mvt`".
//!
//! The pipeline for one tile ([`render::TileBuilder`]):
//!
//! 1. [`tile`] — Web-Mercator tile math: a [`tile::TileId`] is checked (z ≤ 22, x and y < 2^z) and
//!    knows its WGS84 bounds; lon/lat project to tile coordinates (extent 4096, y down).
//! 2. [`geom`] — WGS84 geometries from GeoJSON, refusing NaN, infinities and absurd sizes with a
//!    typed [`TileError`].
//! 3. [`clip`] — lines (Cohen–Sutherland outcodes + Liang–Barsky segments) and polygons
//!    (Sutherland–Hodgman) clipped to the tile plus a buffer, so strokes cross tile edges cleanly.
//! 4. [`simplify`] — Douglas–Peucker in tile units (so the same pixel tolerance at every zoom),
//!    integer snapping, and dropping what is too small to see.
//! 5. [`mvt`] — a hand-written protobuf encoder of the Mapbox Vector Tile specification 2.1:
//!    layers, deduplicated keys and values, zig-zag command integers, exterior rings with positive
//!    area (clockwise on screen) and holes negative.
//!
//! [`basemap`] holds Huoyan's base-map schema (layers, their minimum zooms and properties) shared by
//! the tile route and the console's map configuration; [`cache`] a byte-bounded LRU for encoded
//! tiles. No function here panics on any input: bad input is a [`TileError`] or is dropped.

pub mod basemap;
pub mod cache;
pub mod clip;
pub mod geom;
pub mod glyphs;
pub mod mvt;
pub mod render;
pub mod simplify;
pub mod tile;

pub use geom::Geometry;
pub use mvt::Value;
pub use render::{Options, TileBuilder};
pub use tile::{LonLatBox, TileId};

/// What can go wrong making a tile.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TileError {
    /// The tile path is not `{z}/{x}/{y}.mvt` with non-negative decimal integers.
    #[error("bad tile path {0:?}: expected {{z}}/{{x}}/{{y}}.mvt with non-negative integers")]
    BadPath(String),
    /// The zoom is above [`tile::MAX_ZOOM`].
    #[error("zoom {z} is out of range 0..={max}")]
    ZoomOutOfRange {
        /// Zoom asked for.
        z: u64,
        /// Highest zoom supported.
        max: u8,
    },
    /// x or y is not below 2^z.
    #[error("tile {z}/{x}/{y} does not exist: x and y must be below 2^{z} = {n}")]
    TileOutOfRange {
        /// Zoom.
        z: u8,
        /// Column asked for.
        x: u64,
        /// Row asked for.
        y: u64,
        /// Tiles per side at this zoom.
        n: u64,
    },
    /// A coordinate is NaN or infinite.
    #[error("coordinate ({lon}, {lat}) is not a finite number")]
    NonFinite {
        /// Longitude as given.
        lon: f64,
        /// Latitude as given.
        lat: f64,
    },
    /// A coordinate lies outside −180..180, −90..90.
    #[error("coordinate ({lon}, {lat}) is outside WGS84 range")]
    OutOfWorld {
        /// Longitude as given.
        lon: f64,
        /// Latitude as given.
        lat: f64,
    },
    /// A position has fewer than two numbers.
    #[error("a position needs longitude and latitude")]
    ShortPosition,
    /// The geometry kind cannot go into a tile (a GeometryCollection).
    #[error("unsupported geometry: {0}")]
    Unsupported(&'static str),
    /// A geometry has more vertices than a tile accepts.
    #[error("geometry has {count} vertices; at most {max} are accepted")]
    TooManyVertices {
        /// Vertices in the geometry.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A box would need more tiles than allowed.
    #[error("the box needs {count} tiles at zoom {z}; at most {max}")]
    TooManyTiles {
        /// Zoom.
        z: u8,
        /// Tiles needed.
        count: u64,
        /// The limit.
        max: usize,
    },
    /// An option is out of range.
    #[error("bad option: {0}")]
    BadOption(&'static str),
}
