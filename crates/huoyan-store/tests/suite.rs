//! The storage suite: the same stories on SQLite and (when `HUOYAN_TEST_PG_URL` is set) PostgreSQL.

use common::TestStore;
use geojson::{Geometry, Value};
use huoyan_domain::account::{Principal, UserInput};
use huoyan_domain::geometry::BBox;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::*;
use huoyan_store::on_both;
use huoyan_store::testkit as common;
use huoyan_store::{ListQuery, Scope, SortKey, StoreError};

fn square(lon0: f64, lat0: f64, d: f64) -> Geometry {
    Geometry::new(Value::Polygon(vec![vec![
        vec![lon0, lat0],
        vec![lon0 + d, lat0],
        vec![lon0 + d, lat0 + d],
        vec![lon0, lat0 + d],
        vec![lon0, lat0],
    ]]))
}

fn node(parent: Option<i64>, level: JurisdictionLevel, name: &str, boundary: Option<Geometry>) -> Jurisdiction {
    Jurisdiction { id: 0, parent_id: parent, level, name: name.into(), code: None, boundary, path: String::new() }
}

fn station(name: &str, lon: f64, lat: f64) -> Station {
    serde_json::from_value(serde_json::json!({"name": name, "kind": "level1", "lon": lon, "lat": lat})).unwrap()
}

fn hydrant(code: &str, lon: f64, lat: f64, status: WaterStatus) -> WaterSource {
    let mut w: WaterSource =
        serde_json::from_value(serde_json::json!({"kind": "hydrant_above", "lon": lon, "lat": lat})).unwrap();
    w.code = Some(code.into());
    w.status = status;
    w
}

fn unit(name: &str, lon: f64, lat: f64, cat: UseCategory, area: f64) -> Unit {
    let mut u: Unit =
        serde_json::from_value(serde_json::json!({"name": name, "lon": lon, "lat": lat, "use_category": cat.code()}))
            .unwrap();
    u.metrics.building_area_m2 = Some(area);
    u.metrics.combustible_goods = Some(true);
    u
}

/// A city with two townships side by side: west [0,1]×[0,1] and east [1,2]×[0,1].
struct Tree {
    city: Jurisdiction,
    west: Jurisdiction,
    east: Jurisdiction,
}

async fn tree(s: &TestStore) -> Tree {
    let sys = Principal::system();
    let city = s
        .create_jurisdiction(&sys, node(None, JurisdictionLevel::City, "测试市", Some(square(0.0, 0.0, 2.0))))
        .await
        .unwrap();
    let west = s
        .create_jurisdiction(
            &sys,
            node(Some(city.id), JurisdictionLevel::Township, "西街道", Some(square(0.0, 0.0, 1.0))),
        )
        .await
        .unwrap();
    let east = s
        .create_jurisdiction(
            &sys,
            node(Some(city.id), JurisdictionLevel::Township, "东街道", Some(square(1.0, 0.0, 1.0))),
        )
        .await
        .unwrap();
    Tree { city, west, east }
}

fn principal(role: Role, j: &Jurisdiction, unit: Option<i64>) -> Principal {
    Principal {
        user_id: 99,
        username: "t".into(),
        role,
        jurisdiction_id: j.id,
        jurisdiction_path: j.path.clone(),
        unit_id: unit,
    }
}

async fn migrations_are_recorded_and_idempotent(s: &TestStore) {
    let status = s.migration_status().await.unwrap();
    assert!(status.iter().all(|m| m.applied_at.is_some()), "{status:?}");
    assert_eq!(s.migrate().await.unwrap(), Vec::<(String, i64)>::new(), "a second migrate applies nothing");
}
on_both!(migrations, migrations_are_recorded_and_idempotent);

async fn jurisdiction_tree_and_paths(s: &TestStore) {
    let t = tree(s).await;
    assert_eq!(t.west.path, format!("/{}/{}/", t.city.id, t.west.id));
    let sys = Principal::system();
    // A county cannot sit under a township.
    let err =
        s.create_jurisdiction(&sys, node(Some(t.west.id), JurisdictionLevel::County, "x", None)).await.unwrap_err();
    assert!(matches!(err, StoreError::Invalid(ref e) if e[0].field == "level"), "{err}");
    // A township officer sees its own subtree only, and cannot create roots or nodes elsewhere.
    let officer = principal(Role::Township, &t.west, None);
    let seen = s.list_jurisdictions(&Scope::from(&officer), false).await.unwrap();
    assert_eq!(seen.iter().map(|j| j.id).collect::<Vec<_>>(), vec![t.west.id]);
    assert!(matches!(s.get_jurisdiction(&Scope::from(&officer), t.east.id).await, Err(StoreError::NotFound { .. })));
    let admin = principal(Role::Admin, &t.west, None);
    assert!(matches!(
        s.create_jurisdiction(&admin, node(Some(t.east.id), JurisdictionLevel::Village, "x", None)).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        s.create_jurisdiction(&admin, node(None, JurisdictionLevel::City, "x", None)).await,
        Err(StoreError::Forbidden(_))
    ));
    let village =
        s.create_jurisdiction(&admin, node(Some(t.west.id), JurisdictionLevel::Village, "某社区", None)).await.unwrap();
    assert!(village.path.starts_with(&t.west.path));
    // A node with records cannot be deleted; an empty one can.
    s.insert(&Principal::system(), station("西站", 0.5, 0.5)).await.unwrap();
    assert!(matches!(s.delete_jurisdiction(&Principal::system(), t.west.id).await, Err(StoreError::Conflict(_))));
    s.delete_jurisdiction(&admin, village.id).await.unwrap();
}
on_both!(jurisdictions, jurisdiction_tree_and_paths);

async fn records_round_trip_with_audit(s: &TestStore) {
    let t = tree(s).await;
    let sys = Principal::system();
    let st = s.insert(&sys, station("一号站", 1.5, 0.5)).await.unwrap();
    assert!(st.id > 0);
    assert_eq!(st.jurisdiction_id, t.east.id, "assigned by location to the deepest node");
    let got: Station = s.get(&Scope::all(), st.id).await.unwrap();
    assert_eq!(got, st);
    let mut changed = got.clone();
    changed.status = StationStatus::Reduced;
    changed.duty_strength = 17;
    let after = s.update(&sys, st.id, changed).await.unwrap();
    assert_eq!(after.duty_strength, 17);
    let log = s.audit_log(&Scope::all(), Some("stations"), Some(st.id), 10).await.unwrap();
    assert_eq!(log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(), ["update", "create"]);
    assert_eq!(log[0].before.as_ref().unwrap()["duty_strength"], 0);
    assert_eq!(log[0].after.as_ref().unwrap()["duty_strength"], 17);
    // Vehicles inherit the station's jurisdiction; a missing station is refused.
    let v: Vehicle = serde_json::from_value(serde_json::json!({"station_id": st.id, "name": "水罐1", "family": "灭火消防车", "vehicle_type": "水罐消防车", "seats": 6})).unwrap();
    let v = s.insert(&sys, v).await.unwrap();
    assert_eq!(v.jurisdiction_id, t.east.id);
    let mut orphan = v.clone();
    orphan.station_id = 999_999;
    assert!(matches!(s.insert(&sys, orphan).await, Err(StoreError::Invalid(ref e)) if e[0].field == "station_id"));
    // A station with vehicles cannot be deleted.
    assert!(matches!(s.delete::<Station>(&sys, st.id).await, Err(StoreError::Conflict(_))));
    s.delete::<Vehicle>(&sys, v.id).await.unwrap();
    s.delete::<Station>(&sys, st.id).await.unwrap();
    assert!(matches!(s.get::<Station>(&Scope::all(), st.id).await, Err(StoreError::NotFound { .. })));
    // The audit log is append-only.
    assert!(s.execute_admin("UPDATE audit_log SET username = 'x'").await.is_err());
    assert!(s.execute_admin("DELETE FROM audit_log").await.is_err());
}
on_both!(records, records_round_trip_with_audit);

async fn invalid_writes_leave_nothing(s: &TestStore) {
    tree(s).await;
    let sys = Principal::system();
    let before = s.audit_log(&Scope::all(), None, None, 1000).await.unwrap().len();
    let bad = station("", 500.0, 0.5);
    let err = s.insert(&sys, bad).await.unwrap_err();
    let StoreError::Invalid(fields) = err else { panic!("{err}") };
    assert_eq!(fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), ["name", "lon"]);
    let mut bad_unit = unit("坏代码", 0.5, 0.5, UseCategory::Shop, 100.0);
    bad_unit.uscc = Some("91350100M000100Y44".into());
    assert!(matches!(s.insert(&sys, bad_unit).await, Err(StoreError::Invalid(_))));
    assert_eq!(s.list::<Station>(&Scope::all(), &ListQuery::default()).await.unwrap().total, 0);
    assert_eq!(s.list::<Unit>(&Scope::all(), &ListQuery::default()).await.unwrap().total, 0);
    assert_eq!(s.audit_log(&Scope::all(), None, None, 1000).await.unwrap().len(), before);
}
on_both!(invalid, invalid_writes_leave_nothing);

async fn lists_filter_page_and_scope(s: &TestStore) {
    let t = tree(s).await;
    let sys = Principal::system();
    for i in 0..30 {
        let lon = if i % 2 == 0 { 0.25 + i as f64 * 0.01 } else { 1.25 + i as f64 * 0.01 };
        let status = if i % 3 == 0 { WaterStatus::Damaged } else { WaterStatus::Intact };
        s.insert(&sys, hydrant(&format!("H{i:03}"), lon, 0.5, status)).await.unwrap();
    }
    let all = Scope::all();
    let page = s
        .list::<WaterSource>(&all, &ListQuery { limit: Some(7), offset: Some(7), ..Default::default() })
        .await
        .unwrap();
    assert_eq!((page.total, page.items.len(), page.items[0].code.as_deref()), (30, 7, Some("H007")));
    let damaged = s
        .list::<WaterSource>(&all, &ListQuery { statuses: vec!["damaged".into()], ..Default::default() })
        .await
        .unwrap();
    assert_eq!(damaged.total, 10);
    let q = s.list::<WaterSource>(&all, &ListQuery { q: Some("h02".into()), ..Default::default() }).await.unwrap();
    assert_eq!(q.total, 10, "H020–H029, case-insensitive");
    let boxed = s
        .list::<WaterSource>(&all, &ListQuery { bbox: Some(BBox::parse("0,0,1,1").unwrap()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(boxed.total, 15);
    let desc = s
        .list::<WaterSource>(&all, &ListQuery { sort: SortKey::IdDesc, limit: Some(1), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(desc.items[0].code.as_deref(), Some("H029"));
    // A township officer of the west sees the west's 15 only, and cannot read the east's by id.
    let west = principal(Role::Township, &t.west, None);
    let seen = s.list::<WaterSource>(&Scope::from(&west), &ListQuery::default()).await.unwrap();
    assert_eq!(seen.total, 15);
    assert!(seen.items.iter().all(|w| w.jurisdiction_id == t.west.id));
    let east_one = s
        .list::<WaterSource>(
            &all,
            &ListQuery { jurisdiction_id: Some(t.east.id), limit: Some(1), ..Default::default() },
        )
        .await
        .unwrap();
    assert!(matches!(
        s.get::<WaterSource>(&Scope::from(&west), east_one.items[0].id).await,
        Err(StoreError::NotFound { .. })
    ));
    // … nor write into the east.
    let inspector = principal(Role::Inspector, &t.west, None);
    assert!(matches!(
        s.insert(&inspector, hydrant("X", 1.5, 0.5, WaterStatus::Intact)).await,
        Err(StoreError::Forbidden(_))
    ));
    let mut moved = seen.items[0].clone();
    moved.jurisdiction_id = t.east.id;
    assert!(matches!(s.update(&inspector, moved.id, moved).await, Err(StoreError::Forbidden(_))));
}
on_both!(lists, lists_filter_page_and_scope);

async fn units_are_classified_and_unit_managers_confined(s: &TestStore) {
    let t = tree(s).await;
    let sys = Principal::system();
    let mut mall = unit("大商场", 0.5, 0.5, UseCategory::Mall, 12_000.0);
    mall.uscc = Some("91350100M000100Y43".into());
    mall.classes = vec![UnitClass::NineSmall]; // ignored: classes are derived
    let mall = s.insert(&sys, mall).await.unwrap();
    assert_eq!(mall.classes, vec![UnitClass::KeyUnit, UnitClass::HighRisk]);
    assert!(mall.class_reasons.iter().any(|r| r.source.contains("97号")));
    let shop = s.insert(&sys, unit("小卖部", 0.6, 0.5, UseCategory::Shop, 80.0)).await.unwrap();
    assert_eq!(shop.classes, vec![UnitClass::NineSmall]);
    let by_class = s
        .list::<Unit>(&Scope::all(), &ListQuery { class: Some("high_risk".into()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(by_class.items.iter().map(|u| u.id).collect::<Vec<_>>(), vec![mall.id]);
    // The credit code is unique.
    let mut dup = unit("同码单位", 0.7, 0.5, UseCategory::Shop, 50.0);
    dup.uscc = mall.uscc.clone();
    assert!(matches!(s.insert(&sys, dup).await, Err(StoreError::Conflict(_))));
    // A unit manager sees its unit and nothing else.
    let mgr = principal(Role::UnitManager, &t.west, Some(shop.id));
    let mine = s.list::<Unit>(&Scope::from(&mgr), &ListQuery::default()).await.unwrap();
    assert_eq!(mine.items.iter().map(|u| u.id).collect::<Vec<_>>(), vec![shop.id]);
    assert!(matches!(s.get::<Unit>(&Scope::from(&mgr), mall.id).await, Err(StoreError::NotFound { .. })));
    assert!(matches!(
        s.list::<WaterSource>(&Scope::from(&mgr), &ListQuery::default()).await,
        Err(StoreError::Forbidden(_))
    ));
    assert!(matches!(
        s.insert(&mgr, unit("新单位", 0.5, 0.5, UseCategory::Shop, 1.0)).await,
        Err(StoreError::Forbidden(_))
    ));
    let mut grown = shop.clone();
    grown.metrics.building_area_m2 = Some(1500.0);
    // The metrics decide the unit's class: its manager may not change them, the brigade may.
    assert!(matches!(
        s.update(&mgr, shop.id, grown.clone()).await,
        Err(StoreError::Forbidden(r)) if r.detail.as_ref().is_some_and(|d| d.code == "field_locked")
    ));
    let grown = s.update(&sys, shop.id, grown).await.unwrap();
    assert_eq!(grown.classes, vec![UnitClass::KeyUnit], "reclassified on update");
    // A province's own rule set, loaded later, reclassifies existing units.
    let mut province = RuleSet::national_baseline();
    province.id = "test-province-2024".into();
    province.effective_from = "2024-01-01".into();
    for r in &mut province.rules {
        if r.id == "key.mall" {
            r.all[0].value = serde_json::json!(3000);
        }
    }
    let changed = s.load_rule_set(&sys, province).await.unwrap();
    assert_eq!(changed, 2, "both key units now cite the province's rules");
    assert_eq!(s.rules().id, "test-province-2024");
    let shop: Unit = s.get(&Scope::all(), shop.id).await.unwrap();
    assert!(shop.classes.is_empty(), "the 1500 m² shop is no longer a key unit: {:?}", shop.classes);
    let mall: Unit = s.get(&Scope::all(), mall.id).await.unwrap();
    assert!(mall.class_reasons.iter().all(|r| r.rule.starts_with("test-province-2024/")));
}
on_both!(units, units_are_classified_and_unit_managers_confined);

async fn accounts_sessions_and_scope(s: &TestStore) {
    let t = tree(s).await;
    let sys = Principal::system();
    let input = |name: &str, role: Role, j: i64| UserInput {
        username: name.into(),
        display_name: "测试".into(),
        role,
        jurisdiction_id: j,
        unit_id: None,
        password: Some("correct horse".into()),
        disabled: false,
    };
    let admin = s.create_user(&sys, input("admin", Role::Admin, t.city.id)).await.unwrap();
    assert!(matches!(s.create_user(&sys, input("admin", Role::Leader, t.city.id)).await, Err(StoreError::Conflict(_))));
    let (token, user) = s.login("admin", "correct horse").await.unwrap();
    assert_eq!(user.id, admin.id);
    let p = s.authenticate(&token).await.unwrap().expect("valid token");
    assert_eq!((p.role, p.jurisdiction_path.as_str()), (Role::Admin, t.city.path.as_str()));
    assert!(matches!(s.login("admin", "wrong password").await, Err(StoreError::BadCredentials)));
    assert!(matches!(s.login("nobody", "correct horse").await, Err(StoreError::BadCredentials)));
    assert!(s.authenticate("not-a-token").await.unwrap().is_none());
    // A west admin cannot create accounts in the east.
    let west_admin = principal(Role::Admin, &t.west, None);
    let r = s.create_user(&west_admin, input("east1", Role::Inspector, t.east.id)).await;
    assert!(matches!(r, Err(StoreError::Forbidden(_))), "{r:?}");
    let w1 = s.create_user(&west_admin, input("west1", Role::Inspector, t.west.id)).await.unwrap();
    assert_eq!(s.list_users(&Scope::from(&west_admin)).await.unwrap().len(), 1);
    // Disabling ends sessions.
    let (tok_w1, _) = s.login("west1", "correct horse").await.unwrap();
    let mut change = input("west1", Role::Inspector, t.west.id);
    change.password = None;
    change.disabled = true;
    s.update_user(&west_admin, w1.id, change).await.unwrap();
    assert!(s.authenticate(&tok_w1).await.unwrap().is_none());
    assert!(matches!(s.login("west1", "correct horse").await, Err(StoreError::BadCredentials)));
    s.logout(&token).await.unwrap();
    assert!(s.authenticate(&token).await.unwrap().is_none());
    // Password hashes are argon2id and never the password.
    s.set_password(&sys, "admin", "another secret").await.unwrap();
    assert!(s.login("admin", "another secret").await.is_ok());
}
on_both!(accounts, accounts_sessions_and_scope);

async fn bulk_import_is_all_or_nothing(s: &TestStore) {
    let t = tree(s).await;
    let sys = Principal::system();
    let mut imp = s.begin_import(&sys).await.unwrap();
    let ids = imp
        .records(vec![
            hydrant("A", 0.5, 0.5, WaterStatus::Intact),
            hydrant("B", 500.0, 0.5, WaterStatus::Intact),
            hydrant("C", 1.5, 0.5, WaterStatus::Intact),
        ])
        .await
        .unwrap();
    assert!(ids[0].is_some() && ids[1].is_none() && ids[2].is_some());
    assert_eq!(imp.refused.len(), 1);
    assert!(imp.refused[0].reason.contains("lon"));
    imp.rollback().await.unwrap();
    assert_eq!(s.list::<WaterSource>(&Scope::all(), &ListQuery::default()).await.unwrap().total, 0, "rolled back");
    let mut imp = s.begin_import(&sys).await.unwrap();
    imp.records(vec![hydrant("A", 0.5, 0.5, WaterStatus::Intact), hydrant("C", 1.5, 0.5, WaterStatus::Intact)])
        .await
        .unwrap();
    imp.commit("test", &serde_json::json!({})).await.unwrap();
    let east = s
        .list::<WaterSource>(&Scope::all(), &ListQuery { jurisdiction_id: Some(t.east.id), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(east.items.iter().map(|w| w.code.clone().unwrap()).collect::<Vec<_>>(), ["C"]);
    let stats = s.stats(&Scope::all()).await.unwrap();
    assert_eq!((stats.water_sources, stats.jurisdictions), (2, 3));
    let log = s.audit_log(&Scope::all(), Some("import"), None, 10).await.unwrap();
    assert_eq!(log.len(), 1);
}
on_both!(bulk_import, bulk_import_is_all_or_nothing);

async fn roads_sum_to_km(s: &TestStore) {
    tree(s).await;
    let road: Road = serde_json::from_value(serde_json::json!({
        "name": "测试路", "class": "primary", "length_m": 1234.5,
        "geometry": {"type": "LineString", "coordinates": [[0.1, 0.1], [0.2, 0.1]]}
    }))
    .unwrap();
    s.insert(&Principal::system(), road.clone()).await.unwrap();
    s.insert(&Principal::system(), road).await.unwrap();
    let stats = s.stats(&Scope::all()).await.unwrap();
    assert_eq!(stats.roads, 2);
    assert!((stats.road_km - 2.469).abs() < 1e-9, "{}", stats.road_km);
}
on_both!(roads, roads_sum_to_km);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_backup_while_writing() {
    let s = common::sqlite().await;
    tree(&s).await;
    let writer = {
        let store = s.store.clone();
        tokio::spawn(async move {
            for i in 0..200 {
                store
                    .insert(&Principal::system(), hydrant(&format!("W{i}"), 0.5, 0.5, WaterStatus::Intact))
                    .await
                    .unwrap();
            }
        })
    };
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("copy.db");
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    let bytes = s.backup_to(&dest).await.unwrap();
    assert!(bytes > 0);
    writer.await.unwrap();
    let copy = huoyan_store::Store::open_dir(&{
        let d = dir.path().join("restored");
        std::fs::create_dir_all(&d).unwrap();
        std::fs::copy(&dest, d.join("huoyan.db")).unwrap();
        d
    })
    .await
    .unwrap();
    let n = copy.list::<WaterSource>(&Scope::all(), &ListQuery::default()).await.unwrap().total;
    assert!((0..=200).contains(&n), "a consistent snapshot holds a prefix of the writes: {n}");
    assert!(s.backup_to(&dest).await.is_err(), "refuses to overwrite");
}

/// Regression: on one connection (so every statement comes from the cache), rows with and without
/// a bounding box or measure alternate in the same tables. sqlx's `Any` driver once bound a null
/// float as FLOAT4, and PostgreSQL then refused the next real value.
async fn nulls_and_values_alternate_on_one_connection(s: &TestStore) {
    let one = match s.backend() {
        huoyan_store::Backend::Sqlite => return,
        huoyan_store::Backend::Postgres => s,
    };
    let sys = Principal::system();
    let root = one.create_jurisdiction(&sys, node(None, JurisdictionLevel::City, "无边界市", None)).await.unwrap();
    let a = one
        .create_jurisdiction(
            &sys,
            node(Some(root.id), JurisdictionLevel::Township, "有边界", Some(square(0.0, 0.0, 1.0))),
        )
        .await
        .unwrap();
    one.create_jurisdiction(&sys, node(Some(root.id), JurisdictionLevel::Township, "又无边界", None)).await.unwrap();
    one.update_jurisdiction(&sys, a.id, node(Some(root.id), JurisdictionLevel::Township, "改名", None)).await.unwrap();
    let st = one.insert(&sys, station("站", 0.5, 0.5)).await.unwrap();
    let v: Vehicle = serde_json::from_value(
        serde_json::json!({"station_id": st.id, "name": "车", "family": "firefighting", "vehicle_type": "水罐消防车"}),
    )
    .unwrap();
    one.insert(&sys, v).await.unwrap();
    for with_building in [false, true, false] {
        let mut u = unit(&format!("单位{with_building}"), 0.5, 0.5, UseCategory::Shop, 50.0);
        if with_building {
            let b: Building = serde_json::from_value(serde_json::json!({"footprint": {"type": "Polygon", "coordinates": [[[0.1, 0.1], [0.2, 0.1], [0.2, 0.2], [0.1, 0.1]]]}})).unwrap();
            u.building_id = Some(one.insert(&sys, b).await.unwrap().id);
        }
        one.insert(&sys, u).await.unwrap();
    }
    let j = one.get_jurisdiction(&Scope::all(), a.id).await.unwrap();
    assert!(j.boundary.is_none());
}
on_both!(null_floats, nulls_and_values_alternate_on_one_connection);
