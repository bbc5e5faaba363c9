//! `huoyan export units|water_sources --out FILE.xlsx`: registers back to Excel with Chinese headers.

use std::path::PathBuf;

use huoyan_domain::{Unit, WaterSource};
use huoyan_store::{ListQuery, Scope, Store};

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

async fn all<R: huoyan_domain::Record>(store: &Store) -> anyhow::Result<Vec<R>> {
    let mut out = Vec::new();
    loop {
        let q = ListQuery { limit: Some(huoyan_store::query::MAX_PAGE), offset: Some(out.len() as i64), ..Default::default() };
        let page = store.list::<R>(&Scope::all(), &q).await?;
        if page.items.is_empty() {
            return Ok(out);
        }
        out.extend(page.items);
    }
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, a: &Args) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    let (bytes, n) = match a.register {
        Register::Units => {
            let items = all::<Unit>(&store).await?;
            (huoyan_import::write_xlsx_units(&items)?, items.len())
        }
        Register::WaterSources => {
            let items = all::<WaterSource>(&store).await?;
            (huoyan_import::write_xlsx_water_sources(&items)?, items.len())
        }
    };
    std::fs::write(&a.out, bytes).map_err(|e| anyhow::anyhow!("cannot write {}: {e}", a.out.display()))?;
    println!("exported {n} rows to {}", a.out.display());
    Ok(())
}
