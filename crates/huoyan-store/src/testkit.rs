//! Test support for the kernel's and the modules' storage tests (feature `testkit`): opens a
//! fresh store on each backend: SQLite in a temporary directory, and PostgreSQL in a new
//! schema when `HUOYAN_TEST_PG_URL` is set (the schema is dropped afterwards).

#![allow(dead_code, unreachable_pub)]

use std::sync::atomic::{AtomicU32, Ordering};

use crate::migrate::Schema;
use crate::{Store, StoreConfig};

pub struct TestStore {
    pub store: Store,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl std::ops::Deref for TestStore {
    type Target = Store;
    fn deref(&self) -> &Store {
        &self.store
    }
}

impl TestStore {
    /// PostgreSQL's URL and this store's schema (`None` on SQLite), to open another node on it.
    pub fn pg_location(&self) -> Option<(String, String)> {
        self.pg.clone()
    }

    pub async fn drop_schema(self) {
        self.store.close().await;
        if let Some((url, schema)) = self.pg {
            let admin = Store::connect(&StoreConfig { url, pg_schema: None, max_connections: 1 }).await.unwrap();
            admin.execute_admin(&format!("DROP SCHEMA {schema} CASCADE")).await.unwrap();
            admin.close().await;
        }
    }
}

static N: AtomicU32 = AtomicU32::new(0);

/// A fresh SQLite store with the kernel's tables.
pub async fn sqlite() -> TestStore {
    sqlite_with(&[]).await
}

/// A fresh SQLite store with the kernel's and `modules`' tables.
pub async fn sqlite_with(modules: &[&'static Schema]) -> TestStore {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open_dir_with(dir.path(), modules).await.unwrap();
    TestStore { store, _dir: Some(dir), pg: None }
}

/// A fresh PostgreSQL store (a new schema) with the kernel's tables; `None` when PostgreSQL tests
/// are not configured.
pub async fn postgres() -> Option<TestStore> {
    postgres_with(&[]).await
}

/// A fresh PostgreSQL store with the kernel's and `modules`' tables; `None` when PostgreSQL tests
/// are not configured.
pub async fn postgres_with(modules: &[&'static Schema]) -> Option<TestStore> {
    let url = std::env::var("HUOYAN_TEST_PG_URL").ok().filter(|u| !u.is_empty())?;
    let schema = format!("huoyan_t{}_{}_{}", std::process::id(), N.fetch_add(1, Ordering::SeqCst), rand_suffix());
    // Two connections: enough for the concurrent tests, few enough that statements are reused from
    // each connection's cache, as they are in a long-running server.
    let store = Store::open_with(
        &StoreConfig { url: url.clone(), pg_schema: Some(schema.clone()), max_connections: 2 },
        modules,
    )
    .await
    .expect("HUOYAN_TEST_PG_URL is set but PostgreSQL cannot be opened");
    Some(TestStore { store, _dir: None, pg: Some((url, schema)) })
}

fn rand_suffix() -> u32 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0) % 100_000
}

/// Defines `<name>::sqlite` and `<name>::postgres` tests running the same async story, on the
/// kernel's tables, or on the kernel's and the given modules' (`on_both!(name, story, MODULES)`).
#[macro_export]
macro_rules! on_both {
    ($name:ident, $story:ident) => {
        $crate::on_both!($name, $story, &[]);
    };
    ($name:ident, $story:ident, $modules:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let s = $crate::testkit::sqlite_with($modules).await;
                super::$story(&s).await;
                s.drop_schema().await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some(s) = $crate::testkit::postgres_with($modules).await else {
                    eprintln!("HUOYAN_TEST_PG_URL not set: PostgreSQL variant skipped");
                    return;
                };
                super::$story(&s).await;
                s.drop_schema().await;
            }
        }
    };
}

/// A `d`° × 1° box with its south-west corner at (`lon0`, 0), for jurisdiction boundaries.
pub fn square(lon0: f64, d: f64) -> geojson::Geometry {
    geojson::Geometry::new(geojson::Value::Polygon(vec![vec![
        vec![lon0, 0.0],
        vec![lon0 + d, 0.0],
        vec![lon0 + d, 1.0],
        vec![lon0, 1.0],
        vec![lon0, 0.0],
    ]]))
}

/// The tree the alarm and incident stories share: 测试市 (0–2° E) with 西街道 (0–1°) and 东街道
/// (1–2°). Returns (city, west, east).
pub async fn city_west_east(
    s: &Store,
) -> (
    huoyan_domain::jurisdiction::Jurisdiction,
    huoyan_domain::jurisdiction::Jurisdiction,
    huoyan_domain::jurisdiction::Jurisdiction,
) {
    use huoyan_domain::JurisdictionLevel;
    use huoyan_domain::jurisdiction::Jurisdiction;
    let sys = huoyan_domain::account::Principal::system();
    let node = |parent_id: Option<i64>, level, name: &str, b| Jurisdiction {
        id: 0,
        parent_id,
        level,
        name: name.into(),
        code: None,
        boundary: Some(b),
        path: String::new(),
    };
    let city =
        s.create_jurisdiction(&sys, node(None, JurisdictionLevel::City, "测试市", square(0.0, 2.0))).await.unwrap();
    let west = s
        .create_jurisdiction(&sys, node(Some(city.id), JurisdictionLevel::Township, "西街道", square(0.0, 1.0)))
        .await
        .unwrap();
    let east = s
        .create_jurisdiction(&sys, node(Some(city.id), JurisdictionLevel::Township, "东街道", square(1.0, 1.0)))
        .await
        .unwrap();
    (city, west, east)
}
