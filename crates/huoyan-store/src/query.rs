//! Listing records: filters, paging, sorting and bounding boxes, always within the caller's scope.

use huoyan_domain::account::Principal;
use huoyan_domain::geometry::BBox;
use serde::Serialize;
use sqlx::Any;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

use crate::Backend;

/// The most records one page may hold.
pub const MAX_PAGE: i64 = 5000;

/// Which records a caller may see: a jurisdiction subtree, and for a unit manager one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    /// Materialised path prefix of the subtree, e.g. `/1/4/`; `/` for everything.
    pub path: String,
    /// A unit manager's unit: only it is visible among units, nothing among other kinds.
    pub unit_id: Option<i64>,
}

impl Scope {
    /// Everything (the system).
    pub fn all() -> Scope {
        Scope { path: "/".into(), unit_id: None }
    }
}

impl From<&Principal> for Scope {
    fn from(p: &Principal) -> Scope {
        Scope { path: p.jurisdiction_path.clone(), unit_id: p.unit_id }
    }
}

/// Sort order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// By id, ascending (default, stable for paging).
    #[default]
    Id,
    /// By id, descending.
    IdDesc,
    /// By name.
    Name,
    /// Most recently updated first.
    Updated,
}

impl SortKey {
    /// Parses `id`, `-id`, `name`, `-updated_at`.
    pub fn parse(s: &str) -> Option<SortKey> {
        Some(match s {
            "id" => SortKey::Id,
            "-id" => SortKey::IdDesc,
            "name" => SortKey::Name,
            "-updated_at" | "updated" => SortKey::Updated,
            _ => return None,
        })
    }

    fn sql(self) -> &'static str {
        match self {
            SortKey::Id => "id ASC",
            SortKey::IdDesc => "id DESC",
            SortKey::Name => "name ASC, id ASC",
            SortKey::Updated => "updated_at DESC, id DESC",
        }
    }
}

/// Filters for a list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    /// Substring of the name or code (case-insensitive).
    pub q: Option<String>,
    /// Type code (`kind` column), any of these.
    pub kinds: Vec<String>,
    /// Status code, any of these.
    pub statuses: Vec<String>,
    /// Unit class code (units only).
    pub class: Option<String>,
    /// Parent record (e.g. a station's vehicles).
    pub parent_id: Option<i64>,
    /// Only within this jurisdiction's subtree (intersected with the caller's scope).
    pub jurisdiction_id: Option<i64>,
    /// Bounding box.
    pub bbox: Option<BBox>,
    /// Page size (default 50, at most [`MAX_PAGE`]).
    pub limit: Option<i64>,
    /// Rows to skip.
    pub offset: Option<i64>,
    /// Order.
    pub sort: SortKey,
}

/// One page of results.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    /// The records.
    pub items: Vec<T>,
    /// How many match in all.
    pub total: i64,
    /// Page size used.
    pub limit: i64,
    /// Offset used.
    pub offset: i64,
}

/// A bound parameter.
#[derive(Debug, Clone)]
pub enum Arg {
    I(i64),
    F(f64),
    T(String),
}

/// A WHERE clause under construction with its parameters.
#[derive(Debug, Default)]
pub struct Where {
    pub clauses: Vec<String>,
    pub args: Vec<Arg>,
}

impl Where {
    /// The next placeholder number.
    pub fn next(&self) -> usize {
        self.args.len() + 1
    }

    pub fn push(&mut self, clause: String, args: Vec<Arg>) {
        self.clauses.push(clause);
        self.args.extend(args);
    }

    pub fn sql(&self) -> String {
        if self.clauses.is_empty() { String::new() } else { format!(" WHERE {}", self.clauses.join(" AND ")) }
    }

    /// Restricts to a jurisdiction subtree by path prefix.
    pub fn subtree(&mut self, path: &str) {
        self.subtree_on(path, "jurisdiction_id");
    }

    /// Restricts to a subtree on `column`; `+jurisdiction_id` keeps SQLite's planner from choosing
    /// the jurisdiction index when a more selective one (the bounding box) is there.
    pub fn subtree_on(&mut self, path: &str, column: &str) {
        if path != "/" {
            let n = self.next();
            self.push(
                format!("{column} IN (SELECT id FROM jurisdictions WHERE path LIKE ${n})"),
                vec![Arg::T(format!("{}%", escape_like(path)))],
            );
        }
    }
}

/// Escapes `%` and `_` for a LIKE pattern (paths contain only digits and `/`, names may contain both).
pub fn escape_like(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

pub fn bind_all<'q>(mut q: Query<'q, Any, AnyArguments>, args: &'q [Arg]) -> Query<'q, Any, AnyArguments> {
    for a in args {
        q = match a {
            Arg::I(v) => q.bind(*v),
            Arg::F(v) => q.bind(*v),
            Arg::T(v) => q.bind(v.as_str()),
        };
    }
    q
}

impl ListQuery {
    /// The page size actually used.
    pub fn effective_limit(&self) -> i64 {
        self.limit.unwrap_or(50).clamp(1, MAX_PAGE)
    }

    /// Builds the WHERE clause (without scope) for a record table.
    pub fn where_clause(&self, backend: Backend, table: &str, w: &mut Where, jurisdiction_path: Option<&str>) {
        if let Some(q) = self.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
            let n = w.next();
            let like = backend.ilike();
            w.push(
                format!("(name {like} ${n} ESCAPE '\\' OR code {like} ${n} ESCAPE '\\')"),
                vec![Arg::T(format!("%{}%", escape_like(q)))],
            );
        }
        for (col, vals) in [("kind", &self.kinds), ("status", &self.statuses)] {
            if !vals.is_empty() {
                let n = w.next();
                let ph: Vec<String> = (0..vals.len()).map(|i| format!("${}", n + i)).collect();
                w.push(format!("{col} IN ({})", ph.join(", ")), vals.iter().cloned().map(Arg::T).collect());
            }
        }
        if let Some(c) = &self.class {
            let n = w.next();
            w.push(format!("status LIKE ${n} ESCAPE '\\'"), vec![Arg::T(format!("%|{}|%", escape_like(c)))]);
        }
        if let Some(p) = self.parent_id {
            let n = w.next();
            w.push(format!("parent_id = ${n}"), vec![Arg::I(p)]);
        }
        if let Some(path) = jurisdiction_path {
            w.subtree_on(path, self.subtree_column());
        }
        if let Some(b) = self.bbox {
            let n = w.next();
            w.push(
                backend.bbox_overlap(table, n),
                vec![Arg::F(b.min_lon), Arg::F(b.min_lat), Arg::F(b.max_lon), Arg::F(b.max_lat)],
            );
        }
    }

    /// The column expression for subtree conditions: unindexed when a bounding box will select.
    pub fn subtree_column(&self) -> &'static str {
        if self.bbox.is_some() { "+jurisdiction_id" } else { "jurisdiction_id" }
    }

    pub fn order_sql(&self) -> &'static str {
        self.sort.sql()
    }
}
