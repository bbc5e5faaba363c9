//! `huoyan export units|water_sources --out FILE.xlsx`: registers back to Excel with Chinese headers.

use std::path::PathBuf;

use huoyan_domain::{Unit, WaterSource};

use crate::Cli;
use crate::config::Config;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(crate) enum Register {
    /// 社会单位
    Units,
    /// 消防水源
    WaterSources,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Which register.
    #[arg(value_enum)]
    pub(crate) register: Register,
    /// Output file (.xlsx).
    #[arg(long)]
    pub(crate) out: PathBuf,
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, a: &Args) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    let (bytes, n) = match a.register {
        Register::Units => {
            let items = super::load_all::<Unit>(&store).await?;
            (huoyan_import::write_xlsx_units(&items)?, items.len())
        }
        Register::WaterSources => {
            let items = super::load_all::<WaterSource>(&store).await?;
            (huoyan_import::write_xlsx_water_sources(&items)?, items.len())
        }
    };
    std::fs::write(&a.out, bytes).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", a.out.display()))?;
    println!("exported {n} rows to {}", a.out.display());
    Ok(())
}
