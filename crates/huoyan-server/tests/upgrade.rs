//! A store made before the module layout upgrades in place with nothing lost (SQLite and
//! PostgreSQL): the test builds the store exactly as the old binary did — one numbered list of
//! migrations per backend recorded in `huoyan_migrations`, applied in the old order — fills every
//! module's tables through the program's own functions, counts the rows of every table and keeps
//! a sample of records; then it runs the new per-module migrations and compares.

mod common;

use std::collections::BTreeMap;

use huoyan_domain::JurisdictionLevel;
use huoyan_domain::account::Principal;
use huoyan_incidents::Incidents;
use huoyan_monitor::store::Monitoring;
use huoyan_monitor::store::frames::NewFrame;
use huoyan_server::MODULES;
use huoyan_store::migrate::{KERNEL, LEGACY, LEGACY_SENTINEL, Schema, checksum};
use huoyan_store::{Backend, ListQuery, Scope, Store, StoreConfig, StoreError};

/// The SQL of the old list's version `v` on `backend`: the same text as the (module, version) it
/// moved to.
fn legacy_sql(backend: Backend, v: i64) -> (&'static str, &'static str) {
    let (_, _, module, version) = LEGACY.iter().find(|(b, ov, ..)| *b == backend && *ov == v).unwrap();
    let schema: &Schema =
        if *module == "kernel" { &KERNEL } else { MODULES.iter().find(|s| s.module == *module).unwrap() };
    let m = schema.migrations.iter().find(|m| m.version == *version).unwrap();
    (m.name, if backend == Backend::Sqlite { m.sqlite } else { m.postgres })
}

/// Migrates an empty store as the binary before the module layout did.
async fn migrate_the_old_way(store: &Store) {
    store
        .execute_admin(
            "CREATE TABLE huoyan_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, \
             applied_at TEXT NOT NULL)",
        )
        .await
        .unwrap();
    let backend = store.backend();
    let mut versions: Vec<i64> = LEGACY.iter().filter(|(b, ..)| *b == backend).map(|(_, v, ..)| *v).collect();
    versions.sort();
    for v in versions {
        let (name, sql) = legacy_sql(backend, v);
        store.execute_admin(sql).await.unwrap();
        store
            .execute_admin(&format!(
                "INSERT INTO huoyan_migrations (version, name, checksum, applied_at) VALUES ({v}, '{name}', '{}', \
                 '2026-12-01T00:00:00.000Z')",
                checksum(sql)
            ))
            .await
            .unwrap();
    }
}

/// Every module's tables filled: two jurisdictions with a station, vehicle, person, hydrant, unit,
/// UITD, sensor, alarm, incident, pre-plan with an attachment each; frames and a reading.
async fn fill(store: &Store) {
    let sys = Principal::system();
    let city = store
        .create_jurisdiction(&sys, common::node(None, JurisdictionLevel::City, "测试市", common::square(0.0, 2.0)))
        .await
        .unwrap();
    for (i, (name, tag, uscc)) in
        [("西街道", "西", "91350100M000100Y43"), ("东街道", "东", "91110000600037341L")].into_iter().enumerate()
    {
        let lon0 = i as f64;
        let j = store
            .create_jurisdiction(
                &sys,
                common::node(Some(city.id), JurisdictionLevel::Township, name, common::square(lon0, 1.0)),
            )
            .await
            .unwrap();
        common::side(store, common::Schema::BeforeIntakeQuestions, j, lon0 + 0.5, tag, uscc).await;
    }
    let frame = |serial: u16| NewFrame {
        received_at: huoyan_store::now(),
        device_address: "0a0000000001".into(),
        serial,
        command: 2,
        adu_type: Some(2),
        raw: vec![0x40, 0x40, serial as u8, 0x23, 0x23],
        quarantined: true,
    };
    Monitoring(store).store_frames(&[frame(1), frame(2), frame(3)]).await.unwrap();
}

/// Row counts of every table of the store (the migration tables aside).
async fn counts(store: &Store) -> BTreeMap<String, i64> {
    let tables = match store.backend() {
        Backend::Sqlite => store
            .admin_strings("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .await
            .unwrap(),
        Backend::Postgres => store
            .admin_strings(
                "SELECT CAST(table_name AS TEXT) FROM information_schema.tables WHERE table_schema = current_schema() \
                 AND table_type = 'BASE TABLE'",
            )
            .await
            .unwrap(),
    };
    let mut out = BTreeMap::new();
    for t in tables.into_iter().filter(|t| !t.contains("migrations")) {
        let n = store.admin_strings(&format!("SELECT CAST(COUNT(*) AS TEXT) FROM {t}")).await.unwrap();
        out.insert(t, n[0].parse().unwrap());
    }
    out
}

/// A sample of records through the modules' own reads, as JSON.
async fn sample(store: &Store) -> serde_json::Value {
    let all = Scope::all();
    let q = ListQuery::default();
    serde_json::json!({
        "units": store.list::<huoyan_domain::Unit>(&all, &q).await.unwrap().items,
        "vehicles": store.list::<huoyan_domain::Vehicle>(&all, &q).await.unwrap().items,
        // By SQL over the old columns, as for devices below: incidents 2 (`intake_questions`)
        // adds the number and the intake's questions.
        "incidents": store
            .admin_strings(
                "SELECT CAST(id AS TEXT) || '|' || category || '|' || address || '|' || status || '|' || reported_at \
                 FROM incidents ORDER BY id",
            )
            .await
            .unwrap(),
        "preplans": Incidents(store).list_preplans(&all, Some(10), Some(0)).await.unwrap().items,
        "alarms": Monitoring(store).list_alarms(&all, &Default::default()).await.unwrap().items,
        // By SQL over the columns the old store had: the program's own read also reads the
        // columns of migrations made after the module layout (monitoring 7, `device_sources`),
        // which an old store gets only from the upgrade.
        "devices": store
            .admin_strings(
                "SELECT CAST(id AS TEXT) || '|' || address || '|' || name || '|' || kind || '|' || \
                 COALESCE(last_seen_at, '') || '|' || CAST(online AS TEXT) FROM devices ORDER BY id",
            )
            .await
            .unwrap(),
        "frames": Monitoring(store).frames_after(0, 10).await.unwrap().len(),
        "jurisdictions": store.list_jurisdictions(&all, true).await.unwrap(),
    })
}

async fn upgrades_in_place(store: &Store) {
    migrate_the_old_way(store).await;
    fill(store).await;
    let before = counts(store).await;
    let sample_before = sample(store).await;
    for t in ["units", "alarm_frames", "alarms", "devices", "incidents", "incident_events", "preplans", "audit_log"] {
        assert!(before[t] > 0, "the old store has {t}: {before:?}");
    }

    // Migrations made after the module layout (in no version of the old list: monitoring 7,
    // `device_sources`, onwards) are new to the old store: pending, and run by the upgrade.
    let backend = store.backend();
    let newer: Vec<(String, i64)> = MODULES
        .iter()
        .flat_map(|s| s.migrations.iter().map(move |m| (s.module.to_string(), m.version)))
        .filter(|(module, v)| !LEGACY.iter().any(|(b, _, lm, lv)| *b == backend && *lm == module.as_str() && lv == v))
        .collect();
    assert!(newer.contains(&("monitoring".into(), 7)), "{newer:?}");
    // `huoyan migrate --status` before the first run shows the old records as applied.
    let pending: Vec<_> =
        store.migration_status_with(MODULES).await.unwrap().into_iter().filter(|m| m.applied_at.is_none()).collect();
    let expected_pending = if store.backend() == Backend::Postgres { 1 } else { 0 } + newer.len();
    assert_eq!(pending.len(), expected_pending, "{pending:?}");

    let applied = store.migrate_with(MODULES).await.unwrap();
    // Nothing of the old list runs again but the kernel's PostgreSQL placeholder for SQLite's
    // R*Tree migration; the newer migrations run once.
    let mut expected: Vec<(String, i64)> =
        if store.backend() == Backend::Postgres { vec![("kernel".into(), 2)] } else { vec![] };
    expected.extend(newer);
    assert_eq!(applied, expected);
    let mut after = counts(store).await;
    assert_eq!(after.remove("incident_numbers"), Some(1), "one year's counter, made by the upgrade");
    assert_eq!(after, before, "every table keeps every row");
    assert_eq!(sample(store).await, sample_before, "the records read back the same");

    let status = store.migration_status_with(MODULES).await.unwrap();
    assert!(status.iter().all(|m| m.applied_at.is_some()), "{status:?}");
    // The old records keep their dates; the old table tells an older binary to stop.
    let old = status.iter().find(|m| m.module == "incidents" && m.version == 1).unwrap();
    assert_eq!(old.applied_at.as_deref(), Some("2026-12-01T00:00:00.000Z"));
    let sentinel = store
        .admin_strings(&format!("SELECT name FROM huoyan_migrations WHERE version = {LEGACY_SENTINEL}"))
        .await
        .unwrap();
    assert_eq!(sentinel.len(), 1);
    assert_eq!(store.migrate_with(MODULES).await.unwrap(), Vec::<(String, i64)>::new(), "a second run applies nothing");

    // The store works as a new one: an incident is taken in after the upgrade.
    let sys = Principal::system();
    let n = huoyan_incidents::store::incidents::NewIncident::new(
        huoyan_domain::incident::IncidentCategory::Rescue,
        0.51,
        0.3,
        "升级后",
    );
    let new = Incidents(store).create_incident(&sys, n).await.unwrap();
    // The old incidents got readable numbers in intake order; the new one the next of its year.
    let old = Incidents(store).list_incidents(&Scope::all(), &Default::default()).await.unwrap().items;
    let mut numbers: Vec<(i64, String)> = old.iter().map(|i| (i.id, i.number.clone())).collect();
    numbers.sort();
    let n_old = before["incidents"];
    let year = huoyan_incidents::rules::number_year(chrono::Utc::now());
    for (k, (_, number)) in numbers.iter().take(n_old as usize).enumerate() {
        assert!(number.ends_with(&format!("-{:06}", k + 1)), "{numbers:?}");
    }
    if numbers.iter().take(n_old as usize).all(|(_, n)| n.starts_with(&year.to_string())) {
        assert_eq!(new.number, huoyan_incidents::rules::incident_number(year, n_old + 1));
    }
}

/// A store whose old list has a version this program never had is refused, and nothing is copied.
async fn refuses_a_newer_old_list(store: &Store) {
    migrate_the_old_way(store).await;
    store
        .execute_admin("INSERT INTO huoyan_migrations (version, name, checksum, applied_at) VALUES (77, 'x', 'y', 'z')")
        .await
        .unwrap();
    match store.migrate_with(MODULES).await {
        Err(StoreError::Migration(m)) => assert!(m.contains("77") && m.contains("newer"), "{m}"),
        other => panic!("expected a refusal, got {other:?}"),
    }
    let copied = store.admin_strings("SELECT module FROM huoyan_schema_migrations").await.unwrap();
    assert!(copied.is_empty(), "nothing copied: {copied:?}");
}

async fn on_sqlite(story: impl AsyncFnOnce(&Store)) {
    let dir = tempfile::tempdir().unwrap();
    let cfg = StoreConfig {
        url: format!("sqlite://{}?mode=rwc", dir.path().join("huoyan.db").display()),
        pg_schema: None,
        max_connections: 4,
    };
    let store = Store::connect(&cfg).await.unwrap();
    story(&store).await;
    store.close().await;
}

async fn on_postgres(prefix: &str, story: impl AsyncFnOnce(&Store)) {
    let Some(url) = std::env::var("HUOYAN_TEST_PG_URL").ok().filter(|u| !u.is_empty()) else {
        eprintln!("HUOYAN_TEST_PG_URL not set: PostgreSQL variant skipped");
        return;
    };
    let nanos =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.subsec_nanos()).unwrap_or(0);
    let schema = format!("{prefix}_{}_{}", std::process::id(), nanos % 100_000);
    let store = Store::connect(&StoreConfig { url: url.clone(), pg_schema: Some(schema.clone()), max_connections: 4 })
        .await
        .unwrap();
    story(&store).await;
    store.close().await;
    let admin = Store::connect(&StoreConfig { url, pg_schema: None, max_connections: 1 }).await.unwrap();
    admin.execute_admin(&format!("DROP SCHEMA {schema} CASCADE")).await.unwrap();
    admin.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_sqlite_store_upgrades_in_place() {
    on_sqlite(upgrades_in_place).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_postgres_store_upgrades_in_place() {
    on_postgres("huoyan_upgrade", upgrades_in_place).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_old_list_from_a_newer_program_is_refused() {
    on_sqlite(refuses_a_newer_old_list).await;
    on_postgres("huoyan_upgrade_newer", refuses_a_newer_old_list).await;
}
