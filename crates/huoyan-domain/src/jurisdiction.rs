//! The jurisdiction tree (市 › 县/区 › 乡镇/街道 › 村/社区 › 网格). Every record belongs to a node; every
//! account sees the subtree of its node.

use geojson::Geometry;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::geometry::{Shape, check_geometry};
use crate::terms::JurisdictionLevel;
use crate::validate::{Checker, FieldError};

/// A node of the jurisdiction tree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    /// Store-assigned id.
    #[serde(default)]
    pub id: i64,
    /// Parent node; `None` for a root.
    #[serde(default)]
    pub parent_id: Option<i64>,
    /// Level.
    pub level: JurisdictionLevel,
    /// Name, e.g. 城关镇.
    pub name: String,
    /// Administrative division code (行政区划代码) or grid code, when known.
    #[serde(default)]
    pub code: Option<String>,
    /// Boundary, Polygon or MultiPolygon in WGS84.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub boundary: Option<Geometry>,
    /// Materialised path of ids from the root, e.g. `/1/4/9/` (set by the store, read-only).
    #[serde(default)]
    pub path: String,
}

impl Jurisdiction {
    /// Checks the fields; the parent's level is checked by [`check_child_level`].
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        c.required_text("name", &self.name);
        c.opt_text("code", &self.code);
        if let Some(b) = &self.boundary
            && let Err(e) = check_geometry(b, Shape::Area)
        {
            c.fail("boundary", crate::validate::code::BAD_GEOMETRY, e);
        }
        c.finish()
    }
}

/// A child must sit strictly below its parent's level (levels may be skipped: a county-level city has
/// townships directly under it).
pub fn check_child_level(parent: JurisdictionLevel, child: JurisdictionLevel) -> Result<(), FieldError> {
    if child.depth() > parent.depth() {
        Ok(())
    } else {
        Err(FieldError::new(
            "level",
            "level_order",
            format!("a {}({}) cannot sit under a {}({})", child.code(), child.zh(), parent.code(), parent.zh()),
        )
        .with("level", child.code())
        .with("parent", parent.code()))
    }
}

/// Whether a node with path `inner` lies in the subtree rooted at the node with path `outer`.
pub fn path_within(inner: &str, outer: &str) -> bool {
    inner.starts_with(outer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_go_down() {
        assert!(check_child_level(JurisdictionLevel::City, JurisdictionLevel::Township).is_ok());
        assert!(check_child_level(JurisdictionLevel::Township, JurisdictionLevel::County).is_err());
        assert!(check_child_level(JurisdictionLevel::Grid, JurisdictionLevel::Grid).is_err());
    }

    #[test]
    fn subtree_by_path() {
        assert!(path_within("/1/4/9/", "/1/4/"));
        assert!(!path_within("/1/40/", "/1/4/"));
    }
}
