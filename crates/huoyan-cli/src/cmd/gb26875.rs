//! `huoyan gb26875 decode <HEX>`: prints a GB/T 26875.3-2011 frame as JSON, or names why it is not
//! a valid frame (and exits non-zero).

#[derive(Debug, clap::Subcommand)]
pub(crate) enum Cmd {
    /// Decode one frame given in hex (spaces allowed), e.g. `40 40 …  23 23`.
    Decode {
        /// The frame's bytes in hex.
        hex: Vec<String>,
    },
}

pub(crate) fn run(c: &Cmd) -> anyhow::Result<()> {
    match c {
        Cmd::Decode { hex } => {
            let hex = hex.join("");
            let json = huoyan_gb26875::decode_hex_to_json(&hex).map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("{}", serde_json::to_string_pretty(&json)?);
            Ok(())
        }
    }
}
