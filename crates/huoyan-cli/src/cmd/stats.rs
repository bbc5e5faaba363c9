//! `huoyan stats`: counts of what the store holds.

use huoyan_store::Scope;

use crate::Cli;
use crate::config::Config;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Print JSON.
    #[arg(long)]
    pub(crate) json: bool,
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, a: &Args) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    let s = store.stats(&Scope::all()).await?;
    if a.json {
        println!("{}", serde_json::to_string_pretty(&s)?);
    } else {
        println!("辖区节点 jurisdictions  {}", s.jurisdictions);
        println!("消防站/队 stations      {}", s.stations);
        println!("消防车辆 vehicles       {}", s.vehicles);
        println!("人员 personnel          {}", s.personnel);
        println!("消防水源 water sources  {}", s.water_sources);
        println!("建筑 buildings          {}", s.buildings);
        println!("道路 roads              {} ({:.1} km)", s.roads, s.road_km);
        println!("社会单位 units          {}", s.units);
        println!("账号 users              {}", s.users);
    }
    Ok(())
}
