//! The subcommands.

mod backup;
mod demo;
mod demo_history;
mod export;
mod gb26875;
pub(crate) mod import;
mod jurisdiction;
mod migrate;
mod monitoring;
mod route;
mod rules;
mod sensor;
mod serve;
mod simulate;
mod stats;
mod user;

use clap::Subcommand;
use huoyan_store::Store;

use crate::Cli;
use crate::config::Config;

/// What to do.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Serve the API and console.
    Serve(serve::Args),
    /// Build a fresh demo store from the City of Cambridge GIS plus a generated population, then serve it.
    Demo(demo::Args),
    /// Import base data: OpenStreetMap PBF, GeoJSON with a mapping file, CSV/Excel registers.
    #[command(subcommand)]
    Import(import::Cmd),
    /// Export a register to Excel (.xlsx).
    Export(export::Args),
    /// Print counts of what the store holds.
    Stats(stats::Args),
    /// Apply database migrations (or show their status).
    Migrate(migrate::Args),
    /// Manage accounts.
    #[command(subcommand)]
    User(user::Cmd),
    /// Manage the jurisdiction tree.
    #[command(subcommand)]
    Jurisdiction(jurisdiction::Cmd),
    /// Load or list unit-classification rule sets.
    #[command(subcommand)]
    Rules(rules::Cmd),
    /// IoT sensors: register (with a token), list, replace a token, threshold rules.
    #[command(subcommand)]
    Sensor(sensor::Cmd),
    /// Make a consistent copy of the SQLite store (safe while the server runs).
    Backup(backup::Args),
    /// Travel time, distance and path by road between two points (fire-engine profile).
    Route(route::RouteArgs),
    /// Travel times from every force (stations, micro fire stations …) to a point, fastest first.
    Eta(route::EtaArgs),
    /// GB/T 26875.3 (fire alarm panel → monitoring centre) protocol tools.
    #[command(subcommand)]
    Gb26875(gb26875::Cmd),
    /// Simulated devices for demos and load tests.
    #[command(subcommand)]
    Simulate(simulate::Cmd),
}

/// Opens the configured store and migrates it.
pub(crate) async fn open(cli: &Cli, cfg: &Config) -> anyhow::Result<Store> {
    Ok(huoyan_server::open_store(&cfg.store_config(&cli.data)?).await?)
}

/// Every record of one kind, page by page.
pub(crate) async fn load_all<R: huoyan_domain::Record>(store: &Store) -> anyhow::Result<Vec<R>> {
    let mut out = Vec::new();
    loop {
        let q = huoyan_store::ListQuery {
            limit: Some(huoyan_store::query::MAX_PAGE),
            offset: Some(out.len() as i64),
            ..Default::default()
        };
        let page = store.list::<R>(&huoyan_store::Scope::all(), &q).await?;
        if page.items.is_empty() {
            return Ok(out);
        }
        out.extend(page.items);
    }
}

pub(crate) async fn run(cli: Cli, cfg: Config) -> anyhow::Result<()> {
    match &cli.cmd {
        Command::Serve(a) => serve::run(&cli, &cfg, a).await,
        Command::Demo(a) => demo::run(&cli, &cfg, a).await,
        Command::Import(c) => import::run(&cli, &cfg, c).await,
        Command::Export(a) => export::run(&cli, &cfg, a).await,
        Command::Stats(a) => stats::run(&cli, &cfg, a).await,
        Command::Migrate(a) => migrate::run(&cli, &cfg, a).await,
        Command::User(c) => user::run(&cli, &cfg, c).await,
        Command::Jurisdiction(c) => jurisdiction::run(&cli, &cfg, c).await,
        Command::Rules(c) => rules::run(&cli, &cfg, c).await,
        Command::Backup(a) => backup::run(&cli, &cfg, a).await,
        Command::Sensor(c) => sensor::run(&cli, &cfg, c).await,
        Command::Gb26875(c) => gb26875::run(c),
        Command::Simulate(c) => simulate::run(c).await,
        Command::Route(a) => route::route(&cli, &cfg, a).await,
        Command::Eta(a) => route::eta(&cli, &cfg, a).await,
    }
}
