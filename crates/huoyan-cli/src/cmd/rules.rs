//! `huoyan rules load FILE.toml | list`: classification rule sets.

use std::path::PathBuf;

use huoyan_domain::RuleSet;
use huoyan_domain::account::Principal;

use crate::Cli;
use crate::config::Config;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Cmd {
    /// Load a province's rule set (TOML, see the shipped baseline) and reclassify every unit.
    Load {
        /// The rule-set file.
        file: PathBuf,
    },
    /// List the rule sets and the one in force.
    List,
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, c: &Cmd) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    match c {
        Cmd::Load { file } => {
            let text =
                std::fs::read_to_string(file).map_err(|e| anyhow::anyhow!("cannot read {}: {e}", file.display()))?;
            let set = RuleSet::from_toml(&text)?;
            let id = set.id.clone();
            let changed = store.load_rule_set(&Principal::system(), set).await?;
            println!("loaded {id}; in force: {}; {changed} unit(s) reclassified", store.rules().id);
        }
        Cmd::List => {
            let in_force = store.rules().id.clone();
            for s in store.rule_sets().await? {
                let mark = if s.id == in_force { "*" } else { " " };
                println!(
                    "{mark} {:<28} {:<8} from {} {} rules — {}",
                    s.id,
                    s.region,
                    s.effective_from,
                    s.rules.len(),
                    s.name
                );
            }
        }
    }
    Ok(())
}
