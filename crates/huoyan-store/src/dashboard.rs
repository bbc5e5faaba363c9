//! Aggregates for the console's home dashboard and its map search, within a scope: units by class
//! and jurisdiction, water sources by type and status with the intact rate (完好率), stations with
//! their duty strength and vehicles by status; and a search across units, water sources and stations
//! by name, code and address. Plain SQL that runs on SQLite and PostgreSQL alike.

use std::collections::BTreeMap;

use huoyan_domain::validate::code;
use huoyan_domain::{StationKind, StationStatus, UnitClass, WaterKind};
use serde::Serialize;
use sqlx::Row;

use crate::query::{Arg, Scope, Where, bind_all, escape_like};
use crate::{Backend, Result, Store, StoreError};

/// Units of one jurisdiction node (a child of the breakdown node, with its subtree).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitsInJurisdiction {
    /// The node.
    pub jurisdiction_id: i64,
    /// Its name.
    pub name: String,
    /// Units in its subtree.
    pub total: i64,
    /// Units per class code (a unit with two classes counts in both).
    pub by_class: BTreeMap<String, i64>,
    /// Units with no class.
    pub unclassified: i64,
    /// This row holds the units registered on the breakdown node itself (or above it), in none of
    /// its children: the console calls it “本级（未划入下级辖区）”, so the rows add up to the total.
    pub own: bool,
}

/// Units by class.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct UnitsSummary {
    /// All units in scope.
    pub total: i64,
    /// Per class code.
    pub by_class: BTreeMap<String, i64>,
    /// Units with no class.
    pub unclassified: i64,
    /// Per jurisdiction: the children of the first node below the scope's root that has more than
    /// one child (for a city with one urban district: its streets), or the root itself; plus a row
    /// (`own`) for units on that node itself when there are any. The rows add up to `total`.
    pub by_jurisdiction: Vec<UnitsInJurisdiction>,
}

/// Water sources of one kind.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WaterKindSummary {
    /// Kind code (`hydrant_above` …).
    pub kind: String,
    /// How many.
    pub total: i64,
    /// Per status code (`intact`, `damaged`, `disabled`, `unverified`).
    pub by_status: BTreeMap<String, i64>,
    /// 完好率: intact ÷ all of this kind (`null` when there are none).
    pub intact_rate: Option<f64>,
}

/// Water sources by kind and status.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct WaterSummary {
    /// All water sources in scope.
    pub total: i64,
    /// Intact ones.
    pub intact: i64,
    /// 完好率 over all kinds: intact ÷ all (`null` when there are none).
    pub intact_rate: Option<f64>,
    /// Per kind, every kind of the vocabulary in its order (zero rows included).
    pub by_kind: Vec<WaterKindSummary>,
}

/// One station with its vehicles.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StationSummary {
    /// Station id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Kind code.
    pub kind: String,
    /// Status code.
    pub status: String,
    /// People on duty (执勤力量).
    pub duty_strength: i64,
    /// Vehicles of the station.
    pub vehicles: i64,
    /// Its vehicles per status code (`in_station`, `dispatched` … `maintenance`).
    pub vehicles_by_status: BTreeMap<String, i64>,
}

/// Stations and vehicles.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StationsSummary {
    /// Stations and other forces in scope.
    pub total: i64,
    /// Those with status 执勤 or 减员执勤.
    pub on_duty: i64,
    /// People on duty, summed over stations on duty.
    pub duty_strength: i64,
    /// Vehicles in scope.
    pub vehicles: i64,
    /// Vehicles per status code.
    pub vehicles_by_status: BTreeMap<String, i64>,
    /// Every station, national stations first (by kind, then name).
    pub list: Vec<StationSummary>,
}

/// The home dashboard.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Dashboard {
    /// Social units.
    pub units: UnitsSummary,
    /// Water sources.
    pub water: WaterSummary,
    /// Stations and vehicles.
    pub stations: StationsSummary,
}

/// One search result.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SearchHit {
    /// `units`, `water_sources` or `stations`.
    pub layer: String,
    /// Record id.
    pub id: i64,
    /// Its jurisdiction node.
    pub jurisdiction_id: i64,
    /// Name (a water source: its code).
    pub name: String,
    /// Address, when known.
    pub sub: Option<String>,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
}

/// The layers [`Store::search`] looks in.
pub const SEARCH_LAYERS: [&str; 3] = ["water_sources", "units", "stations"];

fn rate(part: i64, all: i64) -> Option<f64> {
    (all > 0).then(|| part as f64 / all as f64)
}

impl Backend {
    /// A text member of the JSON document.
    fn json_text(self, member: &str) -> String {
        match self {
            Backend::Sqlite => format!("json_extract(doc, '$.{member}')"),
            Backend::Postgres => format!("(doc->>'{member}')"),
        }
    }
}

impl Store {
    /// The dashboard of what `scope` holds. Unit managers have no dashboard.
    pub async fn dashboard(&self, scope: &Scope) -> Result<Dashboard> {
        if scope.unit_id.is_some() {
            return Err(StoreError::Forbidden("a unit manager sees only its own unit".into()));
        }
        Ok(Dashboard {
            units: self.units_summary(scope).await?,
            water: self.water_summary(scope).await?,
            stations: self.stations_summary(scope).await?,
        })
    }

    /// `SELECT <cols>, COUNT(*) FROM table WHERE scope GROUP BY <cols>` as rows of strings.
    async fn grouped(&self, scope: &Scope, table: &str, cols: &[&str]) -> Result<Vec<(Vec<Option<String>>, i64)>> {
        let mut w = Where::default();
        w.subtree(&scope.path);
        let list = cols.join(", ");
        let sql = format!("SELECT {list}, COUNT(*) FROM {table}{} GROUP BY {list}", w.sql());
        let rows = bind_all(crate::dynq(sql), &w.args).fetch_all(&self.pool).await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let mut keys = Vec::with_capacity(cols.len());
            for (i, c) in cols.iter().enumerate() {
                keys.push(if *c == "jurisdiction_id" || *c == "parent_id" {
                    r.try_get::<Option<i64>, _>(i)?.map(|v| v.to_string())
                } else {
                    r.try_get::<Option<String>, _>(i)?
                });
            }
            out.push((keys, r.try_get::<i64, _>(cols.len())?));
        }
        Ok(out)
    }

    async fn units_summary(&self, scope: &Scope) -> Result<UnitsSummary> {
        // The nodes of the scope, to roll jurisdictions up to the breakdown level.
        let nodes = self.list_jurisdictions(scope, false).await?;
        let root_path = if scope.path == "/" {
            nodes.iter().map(|j| j.path.clone()).min_by_key(|p| p.len()).unwrap_or_else(|| "/".into())
        } else {
            scope.path.clone()
        };
        let children = |path: &str| -> Vec<&huoyan_domain::jurisdiction::Jurisdiction> {
            let depth = path.matches('/').count();
            nodes.iter().filter(|j| j.path.starts_with(path) && j.path.matches('/').count() == depth + 1).collect()
        };
        // Go down while there is exactly one child (市 › one 城区 › its 街道).
        let mut at = root_path.clone();
        loop {
            let c = children(&at);
            if c.len() == 1 {
                at = c[0].path.clone();
            } else {
                break;
            }
        }
        let mut groups: Vec<(String, i64, String)> =
            children(&at).into_iter().map(|j| (j.path.clone(), j.id, j.name.clone())).collect();
        let own_group = groups.is_empty();
        // The breakdown node itself: a leaf, or the row of units in none of its children.
        let at_node = nodes.iter().find(|j| j.path == at).map(|j| (j.id, j.name.clone()));
        if own_group && let Some((id, name)) = &at_node {
            groups.push((at.clone(), *id, name.clone()));
        }
        let path_of: BTreeMap<i64, &str> = nodes.iter().map(|j| (j.id, j.path.as_str())).collect();

        let mut rows: Vec<UnitsInJurisdiction> = groups
            .iter()
            .map(|(_, id, name)| UnitsInJurisdiction {
                jurisdiction_id: *id,
                name: name.clone(),
                total: 0,
                by_class: BTreeMap::new(),
                unclassified: 0,
                own: false,
            })
            .collect();
        let mut own = at_node.as_ref().filter(|_| !own_group).map(|(id, name)| UnitsInJurisdiction {
            jurisdiction_id: *id,
            name: name.clone(),
            total: 0,
            by_class: BTreeMap::new(),
            unclassified: 0,
            own: true,
        });
        let mut total = 0;
        let mut by_class: BTreeMap<String, i64> = UnitClass::ALL.iter().map(|c| (c.code().to_string(), 0)).collect();
        let mut unclassified = 0;
        for (keys, n) in self.grouped(scope, "units", &["jurisdiction_id", "status"]).await? {
            let jid: i64 = keys[0].as_deref().and_then(|s| s.parse().ok()).unwrap_or(0);
            // `status` of a unit is its class list, `|key_unit|nine_small|`.
            let classes: Vec<String> =
                keys[1].as_deref().unwrap_or("").split('|').filter(|s| !s.is_empty()).map(String::from).collect();
            total += n;
            if classes.is_empty() {
                unclassified += n;
            }
            for c in &classes {
                *by_class.entry(c.clone()).or_insert(0) += n;
            }
            let path = path_of.get(&jid).copied().unwrap_or("");
            let row = match groups.iter().position(|(p, _, _)| path.starts_with(p.as_str())) {
                Some(i) => Some(&mut rows[i]),
                None => own.as_mut(),
            };
            if let Some(row) = row {
                row.total += n;
                if classes.is_empty() {
                    row.unclassified += n;
                }
                for c in classes {
                    *row.by_class.entry(c).or_insert(0) += n;
                }
            }
        }
        rows.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.name.cmp(&b.name)));
        rows.extend(own.filter(|r| r.total > 0));
        Ok(UnitsSummary { total, by_class, unclassified, by_jurisdiction: rows })
    }

    async fn water_summary(&self, scope: &Scope) -> Result<WaterSummary> {
        let mut per: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
        for (keys, n) in self.grouped(scope, "water_sources", &["kind", "status"]).await? {
            *per.entry(keys[0].clone().unwrap_or_default())
                .or_default()
                .entry(keys[1].clone().unwrap_or_default())
                .or_insert(0) += n;
        }
        let mut kinds: Vec<String> = WaterKind::ALL.iter().map(|k| k.code().to_string()).collect();
        kinds.extend(per.keys().filter(|k| !kinds.contains(k)).cloned().collect::<Vec<_>>());
        let (mut total, mut intact) = (0, 0);
        let by_kind = kinds
            .into_iter()
            .map(|kind| {
                let by_status = per.remove(&kind).unwrap_or_default();
                let t: i64 = by_status.values().sum();
                let i = by_status.get("intact").copied().unwrap_or(0);
                total += t;
                intact += i;
                WaterKindSummary { kind, total: t, intact_rate: rate(i, t), by_status }
            })
            .collect();
        Ok(WaterSummary { total, intact, intact_rate: rate(intact, total), by_kind })
    }

    async fn stations_summary(&self, scope: &Scope) -> Result<StationsSummary> {
        let mut w = Where::default();
        w.subtree(&scope.path);
        let sql = format!(
            "SELECT id, name, kind, status, CAST({} AS TEXT) FROM stations{}",
            self.backend.json_text("duty_strength"),
            w.sql()
        );
        let rows = bind_all(crate::dynq(sql), &w.args).fetch_all(&self.pool).await?;
        let mut vehicles: BTreeMap<i64, BTreeMap<String, i64>> = BTreeMap::new();
        let mut vehicles_by_status: BTreeMap<String, i64> = BTreeMap::new();
        let mut vehicle_total = 0;
        for (keys, n) in self.grouped(scope, "vehicles", &["parent_id", "status"]).await? {
            let sid: i64 = keys[0].as_deref().and_then(|s| s.parse().ok()).unwrap_or(0);
            let status = keys[1].clone().unwrap_or_default();
            *vehicles.entry(sid).or_default().entry(status.clone()).or_insert(0) += n;
            *vehicles_by_status.entry(status).or_insert(0) += n;
            vehicle_total += n;
        }
        let mut list = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.try_get(0)?;
            let duty = r.try_get::<Option<String>, _>(4)?.and_then(|s| s.parse::<f64>().ok()).map_or(0, |f| f as i64);
            let by_status = vehicles.remove(&id).unwrap_or_default();
            list.push(StationSummary {
                id,
                name: r.try_get(1)?,
                kind: r.try_get::<Option<String>, _>(2)?.unwrap_or_default(),
                status: r.try_get::<Option<String>, _>(3)?.unwrap_or_default(),
                duty_strength: duty,
                vehicles: by_status.values().sum(),
                vehicles_by_status: by_status,
            });
        }
        let order = |k: &str| StationKind::ALL.iter().position(|s| s.code() == k).unwrap_or(usize::MAX);
        list.sort_by(|a, b| order(&a.kind).cmp(&order(&b.kind)).then_with(|| a.name.cmp(&b.name)));
        let on = |s: &str| s == StationStatus::OnDuty.code() || s == StationStatus::Reduced.code();
        Ok(StationsSummary {
            total: list.len() as i64,
            on_duty: list.iter().filter(|s| on(&s.status)).count() as i64,
            duty_strength: list.iter().filter(|s| on(&s.status)).map(|s| s.duty_strength).sum(),
            vehicles: vehicle_total,
            vehicles_by_status,
            list,
        })
    }

    /// Finds records whose name, code or address contains `q` (case-insensitive) in `layers`
    /// (some of [`SEARCH_LAYERS`]), exact and prefix matches first, at most `limit` per layer.
    pub async fn search(&self, scope: &Scope, q: &str, layers: &[&str], limit: i64) -> Result<Vec<SearchHit>> {
        if scope.unit_id.is_some() {
            return Err(StoreError::Forbidden("a unit manager sees only its own unit".into()));
        }
        let q = q.trim();
        let mut out = Vec::new();
        if q.is_empty() {
            return Ok(out);
        }
        let like = self.backend.ilike();
        let address = self.backend.json_text("address");
        for layer in layers {
            if !SEARCH_LAYERS.contains(layer) {
                let e =
                    huoyan_domain::FieldError::new("layers", code::UNKNOWN_VALUE, format!("unknown layer {layer:?}"));
                return Err(e.with("value", *layer).with("allowed", SEARCH_LAYERS.to_vec()).into());
            }
            let mut w = Where::default();
            w.subtree(&scope.path);
            let n = w.next();
            w.push(
                format!("(name {like} ${n} ESCAPE '\\' OR code {like} ${n} ESCAPE '\\' OR {address} {like} ${n} ESCAPE '\\')"),
                vec![Arg::T(format!("%{}%", escape_like(q)))],
            );
            let exact = w.next();
            let prefix = exact + 1;
            let mut args = w.args.clone();
            args.push(Arg::T(q.to_lowercase()));
            args.push(Arg::T(format!("{}%", escape_like(q))));
            let sql = format!(
                "SELECT id, name, code, {address}, min_lon, min_lat, jurisdiction_id FROM {layer}{} \
                 ORDER BY CASE WHEN LOWER(code) = ${exact} OR LOWER(name) = ${exact} THEN 0 \
                 WHEN name {like} ${prefix} ESCAPE '\\' OR code {like} ${prefix} ESCAPE '\\' THEN 1 ELSE 2 END, name, id LIMIT {}",
                w.sql(),
                limit.clamp(1, 100)
            );
            for r in bind_all(crate::dynq(sql), &args).fetch_all(&self.pool).await? {
                let id: i64 = r.try_get(0)?;
                let name: Option<String> = r.try_get(1)?;
                let code: Option<String> = r.try_get(2)?;
                let name = name.filter(|s| !s.is_empty()).or(code).unwrap_or_else(|| format!("#{id}"));
                out.push(SearchHit {
                    layer: layer.to_string(),
                    id,
                    jurisdiction_id: r.try_get(6)?,
                    name,
                    sub: r.try_get::<Option<String>, _>(3)?,
                    lon: r.try_get::<Option<f64>, _>(4)?.unwrap_or(0.0),
                    lat: r.try_get::<Option<f64>, _>(5)?.unwrap_or(0.0),
                });
            }
        }
        Ok(out)
    }
}
