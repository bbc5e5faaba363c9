//! `huoyan user add | list | passwd | disable`: accounts, as the system administrator.

use huoyan_domain::Role;
use huoyan_domain::account::{Principal, UserInput};
use huoyan_store::Scope;

use crate::Cli;
use crate::config::Config;

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Cmd {
    /// Create an account. The password comes from --password or the HUOYAN_PASSWORD variable.
    Add {
        /// Login name.
        #[arg(long)]
        username: String,
        /// Role: admin, dispatcher, inspector, logistics, leader, township, unit_manager (or the Chinese term).
        #[arg(long)]
        role: Role,
        /// Jurisdiction node id (see `huoyan jurisdiction list`).
        #[arg(long)]
        jurisdiction: i64,
        /// For a unit manager: the unit id.
        #[arg(long)]
        unit: Option<i64>,
        /// Name shown.
        #[arg(long, default_value = "")]
        display_name: String,
        /// Password (prefer HUOYAN_PASSWORD, which does not end up in the shell history).
        #[arg(long, env = "HUOYAN_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// List accounts.
    List,
    /// Set an account's password (from --password or HUOYAN_PASSWORD); ends its sessions.
    Passwd {
        /// Login name.
        username: String,
        /// New password.
        #[arg(long, env = "HUOYAN_PASSWORD", hide_env_values = true)]
        password: String,
    },
    /// Disable an account (it can no longer log in; its sessions end).
    Disable {
        /// Login name.
        username: String,
    },
}

pub(crate) async fn run(cli: &Cli, cfg: &Config, c: &Cmd) -> anyhow::Result<()> {
    let store = super::open(cli, cfg).await?;
    let sys = Principal::system();
    match c {
        Cmd::Add { username, role, jurisdiction, unit, display_name, password } => {
            let u = store
                .create_user(
                    &sys,
                    UserInput {
                        username: username.clone(),
                        display_name: display_name.clone(),
                        role: *role,
                        jurisdiction_id: *jurisdiction,
                        unit_id: *unit,
                        password: Some(password.clone()),
                        disabled: false,
                    },
                )
                .await?;
            println!("created account {} (id {}, {})", u.username, u.id, u.role.zh());
        }
        Cmd::List => {
            for u in store.list_users(&Scope::all()).await? {
                println!(
                    "{:>4} {:<16} {:<14} jurisdiction {:<4} {}{}",
                    u.id,
                    u.username,
                    u.role.zh(),
                    u.jurisdiction_id,
                    u.display_name,
                    if u.disabled { " (disabled)" } else { "" }
                );
            }
        }
        Cmd::Passwd { username, password } => {
            store.set_password(&sys, username, password).await?;
            println!("password changed for {username}");
        }
        Cmd::Disable { username } => {
            let u = store
                .list_users(&Scope::all())
                .await?
                .into_iter()
                .find(|u| &u.username == username)
                .ok_or_else(|| anyhow::anyhow!("no account named {username}"))?;
            let input = UserInput {
                username: u.username.clone(),
                display_name: u.display_name.clone(),
                role: u.role,
                jurisdiction_id: u.jurisdiction_id,
                unit_id: u.unit_id,
                password: None,
                disabled: true,
            };
            store.update_user(&sys, u.id, input).await?;
            println!("disabled {username}");
        }
    }
    Ok(())
}
