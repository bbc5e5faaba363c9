//! The few places where SQLite and PostgreSQL SQL differ.

use crate::Backend;

impl Backend {
    /// A placeholder for a JSON document parameter: PostgreSQL stores JSONB and needs a cast from text.
    pub fn json_param(self, n: usize) -> String {
        match self {
            Backend::Sqlite => format!("${n}"),
            Backend::Postgres => format!("CAST(${n} AS JSONB)"),
        }
    }

    /// A JSON document column read back as text.
    pub fn json_col(self, col: &str) -> String {
        match self {
            Backend::Sqlite => col.to_string(),
            Backend::Postgres => format!("{col}::text"),
        }
    }

    /// A bounding-box overlap test on `table`'s `min_lon … max_lat` columns against parameters
    /// `$n … $n+3` (west, south, east, north). PostgreSQL uses the GiST box index; SQLite the
    /// table's R*Tree (migration 0002), whose 32-bit bounds are a superset, then the exact test.
    pub fn bbox_overlap(self, table: &str, n: usize) -> String {
        match self {
            Backend::Sqlite => format!(
                "(id IN (SELECT id FROM {table}_rtree WHERE min_lon <= ${e} AND max_lon >= ${w} AND min_lat <= ${nn} AND max_lat >= ${s}) \
                 AND min_lon <= ${e} AND max_lon >= ${w} AND min_lat <= ${nn} AND max_lat >= ${s})",
                w = n,
                s = n + 1,
                e = n + 2,
                nn = n + 3
            ),
            Backend::Postgres => format!(
                "(box(point(min_lon, min_lat), point(max_lon, max_lat)) && box(point(${w}, ${s}), point(${e}, ${nn})))",
                w = n,
                s = n + 1,
                e = n + 2,
                nn = n + 3
            ),
        }
    }

    /// The aggregate joining text values with a separator (`agg(x, sep ORDER BY …)` on both).
    pub fn string_agg(self) -> &'static str {
        match self {
            Backend::Sqlite => "GROUP_CONCAT",
            Backend::Postgres => "STRING_AGG",
        }
    }

    /// Case-insensitive substring match operator.
    pub fn ilike(self) -> &'static str {
        match self {
            Backend::Sqlite => "LIKE",
            Backend::Postgres => "ILIKE",
        }
    }
}

/// A PostgreSQL text array literal of `items` ([`array_text`] each).
pub fn text_array(items: &[&str]) -> String {
    let mut out = String::from("{");
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        array_text(&mut out, s);
    }
    out.push('}');
    out
}

/// Appends `s` to a PostgreSQL array literal as one quoted element (`"` and `\` escaped), so
/// that no text — commas, braces, spaces, the word NULL — can change the array's shape.
pub fn array_text(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        if ch == '"' || ch == '\\' {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('"');
}
