//! Huoyan's base-map schema: which source layers a tile holds, from which zoom, with which
//! properties. The tile route renders by it and `GET /api/v1/map/config` describes it to the
//! console, so the two cannot drift.
//!
//! | layer | geometry | from zoom | properties |
//! |---|---|---|---|
//! | `water` | polygon | 10 | `name` — no water bodies are kept in the store yet, so the layer is never in a tile |
//! | `buildings` | polygon | 14 | `name`, `floors` (when known) |
//! | `roads` | line | 10–14 by class (see [`road_min_zoom`]) | `class` (code of `RoadClass`), `name`, `oneway` (0, 1 along the line, −1 against) |
//! | `boundaries` | polygon | 10 | `id`, `name`, `level` (code of `JurisdictionLevel`) |
//!
//! Tiles are made for zooms [`MIN_ZOOM`]..=[`MAX_ZOOM`]; the client over-zooms beyond.

use huoyan_domain::RoadClass;

use crate::render::Options;

/// The first zoom with any content.
pub const MIN_ZOOM: u8 = 10;
/// The deepest zoom made; clients over-zoom beyond.
pub const MAX_ZOOM: u8 = 18;
/// Buildings appear from this zoom.
pub const BUILDINGS_MIN_ZOOM: u8 = 14;

/// The layer names.
pub const WATER: &str = "water";
/// Building footprints.
pub const BUILDINGS: &str = "buildings";
/// Road centre lines.
pub const ROADS: &str = "roads";
/// Jurisdiction boundaries.
pub const BOUNDARIES: &str = "boundaries";

/// A layer as described to clients.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LayerInfo {
    /// Source-layer name in the tiles.
    pub id: &'static str,
    /// Chinese name for legends.
    pub zh: &'static str,
    /// `line` or `polygon`.
    pub geometry: &'static str,
    /// First zoom where the layer can have features.
    pub minzoom: u8,
    /// Properties and what they hold.
    pub fields: &'static [(&'static str, &'static str)],
}

/// Every layer, in the order they are written into a tile (bottom to top as usually drawn).
pub const LAYERS: [LayerInfo; 4] = [
    LayerInfo {
        id: WATER,
        zh: "水系",
        geometry: "polygon",
        minzoom: MIN_ZOOM,
        fields: &[("name", "name of the water body")],
    },
    LayerInfo {
        id: BUILDINGS,
        zh: "建筑",
        geometry: "polygon",
        minzoom: BUILDINGS_MIN_ZOOM,
        fields: &[("name", "building name, may be empty"), ("floors", "floors above ground, when known")],
    },
    LayerInfo {
        id: ROADS,
        zh: "道路",
        geometry: "line",
        minzoom: MIN_ZOOM,
        fields: &[
            ("class", "road class code (motorway … track)"),
            ("name", "street name, may be empty"),
            ("oneway", "0 both ways, 1 along the line, -1 against it"),
        ],
    },
    LayerInfo {
        id: BOUNDARIES,
        zh: "辖区边界",
        geometry: "polygon",
        minzoom: MIN_ZOOM,
        fields: &[
            ("id", "jurisdiction id"),
            ("name", "jurisdiction name"),
            ("level", "jurisdiction level code (city … grid)"),
        ],
    },
];

/// The first zoom at which roads of a class are drawn: the network's skeleton at the city scale,
/// streets at the district scale, service roads and tracks only close up.
pub fn road_min_zoom(class: RoadClass) -> u8 {
    match class {
        RoadClass::Motorway | RoadClass::Trunk | RoadClass::Primary => 10,
        RoadClass::Secondary => 11,
        RoadClass::Tertiary => 12,
        RoadClass::Unclassified | RoadClass::Residential | RoadClass::LivingStreet | RoadClass::Service => 13,
        RoadClass::Track => 14,
    }
}

/// The road classes drawn at zoom `z`.
pub fn road_classes_at(z: u8) -> Vec<RoadClass> {
    RoadClass::ALL.iter().copied().filter(|c| road_min_zoom(*c) <= z).collect()
}

/// Whether zoom `z` has any content.
pub fn in_range(z: u8) -> bool {
    (MIN_ZOOM..=MAX_ZOOM).contains(&z)
}

/// The tile options of zoom `z`.
pub fn options(z: u8) -> Options {
    Options::for_zoom(z, MAX_ZOOM)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_appear_with_zoom() {
        assert!(road_classes_at(9).is_empty());
        assert_eq!(road_classes_at(10), vec![RoadClass::Motorway, RoadClass::Trunk, RoadClass::Primary]);
        assert!(!road_classes_at(12).contains(&RoadClass::Service));
        assert!(road_classes_at(13).contains(&RoadClass::Service));
        assert_eq!(road_classes_at(14).len(), RoadClass::ALL.len());
        assert!(in_range(10) && in_range(18) && !in_range(9) && !in_range(19));
        assert_eq!(options(18).tolerance, 1.0);
        assert!(LAYERS.iter().all(|l| l.minzoom >= MIN_ZOOM));
    }
}
