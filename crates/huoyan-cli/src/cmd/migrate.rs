//! `huoyan migrate`: apply pending migrations, or `--status` to list them.

use huoyan_store::Store;

use crate::Cli;
use crate::config::Config;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Only show which migrations are applied.
    #[arg(long)]
    pub(crate) status: bool,
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, a: &Args) -> anyhow::Result<()> {
    let store = Store::connect(&cfg.store_config(&cli.data)?).await?;
    if !a.status {
        let done = store.migrate_with(huoyan_server::MODULES).await?;
        println!(
            "applied {} migration(s){}",
            done.len(),
            if done.is_empty() { "; the schema is up to date" } else { "" }
        );
    }
    for m in store.migration_status_with(huoyan_server::MODULES).await? {
        println!("{:<11} {:04} {:<20} {}", m.module, m.version, m.name, m.applied_at.as_deref().unwrap_or("pending"));
    }
    Ok(())
}
