//! The field-mapping file that lets a brigade import its own GIS layer without code.
//!
//! ```toml
//! layer = "water_sources"   # stations | water_sources | roads | buildings | units | boundaries
//! source_prefix = "cambridge"  # source_ref = "<prefix>:<id_field value | feature id | position>"
//! id_field = "OBJECTID"
//! [fields]                  # target field = property name, or a table of options
//! code = "HYDRANT_ID"
//! flow_lps = { from = "HYDRANT_GPM", scale = 0.0630902, decimals = 1 }  # US gpm -> L/s, 0.1 L/s
//! status = { from = "LIFECYCLESTATUS", map = { ACT = "intact" }, default = "unverified" }
//! last_inspected = { from = "LAST_DATE_TESTED", date = "epoch_ms" }
//! name = { template = "{ENGINE} 辖区" }
//! [defaults]                # constants for fields not mapped (or empty in a feature)
//! kind = "hydrant_above"
//! ```
//!
//! A field's value is taken from the property `from` (or the rendered `template`); `map` then
//! replaces it (a value not in the map is kept, unless `default` is given); an empty value falls back
//! to `default`, then to `[defaults]`; `scale` multiplies numbers and `decimals` rounds
//! them after (a converted unit keeps the precision it was measured with, not 93.058045 L/s); `date` says how dates are written
//! (`epoch_ms`, `epoch_s`, `iso`, or a chrono format such as `%d/%m/%Y`). Vocabulary fields take codes
//! or Chinese terms (`hydrant_above` or `地上消火栓`). Unknown layers, fields and options are errors.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::error::ImportError;
use crate::values::{Cell, DateMode};

/// The record type a layer is imported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// [`huoyan_domain::Station`]
    Stations,
    /// [`huoyan_domain::WaterSource`]
    WaterSources,
    /// [`huoyan_domain::Road`]
    Roads,
    /// [`huoyan_domain::Building`]
    Buildings,
    /// [`huoyan_domain::Unit`]
    Units,
    /// [`huoyan_domain::jurisdiction::Jurisdiction`] nodes (boundaries)
    Boundaries,
}

/// Kind of value a target field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldType {
    Text,
    Number,
    Integer,
    Bool,
    Date,
    /// A vocabulary term (code or Chinese term).
    Term,
}

use FieldType::{Bool, Date, Integer, Number, Term, Text};

const STATION_FIELDS: &[(&str, FieldType, bool)] = &[
    ("name", Text, true),
    ("kind", Term, true),
    ("status", Term, false),
    ("address", Text, false),
    ("phone", Text, false),
    ("duty_strength", Integer, false),
    ("lon", Number, false),
    ("lat", Number, false),
];
const WATER_FIELDS: &[(&str, FieldType, bool)] = &[
    ("code", Text, false),
    ("kind", Term, true),
    ("status", Term, false),
    ("address", Text, false),
    ("flow_lps", Number, false),
    ("pressure_mpa", Number, false),
    ("diameter_mm", Number, false),
    ("capacity_m3", Number, false),
    ("owner", Text, false),
    ("last_inspected", Date, false),
    ("notes", Text, false),
    ("lon", Number, false),
    ("lat", Number, false),
];
const ROAD_FIELDS: &[(&str, FieldType, bool)] = &[
    ("name", Text, false),
    ("class", Term, true),
    ("speed_limit_kmh", Number, false),
    ("oneway", Integer, false),
    ("access", Term, false),
    ("from_node", Integer, false),
    ("to_node", Integer, false),
    ("length_m", Number, false),
];
const BUILDING_FIELDS: &[(&str, FieldType, bool)] = &[
    ("name", Text, false),
    ("usage", Text, false),
    ("floors", Integer, false),
    ("underground_floors", Integer, false),
    ("height_m", Number, false),
];
const UNIT_FIELDS: &[(&str, FieldType, bool)] = &[
    ("name", Text, true),
    ("uscc", Text, false),
    ("address", Text, false),
    ("use_category", Term, true),
    ("safety_manager", Text, false),
    ("phone", Text, false),
    ("lon", Number, false),
    ("lat", Number, false),
    ("building_area_m2", Number, false),
    ("max_floor_area_m2", Number, false),
    ("underground_area_m2", Number, false),
    ("floors", Integer, false),
    ("floor_located", Integer, false),
    ("height_m", Number, false),
    ("beds", Integer, false),
    ("rooms", Integer, false),
    ("seats", Integer, false),
    ("staff", Integer, false),
    ("pupils", Integer, false),
    ("computers", Integer, false),
    ("combustible_goods", Bool, false),
    ("accommodation_mixed", Bool, false),
    ("fire_separated", Bool, false),
    ("heritage_level", Text, false),
    ("timber_structure", Bool, false),
];
const BOUNDARY_FIELDS: &[(&str, FieldType, bool)] =
    &[("name", Text, true), ("level", Term, true), ("code", Text, false)];

impl Layer {
    /// Every layer.
    pub const ALL: [Layer; 6] =
        [Layer::Stations, Layer::WaterSources, Layer::Roads, Layer::Buildings, Layer::Units, Layer::Boundaries];

    /// The name used in mapping files (`water_sources` …).
    pub fn name(self) -> &'static str {
        match self {
            Layer::Stations => "stations",
            Layer::WaterSources => "water_sources",
            Layer::Roads => "roads",
            Layer::Buildings => "buildings",
            Layer::Units => "units",
            Layer::Boundaries => "boundaries",
        }
    }

    /// Parses a layer name (`jurisdictions` is accepted for `boundaries`).
    pub fn parse(s: &str) -> Option<Layer> {
        if s == "jurisdictions" {
            return Some(Layer::Boundaries);
        }
        Layer::ALL.into_iter().find(|l| l.name() == s)
    }

    /// The table the records go to (`jurisdictions` for boundaries).
    pub fn table(self) -> &'static str {
        match self {
            Layer::Boundaries => "jurisdictions",
            other => other.name(),
        }
    }

    /// The target fields a mapping may name for this layer.
    pub fn field_names(self) -> Vec<&'static str> {
        self.fields().iter().map(|f| f.0).collect()
    }

    pub(crate) fn fields(self) -> &'static [(&'static str, FieldType, bool)] {
        match self {
            Layer::Stations => STATION_FIELDS,
            Layer::WaterSources => WATER_FIELDS,
            Layer::Roads => ROAD_FIELDS,
            Layer::Buildings => BUILDING_FIELDS,
            Layer::Units => UNIT_FIELDS,
            Layer::Boundaries => BOUNDARY_FIELDS,
        }
    }
}

/// How one target field is filled.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FieldSpec {
    /// The property read.
    pub from: Option<String>,
    /// A text built from properties: `{NAME}` is replaced by the property's value.
    pub template: Option<String>,
    /// Replacement of source values (compared as text, e.g. `"1"` for the number 1).
    pub map: BTreeMap<String, String>,
    /// Factor numbers are multiplied by (unit conversion).
    pub scale: Option<f64>,
    /// Decimals a number keeps (after `scale`), 0–9.
    pub decimals: Option<u32>,
    /// How a date is written: `epoch_ms`, `epoch_s`, `iso` or a chrono format.
    pub date: Option<String>,
    /// Value used when the property is empty, or (with `map`) not in the map.
    pub default: Option<String>,
}

/// The options of a field as written in the file (before checks).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSpec {
    from: Option<String>,
    template: Option<String>,
    #[serde(default)]
    map: BTreeMap<String, toml::Value>,
    scale: Option<f64>,
    decimals: Option<u32>,
    date: Option<String>,
    default: Option<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMapping {
    layer: String,
    source_prefix: Option<String>,
    id_field: Option<String>,
    #[serde(default)]
    fields: BTreeMap<String, toml::Value>,
    #[serde(default)]
    defaults: BTreeMap<String, toml::Value>,
}

/// A parsed and checked mapping file.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// The record type produced.
    pub layer: Layer,
    /// Prefix of every `source_ref` (default: the layer name).
    pub source_prefix: String,
    /// Property holding each feature's stable id (else the feature id, else its position).
    pub id_field: Option<String>,
    /// Target field → how to fill it.
    pub fields: BTreeMap<String, FieldSpec>,
    /// Target field → constant used when the field is not mapped or its value is empty.
    pub defaults: BTreeMap<String, String>,
}

fn scalar_text(v: &toml::Value) -> Option<String> {
    match v {
        toml::Value::String(s) => Some(s.clone()),
        toml::Value::Integer(i) => Some(i.to_string()),
        toml::Value::Float(f) => Some(f.to_string()),
        toml::Value::Boolean(b) => Some(b.to_string()),
        toml::Value::Datetime(d) => Some(d.to_string()),
        toml::Value::Array(_) | toml::Value::Table(_) => None,
    }
}

/// Property names a template refers to, or why it is malformed.
pub(crate) fn template_names(t: &str) -> Result<Vec<String>, String> {
    let mut names = Vec::new();
    let mut rest = t;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(format!("template {t:?} has an unmatched '}}'"));
        }
        let after = &rest[open + 1..];
        let close = after.find('}').ok_or_else(|| format!("template {t:?} has an unclosed '{{'"))?;
        let name = &after[..close];
        if name.is_empty() || name.contains('{') {
            return Err(format!("template {t:?} has an empty or nested placeholder"));
        }
        names.push(name.to_string());
        rest = &after[close + 1..];
    }
    Ok(names)
}

impl Mapping {
    /// Parses and checks a mapping file; errors name the offending field or option.
    pub fn from_toml(s: &str) -> Result<Mapping, ImportError> {
        let raw: RawMapping =
            toml::from_str(s).map_err(|e| ImportError::Mapping(format!("invalid mapping file: {e}")))?;
        let layer = Layer::parse(raw.layer.trim()).ok_or_else(|| {
            let names: Vec<&str> = Layer::ALL.iter().map(|l| l.name()).collect();
            ImportError::Mapping(format!("unknown layer {:?}; expected one of: {}", raw.layer, names.join(", ")))
        })?;
        let known = layer.fields();
        let field_type = |name: &str| -> Result<FieldType, ImportError> {
            known.iter().find(|f| f.0 == name).map(|f| f.1).ok_or_else(|| {
                ImportError::Mapping(format!(
                    "unknown field {name:?} for layer {}; fields are: {}",
                    layer.name(),
                    layer.field_names().join(", ")
                ))
            })
        };
        let mut fields = BTreeMap::new();
        for (name, value) in raw.fields {
            let ty = field_type(&name)?;
            let spec = match value {
                toml::Value::String(from) => FieldSpec { from: Some(from), ..FieldSpec::default() },
                toml::Value::Table(t) => {
                    let r: RawSpec = toml::Value::Table(t)
                        .try_into()
                        .map_err(|e| ImportError::Mapping(format!("field {name:?}: {e}")))?;
                    spec_from_raw(&name, ty, r)?
                }
                _ => {
                    return Err(ImportError::Mapping(format!(
                        "field {name:?}: give a property name or a table of options"
                    )));
                }
            };
            fields.insert(name, spec);
        }
        let mut defaults = BTreeMap::new();
        for (name, value) in raw.defaults {
            field_type(&name)?;
            let v = scalar_text(&value)
                .ok_or_else(|| ImportError::Mapping(format!("default for {name:?} must be a single value")))?;
            defaults.insert(name, v);
        }
        for (name, _, required) in known {
            let given = fields.contains_key(*name) || defaults.contains_key(*name);
            if *required && !given {
                return Err(ImportError::Mapping(format!(
                    "required field {name:?} of layer {} is neither mapped in [fields] nor given in [defaults]",
                    layer.name()
                )));
            }
        }
        let source_prefix = raw
            .source_prefix
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .unwrap_or_else(|| layer.name().into());
        Ok(Mapping { layer, source_prefix, id_field: raw.id_field, fields, defaults })
    }

    /// The properties the mapping reads, each with the target field reading it.
    pub(crate) fn properties(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(id) = &self.id_field {
            out.push((id.clone(), "id_field".to_string()));
        }
        for (target, spec) in &self.fields {
            if let Some(from) = &spec.from {
                out.push((from.clone(), target.clone()));
            }
            if let Some(t) = &spec.template {
                for n in template_names(t).unwrap_or_default() {
                    out.push((n, target.clone()));
                }
            }
        }
        out
    }

    /// The raw value of `target` for a feature's properties, before typing: mapped, defaulted.
    pub(crate) fn value(
        &self,
        target: &str,
        props: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Cell, String> {
        let fallback = || self.defaults.get(target).map(|d| Cell::text(d)).unwrap_or(Cell::Empty);
        let Some(spec) = self.fields.get(target) else { return Ok(fallback()) };
        let prop = |name: &str| -> Result<Cell, String> {
            props
                .get(name)
                .map(Cell::from_json)
                .unwrap_or(Ok(Cell::Empty))
                .map_err(|e| format!("property {name:?} {e}"))
        };
        let mut v = if let Some(from) = &spec.from {
            prop(from)?
        } else if let Some(t) = &spec.template {
            render(t, &prop)?
        } else {
            Cell::Empty
        };
        if !v.is_empty() && !spec.map.is_empty() {
            match spec.map.get(&v.display()) {
                Some(m) => v = Cell::text(m),
                None => {
                    if let Some(d) = &spec.default {
                        v = Cell::text(d);
                    }
                }
            }
        }
        if let (true, Some(d)) = (v.is_empty(), &spec.default) {
            v = Cell::text(d);
        }
        Ok(if v.is_empty() { fallback() } else { v })
    }

    /// The date mode of a field.
    pub(crate) fn date_mode(&self, target: &str) -> DateMode {
        self.fields.get(target).and_then(|s| s.date.as_deref()).map(DateMode::parse).unwrap_or(DateMode::Auto)
    }

    /// The decimals a number field keeps, when the mapping says.
    pub(crate) fn decimals(&self, target: &str) -> Option<u32> {
        self.fields.get(target).and_then(|s| s.decimals)
    }

    /// The scale factor of a field (1 when none).
    pub(crate) fn scale(&self, target: &str) -> f64 {
        self.fields.get(target).and_then(|s| s.scale).unwrap_or(1.0)
    }

    /// How a field is named in messages: `flow_lps (HYDRANT_GPM)`.
    pub(crate) fn label(&self, target: &str) -> String {
        match self.fields.get(target) {
            Some(FieldSpec { from: Some(p), .. }) => format!("{target} ({p})"),
            _ => target.to_string(),
        }
    }
}

/// Renders a template; empty when every property it names is empty.
fn render(t: &str, prop: &dyn Fn(&str) -> Result<Cell, String>) -> Result<Cell, String> {
    let names = template_names(t)?;
    let mut out = t.to_string();
    let mut any = false;
    for n in &names {
        let v = prop(n)?;
        any |= !v.is_empty();
        out = out.replace(&format!("{{{n}}}"), &v.display());
    }
    Ok(if any || names.is_empty() { Cell::text(&out) } else { Cell::Empty })
}

fn spec_from_raw(name: &str, ty: FieldType, r: RawSpec) -> Result<FieldSpec, ImportError> {
    let err = |m: String| ImportError::Mapping(format!("field {name:?}: {m}"));
    if r.from.is_some() && r.template.is_some() {
        return Err(err("give either `from` or `template`, not both".into()));
    }
    if r.from.is_none() && r.template.is_none() && r.default.is_none() {
        return Err(err("give `from`, `template` or `default`".into()));
    }
    if let Some(t) = &r.template {
        template_names(t).map_err(err)?;
    }
    if r.scale.is_some() && ty != Number {
        return Err(err("`scale` applies only to number fields".into()));
    }
    if let Some(s) = r.scale.filter(|s| !s.is_finite() || *s == 0.0) {
        return Err(err(format!("`scale` {s} must be a finite, non-zero number")));
    }
    if r.decimals.is_some() && ty != Number {
        return Err(err("`decimals` applies only to number fields".into()));
    }
    if let Some(d) = r.decimals.filter(|d| *d > 9) {
        return Err(err(format!("`decimals` {d} must be 0–9")));
    }
    if r.date.is_some() && ty != Date {
        return Err(err("`date` applies only to date fields".into()));
    }
    let mut map = BTreeMap::new();
    for (k, v) in r.map {
        let v = scalar_text(&v).ok_or_else(|| err(format!("map value for {k:?} must be a single value")))?;
        map.insert(k, v);
    }
    let default = match &r.default {
        Some(v) => Some(scalar_text(v).ok_or_else(|| err("`default` must be a single value".into()))?),
        None => None,
    };
    Ok(FieldSpec {
        from: r.from,
        template: r.template,
        map,
        scale: r.scale,
        decimals: r.decimals,
        date: r.date,
        default,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_applies_options() {
        let m = Mapping::from_toml(
            r#"layer = "water_sources"
            [fields]
            code = "ID"
            status = { from = "S", map = { ACT = "intact" }, default = "unverified" }
            notes = { template = "{A}/{B}" }
            [defaults]
            kind = "hydrant_above""#,
        )
        .unwrap();
        let props = serde_json::json!({"ID": 12, "S": "PROP", "A": "x", "B": null});
        let props = props.as_object().unwrap();
        assert_eq!(m.value("code", props).map(|c| c.display()), Ok("12".to_string()));
        assert_eq!(m.value("status", props), Ok(Cell::Text("unverified".into())));
        assert_eq!(m.value("notes", props), Ok(Cell::Text("x/".into())));
        assert_eq!(m.value("kind", props), Ok(Cell::Text("hydrant_above".into())));
        assert_eq!(m.source_prefix, "water_sources");
    }

    #[test]
    fn errors_name_the_problem() {
        let e = Mapping::from_toml("layer = \"water_sources\"\n[fields]\ncolour = \"C\"\n[defaults]\nkind = \"pool\"")
            .unwrap_err();
        assert!(e.to_string().contains("unknown field \"colour\""), "{e}");
        let e = Mapping::from_toml("layer = \"hydrants\"").unwrap_err();
        assert!(e.to_string().contains("unknown layer"), "{e}");
        let e = Mapping::from_toml("layer = \"stations\"\n[fields]\nname = \"N\"").unwrap_err();
        assert!(e.to_string().contains("\"kind\""), "{e}");
        let e = Mapping::from_toml("layer = \"roads\"\n[fields]\nclass = { from = \"C\", scael = 2 }").unwrap_err();
        assert!(e.to_string().contains("scael"), "{e}");
        let e = Mapping::from_toml("layer = \"roads\"\n[fields]\nclass = { template = \"{C\" }").unwrap_err();
        assert!(e.to_string().contains("unclosed"), "{e}");
        let wl = "layer = \"water_sources\"\n[defaults]\nkind = \"pool\"\n[fields]\n";
        let e = Mapping::from_toml(&format!("{wl}flow_lps = {{ from = \"F\", decimals = 12 }}")).unwrap_err();
        assert!(e.to_string().contains("0–9"), "{e}");
        let e = Mapping::from_toml(&format!("{wl}code = {{ from = \"F\", decimals = 1 }}")).unwrap_err();
        assert!(e.to_string().contains("only to number fields"), "{e}");
    }
}
