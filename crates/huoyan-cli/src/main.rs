//! `huoyan` — the one program of the Huoyan 火眼 smart fire-protection platform.
//!
//! Each subcommand lives in its own module under `cmd/`; this file parses the command line, loads
//! the configuration, sets up logging and maps errors to exit codes: 0 done, 1 failed, 2 bad
//! configuration, 3 an import that wrote less than it was given (records refused, or nothing).

mod cmd;
mod config;
mod progress;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Huoyan 火眼 — 智慧消防平台 (smart fire-protection platform).
#[derive(Debug, Parser)]
#[command(name = "huoyan", version, about)]
pub(crate) struct Cli {
    /// Data directory of the embedded store (SQLite), also where `huoyan.toml` is looked for.
    #[arg(long, global = true, default_value = "./huoyan-data", env = "HUOYAN_DATA")]
    pub(crate) data: PathBuf,
    /// Configuration file (TOML); default: `<data>/huoyan.toml` if it exists.
    #[arg(long, global = true, env = "HUOYAN_CONFIG")]
    pub(crate) config: Option<PathBuf>,
    #[command(subcommand)]
    pub(crate) cmd: cmd::Command,
}

fn init_logging(cfg: &config::Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("RUST_LOG")
        // fast_paths warns about parallel edges it merges on every graph build: not news to users.
        .or_else(|_| tracing_subscriber::EnvFilter::try_new(format!("{},fast_paths=error", cfg.log.level)))
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if cfg.log.format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cfg = match config::Config::load(cli.config.as_deref(), &cli.data) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e:#}");
            return ExitCode::from(2);
        }
    };
    init_logging(&cfg);
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(cmd::run(cli, cfg)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`huoyan stats --json | head`) is not an error.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            // An import that ran but did not write all it was given: its own code, after its summary.
            if e.downcast_ref::<cmd::import::Incomplete>().is_some() {
                return ExitCode::from(cmd::import::Incomplete::EXIT_CODE);
            }
            ExitCode::FAILURE
        }
    }
}
