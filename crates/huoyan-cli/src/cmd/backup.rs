//! `huoyan backup --out FILE`: a consistent copy of the SQLite store, safe while the server runs.

use std::path::PathBuf;

use crate::Cli;
use crate::config::Config;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Destination file (must not exist); default `<data>/backups/huoyan-<UTC time>.db`.
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, a: &Args) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    let out = match &a.out {
        Some(p) => p.clone(),
        None => {
            let dir = cli.data.join("backups");
            std::fs::create_dir_all(&dir)?;
            dir.join(format!("huoyan-{}.db", chrono_stamp()))
        }
    };
    let bytes = store.backup_to(&out).await?;
    println!("backup written: {} ({} bytes, integrity checked)", out.display(), bytes);
    Ok(())
}

fn chrono_stamp() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    format!("{secs}")
}
