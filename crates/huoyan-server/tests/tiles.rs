//! The vector tiles over HTTP: a tile over the fixture's west township decodes (a small protobuf
//! reader below) into the expected layers and features with coordinates in range; ETag → 304;
//! 401 without a login, the session cookie accepted; 400 for bad paths, 404 beyond the zoom's grid; 204 for empty tiles; gzip;
//! the cache emptied when a road changes; `/api/v1/map/config`; and the same tile on PostgreSQL
//! when `HUOYAN_TEST_PG_URL` is set.

mod common;

use huoyan_domain::account::{Principal, UserInput};
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_domain::*;
use huoyan_server::{AppState, ServerConfig};
use huoyan_store::{Store, StoreConfig};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// The tile holding the west township's road (0.5,0.3 → 0.501,0.3) at z14.
const WEST: &str = "/tiles/14/8214/8178.mvt";

#[derive(Debug, Default)]
struct Layer {
    name: String,
    keys: Vec<String>,
    values: Vec<String>,
    /// (id, tags, type, geometry)
    features: Vec<(u64, Vec<u64>, u64, Vec<u64>)>,
}

fn varint(b: &mut &[u8]) -> u64 {
    let mut v = 0;
    for shift in (0..64).step_by(7) {
        let byte = b[0];
        *b = &b[1..];
        v |= ((byte & 0x7f) as u64) << shift;
        if byte & 0x80 == 0 {
            break;
        }
    }
    v
}

fn chunk<'a>(b: &mut &'a [u8]) -> &'a [u8] {
    let n = varint(b) as usize;
    let (c, rest) = b.split_at(n);
    *b = rest;
    c
}

fn packed(mut b: &[u8]) -> Vec<u64> {
    let mut out = vec![];
    while !b.is_empty() {
        out.push(varint(&mut b));
    }
    out
}

/// Decodes a tile; values are shown as text (strings as is, integers in decimal).
fn decode(mut b: &[u8]) -> Vec<Layer> {
    let mut layers = vec![];
    while !b.is_empty() {
        assert_eq!(varint(&mut b), (3 << 3) | 2);
        let mut l = chunk(&mut b);
        let mut layer = Layer::default();
        while !l.is_empty() {
            let key = varint(&mut l);
            match (key >> 3, key & 7) {
                (15, 0) => assert_eq!(varint(&mut l), 2),
                (5, 0) => assert_eq!(varint(&mut l), 4096),
                (1, 2) => layer.name = String::from_utf8(chunk(&mut l).to_vec()).unwrap(),
                (3, 2) => layer.keys.push(String::from_utf8(chunk(&mut l).to_vec()).unwrap()),
                (4, 2) => {
                    let mut v = chunk(&mut l);
                    let k = varint(&mut v);
                    layer.values.push(match k {
                        0x0a => String::from_utf8(chunk(&mut v).to_vec()).unwrap(),
                        0x28 => varint(&mut v).to_string(),
                        0x30 => {
                            let z = varint(&mut v);
                            (((z >> 1) as i64) ^ -((z & 1) as i64)).to_string()
                        }
                        other => panic!("value field {other:#x}"),
                    });
                }
                (2, 2) => {
                    let mut f = chunk(&mut l);
                    let mut feat = (0, vec![], 0, vec![]);
                    while !f.is_empty() {
                        let key = varint(&mut f);
                        match key >> 3 {
                            1 => feat.0 = varint(&mut f),
                            2 => feat.1 = packed(chunk(&mut f)),
                            3 => feat.2 = varint(&mut f),
                            4 => feat.3 = packed(chunk(&mut f)),
                            other => panic!("feature field {other}"),
                        }
                    }
                    layer.features.push(feat);
                }
                other => panic!("layer field {other:?}"),
            }
        }
        layers.push(layer);
    }
    layers
}

/// The absolute vertices of a command stream.
fn vertices(cmds: &[u64]) -> Vec<[i64; 2]> {
    let (mut x, mut y, mut i, mut out) = (0i64, 0i64, 0, vec![]);
    let unzig = |v: u64| ((v >> 1) as i64) ^ -((v & 1) as i64);
    while i < cmds.len() {
        let (id, count) = (cmds[i] & 7, cmds[i] >> 3);
        i += 1;
        if id == 7 {
            continue;
        }
        for _ in 0..count {
            x += unzig(cmds[i]);
            y += unzig(cmds[i + 1]);
            i += 2;
            out.push([x, y]);
        }
    }
    out
}

/// A property of a feature, as text.
fn prop(l: &Layer, f: usize, key: &str) -> Option<String> {
    let tags = &l.features[f].1;
    tags.chunks(2).find(|t| l.keys[t[0] as usize] == key).map(|t| l.values[t[1] as usize].clone())
}

async fn get(f: &common::Fixture, path: &str, user: Option<&str>) -> reqwest::Response {
    f.req(Method::GET, path, user).send().await.unwrap()
}

async fn tile(f: &common::Fixture, path: &str) -> Vec<Layer> {
    let r = get(f, path, Some("admin")).await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/vnd.mapbox-vector-tile");
    decode(&r.bytes().await.unwrap())
}

fn check_west_tile(layers: &[Layer], road_name: &str) {
    let names: Vec<&str> = layers.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["roads", "boundaries"], "no buildings here, no water in the store");
    for l in layers {
        for (_, _, _, g) in &l.features {
            for [x, y] in vertices(g) {
                assert!((-64..=4160).contains(&x) && (-64..=4160).contains(&y), "{} {x},{y}", l.name);
            }
        }
    }
    let roads = &layers[0];
    assert_eq!(roads.features.len(), 1);
    assert_eq!(roads.features[0].2, 2, "a line");
    assert_eq!(prop(roads, 0, "class").as_deref(), Some("primary"));
    assert_eq!(prop(roads, 0, "name").as_deref(), Some(road_name));
    assert_eq!(prop(roads, 0, "oneway").as_deref(), Some("0"));
    // 0.5,0.3 → 0.501,0.3 lies at x ≈ 3096 → 3283, y ≈ 1420 in this tile.
    let v = vertices(&roads.features[0].3);
    assert_eq!(v.len(), 2);
    assert!((v[0][0] - 3096).abs() <= 2 && (v[1][0] - 3283).abs() <= 2 && (v[0][1] - 1420).abs() <= 2, "{v:?}");
    let b = &layers[1];
    let mut names: Vec<String> = (0..b.features.len()).map(|i| prop(b, i, "name").unwrap()).collect();
    names.sort();
    assert_eq!(names, ["测试市", "西街道"]);
    assert!(b.features.iter().all(|f| f.2 == 3));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tiles_decode_revalidate_and_refuse_bad_requests() {
    let f = common::start().await;
    check_west_tile(&tile(&f, WEST).await, "西路");

    // ETag → 304 with no body; a different tag → 200.
    let r = get(&f, WEST, Some("admin")).await;
    let etag = r.headers()["etag"].to_str().unwrap().to_string();
    assert!(r.headers()["cache-control"].to_str().unwrap().starts_with("private, max-age="));
    let r = f.req(Method::GET, WEST, Some("inspector")).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(r.status(), 304);
    assert_eq!(r.headers()["etag"], etag.as_str());
    assert!(r.bytes().await.unwrap().is_empty());
    let r = f.req(Method::GET, WEST, Some("admin")).header("if-none-match", "W/\"other\"").send().await.unwrap();
    assert_eq!(r.status(), 200);

    // A login is needed; the console's session cookie is one.
    assert_eq!(get(&f, WEST, None).await.status(), 401);
    let r = f
        .http
        .get(f.url(WEST))
        .header("cookie", format!("huoyan_session={}", f.tokens["township"]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // A unit manager may not read the map.
    assert_eq!(get(&f, WEST, Some("unitmgr")).await.status(), 403);

    // gzip through the server's compression layer.
    let r = f.req(Method::GET, WEST, Some("admin")).header("accept-encoding", "gzip").send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers().get("content-encoding").map(|v| v.to_str().unwrap()), Some("gzip"));

    // Bad paths: 400 with the usual JSON error.
    for bad in [
        "/tiles/-1/0/0.mvt",
        "/tiles/14/-1/0.mvt",
        "/tiles/a/0/0.mvt",
        "/tiles/14/x/0.mvt",
        "/tiles/23/0/0.mvt",
        "/tiles/14/8214/8178",
        "/tiles/14/8214/8178.png",
        "/tiles/14/8214",
        "/tiles/14/8214/8178/1.mvt",
        "/tiles/99999999999999999999/0/0.mvt",
    ] {
        let r = get(&f, bad, Some("admin")).await;
        assert_eq!(r.status(), 400, "{bad}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"], "bad_request", "{bad}: {v}");
    }

    // Well-formed, but outside the zoom's grid: no such tile (404), as the document says.
    for none in ["/tiles/2/4/0.mvt", "/tiles/2/0/4.mvt", "/tiles/1/2812/1.mvt"] {
        let r = get(&f, none, Some("admin")).await;
        assert_eq!(r.status(), 404, "{none}");
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["error"], "not_found", "{none}: {v}");
    }

    // Empty tiles: nothing there, or a zoom without content.
    for empty in ["/tiles/14/0/0.mvt", "/tiles/5/16/15.mvt", "/tiles/22/0/0.mvt"] {
        let r = get(&f, empty, Some("admin")).await;
        assert_eq!(r.status(), 204, "{empty}");
        assert!(r.headers().get("etag").is_some());
    }
    // At z12 the road (primary) is drawn; at z10 too; a residential one only from z13.
    let r: Value = f.req(Method::POST, "/api/v1/roads", Some("admin")).json(&json!({"name": "西小巷", "class": "residential", "geometry": {"type": "LineString", "coordinates": [[0.5, 0.3005], [0.5005, 0.3005]]}})).send().await.unwrap().json().await.unwrap();
    assert!(r["id"].as_i64().is_some(), "{r}");
    let z12 = tile(&f, "/tiles/12/2053/2044.mvt").await;
    assert_eq!(z12[0].name, "roads");
    assert_eq!(z12[0].features.len(), 1, "residential roads are left out at z12");
    assert_eq!(tile(&f, WEST).await[0].features.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cache_follows_road_edits() {
    let f = common::start().await;
    let road = f.west.ids["roads"];
    let first = get(&f, WEST, Some("admin")).await;
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    // Cached: the same bytes again.
    let again = get(&f, WEST, Some("admin")).await;
    assert_eq!(again.headers()["etag"], etag.as_str());
    let r = f
        .req(Method::PATCH, &format!("/api/v1/roads/{road}"), Some("admin"))
        .json(&json!({"name": "西新路", "oneway": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = f.req(Method::GET, WEST, Some("admin")).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(r.status(), 200, "the old ETag no longer matches");
    let layers = decode(&r.bytes().await.unwrap());
    assert_eq!(prop(&layers[0], 0, "name").as_deref(), Some("西新路"));
    assert_eq!(prop(&layers[0], 0, "oneway").as_deref(), Some("1"));
    // A deleted road leaves the tile.
    let r = f.req(Method::DELETE, &format!("/api/v1/roads/{road}"), Some("admin")).send().await.unwrap();
    assert_eq!(r.status(), 204);
    let layers = tile(&f, WEST).await;
    assert_eq!(layers.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["boundaries"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn map_config_describes_the_tiles() {
    let f = common::start_with(ServerConfig {
        tile_url: "https://t0.example/{z}/{x}/{y}.png".into(),
        ..Default::default()
    })
    .await;
    let (s, v) = f.get_json("/api/v1/map/config", "admin").await;
    assert_eq!(s, 200, "{v}");
    assert_eq!(v["tiles"], "/tiles/{z}/{x}/{y}.mvt");
    assert_eq!((v["minzoom"].as_u64(), v["maxzoom"].as_u64()), (Some(10), Some(18)));
    let layers: Vec<&str> = v["layers"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(layers, ["water", "buildings", "roads", "boundaries"]);
    let roads = &v["layers"][2];
    assert!(
        roads["classes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["code"] == "service" && c["minzoom"] == 13 && c["zh"] == "内部道路"),
        "{roads}"
    );
    assert_eq!(v["external_raster"], "https://t0.example/{z}/{x}/{y}.png");
    assert_eq!(v["attribution"], "", "the fixture's records name no source");
    // The city's box for a city-wide account, the township's for the township officer.
    assert_eq!(v["bounds"], json!([0.0, 0.0, 2.0, 1.0]));
    assert_eq!(v["center"], json!([1.0, 0.5]));
    let (_, t) = f.get_json("/api/v1/map/config", "township").await;
    assert_eq!(t["bounds"], json!([0.0, 0.0, 1.0, 1.0]));
    assert_eq!(f.get_json("/api/v1/map/config", "unitmgr").await.0, 403);
    // An OSM-sourced road brings the OpenStreetMap credit.
    let r = f.req(Method::POST, "/api/v1/roads", Some("admin")).json(&json!({"name": "x", "class": "service", "source_ref": "osm:way/1", "geometry": {"type": "LineString", "coordinates": [[0.6, 0.3], [0.6005, 0.3]]}})).send().await.unwrap();
    assert_eq!(r.status(), 201);
    let (_, v) = f.get_json("/api/v1/map/config", "admin").await;
    assert!(v["attribution"].as_str().unwrap().contains("OpenStreetMap contributors"), "{v}");
    let (_, v) = common::start().await.get_json("/api/v1/map/config", "admin").await;
    assert_eq!(v["external_raster"], Value::Null);
}

/// The map's label glyphs: offered in the config and served from the console's build when it has
/// them (a missing range is a 404, not the console's page); not offered without them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn glyphs_are_served_from_the_console_build() {
    let web = tempfile::tempdir().unwrap();
    std::fs::write(web.path().join("index.html"), "<!doctype html><title>火眼</title>").unwrap();
    let f = common::start_with(ServerConfig { web_dir: web.path().display().to_string(), ..Default::default() }).await;
    let (_, v) = f.get_json("/api/v1/map/config", "admin").await;
    assert_eq!(v["glyphs"], Value::Null, "no glyphs built: no labels offered");
    let stack = web.path().join("glyphs/huoyan-sans");
    std::fs::create_dir_all(&stack).unwrap();
    let pbf = huoyan_tiles::glyphs::encode_range("huoyan-sans", 0, &[]);
    std::fs::write(stack.join("0-255.pbf"), &pbf).unwrap();
    let (_, v) = f.get_json("/api/v1/map/config", "admin").await;
    assert_eq!(
        (v["glyphs"].as_str(), v["fontstack"].as_str()),
        (Some("/glyphs/{fontstack}/{range}.pbf"), Some("huoyan-sans"))
    );
    let r = f.req(Method::GET, "/glyphs/huoyan-sans/0-255.pbf", None).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.bytes().await.unwrap().as_ref(), pbf.as_slice());
    for missing in ["/glyphs/huoyan-sans/256-511.pbf", "/glyphs/other/0-255.pbf"] {
        let r = f.req(Method::GET, missing, None).send().await.unwrap();
        assert_eq!(r.status(), 404, "{missing}");
    }
}

/// The same tile from a PostgreSQL store (skipped without `HUOYAN_TEST_PG_URL`).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tiles_on_postgres() {
    let Some(url) = std::env::var("HUOYAN_TEST_PG_URL").ok().filter(|u| !u.is_empty()) else {
        eprintln!("HUOYAN_TEST_PG_URL not set: PostgreSQL variant skipped");
        return;
    };
    let schema = format!(
        "huoyan_tiles_{}_{}",
        std::process::id(),
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos()
    );
    let store = huoyan_server::open_store(&StoreConfig {
        url: url.clone(),
        pg_schema: Some(schema.clone()),
        max_connections: 2,
    })
    .await
    .unwrap();
    let sys = Principal::system();
    let square = |lon0: f64, d: f64| {
        geojson::Geometry::new(geojson::Value::Polygon(vec![vec![
            vec![lon0, 0.0],
            vec![lon0 + d, 0.0],
            vec![lon0 + d, 1.0],
            vec![lon0, 1.0],
            vec![lon0, 0.0],
        ]]))
    };
    let city = store
        .create_jurisdiction(
            &sys,
            Jurisdiction {
                id: 0,
                parent_id: None,
                level: JurisdictionLevel::City,
                name: "测试市".into(),
                code: None,
                boundary: Some(square(0.0, 2.0)),
                path: String::new(),
            },
        )
        .await
        .unwrap();
    store
        .create_jurisdiction(
            &sys,
            Jurisdiction {
                id: 0,
                parent_id: Some(city.id),
                level: JurisdictionLevel::Township,
                name: "西街道".into(),
                code: None,
                boundary: Some(square(0.0, 1.0)),
                path: String::new(),
            },
        )
        .await
        .unwrap();
    let road: Road = serde_json::from_value(json!({"name": "西路", "class": "primary", "geometry": {"type": "LineString", "coordinates": [[0.5, 0.3], [0.501, 0.3]]}})).unwrap();
    store.insert(&sys, road).await.unwrap();
    let building: Building = serde_json::from_value(json!({"name": "楼", "floors": 3, "footprint": {"type": "Polygon", "coordinates": [[[0.5, 0.3001], [0.5002, 0.3001], [0.5002, 0.3003], [0.5, 0.3003], [0.5, 0.3001]]]}})).unwrap();
    store.insert(&sys, building).await.unwrap();
    store
        .create_user(
            &sys,
            UserInput {
                username: "admin".into(),
                display_name: "admin".into(),
                role: Role::Admin,
                jurisdiction_id: city.id,
                unit_id: None,
                password: Some(common::PASSWORD.into()),
                disabled: false,
            },
        )
        .await
        .unwrap();
    let v1 = store.tiles_version().await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let state = AppState::new(store.clone(), ServerConfig::default());
    tokio::spawn(async move { huoyan_server::serve(listener, state, std::future::pending()).await.unwrap() });
    let http = reqwest::Client::new();
    let login: Value = http
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"username": "admin", "password": common::PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["token"].as_str().unwrap();
    let r = http.get(format!("{base}{WEST}")).bearer_auth(token).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let layers = decode(&r.bytes().await.unwrap());
    assert_eq!(layers.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(), ["buildings", "roads", "boundaries"]);
    assert_eq!(prop(&layers[0], 0, "floors").as_deref(), Some("3"));
    assert_eq!(prop(&layers[1], 0, "name").as_deref(), Some("西路"));
    let (_, cfg) = {
        let r = http.get(format!("{base}/api/v1/map/config")).bearer_auth(token).send().await.unwrap();
        (r.status(), r.json::<Value>().await.unwrap())
    };
    assert_eq!(cfg["bounds"], json!([0.0, 0.0, 2.0, 1.0]));
    // Nullable members of the document read back as null, not as errors.
    let no_floors: Building = serde_json::from_value(json!({"footprint": {"type": "Polygon", "coordinates": [[[0.5003, 0.3001], [0.5005, 0.3001], [0.5005, 0.3003], [0.5003, 0.3001]]]}})).unwrap();
    store.insert(&sys, no_floors).await.unwrap();
    assert_ne!(store.tiles_version().await.unwrap(), v1);
    let r = http.get(format!("{base}{WEST}")).bearer_auth(token).send().await.unwrap();
    assert_eq!(decode(&r.bytes().await.unwrap())[0].features.len(), 2);
    store.close().await;
    let admin = Store::connect(&StoreConfig { url, pg_schema: None, max_connections: 1 }).await.unwrap();
    admin.execute_admin(&format!("DROP SCHEMA {schema} CASCADE")).await.unwrap();
    admin.close().await;
}
