//! `huoyan jurisdiction add | list`: the jurisdiction tree (boundaries come in with
//! `huoyan import geojson` and a `boundaries` mapping).

use huoyan_domain::JurisdictionLevel;
use huoyan_domain::account::Principal;
use huoyan_domain::jurisdiction::Jurisdiction;
use huoyan_store::Scope;

use crate::Cli;
use crate::config::Config;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Cmd {
    /// Add a node (a root when --parent is omitted).
    Add {
        /// Name, e.g. 永宁县.
        #[arg(long)]
        name: String,
        /// Level: city, county, township, village, grid (or 市, 县/区, 乡镇/街道, 村/社区, 网格).
        #[arg(long)]
        level: JurisdictionLevel,
        /// Parent node id.
        #[arg(long)]
        parent: Option<i64>,
        /// Administrative division code (行政区划代码).
        #[arg(long)]
        code: Option<String>,
    },
    /// List the tree.
    List,
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, c: &Cmd) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    match c {
        Cmd::Add { name, level, parent, code } => {
            let j = store
                .create_jurisdiction(
                    &Principal::system(),
                    Jurisdiction {
                        id: 0,
                        parent_id: *parent,
                        level: *level,
                        name: name.clone(),
                        code: code.clone(),
                        boundary: None,
                        path: String::new(),
                    },
                )
                .await?;
            println!("created jurisdiction {} (id {}, path {})", j.name, j.id, j.path);
        }
        Cmd::List => {
            for j in store.list_jurisdictions(&Scope::all(), false).await? {
                let depth = j.path.matches('/').count().saturating_sub(2);
                println!("{:>4} {}{} [{}]", j.id, "  ".repeat(depth), j.name, j.level.zh());
            }
        }
    }
    Ok(())
}
