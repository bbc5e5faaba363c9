//! What the tests of the real `huoyan` binary share: running it on a data directory.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `huoyan --data <data> <args>` with no database URL or configuration from the environment.
pub(crate) fn huoyan(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_huoyan"))
        .arg("--data")
        .arg(data)
        .args(args)
        .env_remove("HUOYAN_DATABASE_URL")
        .env_remove("HUOYAN_CONFIG")
        .env("RUST_LOG", "warn")
        .output()
        .expect("run huoyan")
}
