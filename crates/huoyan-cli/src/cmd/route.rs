//! `huoyan route` and `huoyan eta`: travel times by road for fire engines, from the roads in the
//! store and the profile of `huoyan-geo` (or a TOML profile given with `--profile`).

use std::path::PathBuf;

use anyhow::Context;
use huoyan_domain::{Road, Station};
use huoyan_geo::{Profile, Router};
use serde_json::json;

use crate::Cli;
use crate::config::Config;

/// A `LON,LAT` pair in WGS84.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LonLat(f64, f64);

impl std::str::FromStr for LonLat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let (a, b) = s.split_once(',').ok_or("expected LON,LAT, e.g. -71.105,42.373")?;
        let lon: f64 = a.trim().parse().map_err(|_| format!("longitude {a:?} is not a number"))?;
        let lat: f64 = b.trim().parse().map_err(|_| format!("latitude {b:?} is not a number"))?;
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return Err(format!("{lon},{lat} is not a WGS84 longitude,latitude"));
        }
        Ok(LonLat(lon, lat))
    }
}

#[derive(Debug, clap::Args)]
pub(crate) struct RouteArgs {
    /// Start, LON,LAT.
    #[arg(long, allow_hyphen_values = true)]
    from: LonLat,
    /// Destination, LON,LAT.
    #[arg(long, allow_hyphen_values = true)]
    to: LonLat,
    /// A travel-time profile (TOML); default: the built-in fire-engine profile.
    #[arg(long)]
    profile: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct EtaArgs {
    /// The incident, LON,LAT.
    #[arg(long, allow_hyphen_values = true)]
    at: LonLat,
    /// A travel-time profile (TOML); default: the built-in fire-engine profile.
    #[arg(long)]
    profile: Option<PathBuf>,
}

async fn router(cli: &Cli, cfg: &Config, profile: &Option<PathBuf>) -> anyhow::Result<(huoyan_store::Store, Router)> {
    let store = super::open(cli, cfg).await?;
    let profile = match profile {
        Some(p) => {
            Profile::from_toml(&std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))?)?
        }
        None => Profile::default(),
    };
    let roads = super::load_all::<Road>(&store).await?;
    let router = Router::new(&roads, &profile).context("cannot build the road graph from the roads in the store")?;
    Ok((store, router))
}

pub(crate) async fn route(cli: &Cli, cfg: &Config, a: &RouteArgs) -> anyhow::Result<()> {
    let (_, router) = router(cli, cfg, &a.profile).await?;
    let r = router.route((a.from.0, a.from.1), (a.to.0, a.to.1))?;
    let out = json!({
        "seconds": (r.seconds * 10.0).round() / 10.0,
        "meters": r.metres.round(),
        "path": {"type": "Feature", "geometry": r.geometry, "properties": {"road_ids": r.road_ids}},
    });
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}

pub(crate) async fn eta(cli: &Cli, cfg: &Config, a: &EtaArgs) -> anyhow::Result<()> {
    let (store, router) = router(cli, cfg, &a.profile).await?;
    let stations = super::load_all::<Station>(&store).await?;
    let points: Vec<(f64, f64)> = stations.iter().map(|s| (s.lon, s.lat)).collect();
    let times = router.travel_times_to((a.at.0, a.at.1), &points)?;
    let rows: Vec<(Option<f64>, &Station)> =
        huoyan_geo::fastest_first(&times).into_iter().map(|(i, t)| (t, &stations[i])).collect();
    let out: Vec<_> = rows
        .iter()
        .map(|(t, s)| {
            json!({
                "station_id": s.id,
                "name": s.name,
                "kind": s.kind,
                "kind_zh": s.kind.zh(),
                "status": s.status,
                "seconds": t.map(|t| (t * 10.0).round() / 10.0),
                "reachable": t.is_some(),
            })
        })
        .collect();
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(())
}
