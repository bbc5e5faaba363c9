//! `huoyan-glyphs`: makes the map's label glyphs (MapLibre glyph PBFs, see `huoyan_tiles::glyphs`)
//! from an openly licensed font at build time (`scripts/build-console.sh` runs it into
//! `console/dist/glyphs/`, which huoyan serves at `/glyphs/`).
//!
//! ```text
//! huoyan-glyphs --font /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
//!               --font /usr/share/fonts/truetype/wqy/wqy-microhei.ttc --out console/dist/glyphs
//!               [--fontstack huoyan-sans]
//! ```
//!
//! Several fonts make one stack: a code point comes from the first font that has it (DejaVu Sans for
//! Latin, WenQuanYi Micro Hei for the full-width forms DejaVu lacks). `FILE#N` picks face N of a
//! collection (`.ttc`).
//!
//! Writes all 256 ranges of the Basic Multilingual Plane (`<fontstack>/<start>-<end>.pbf`; a range
//! the font does not cover is a valid, empty file, so the map never asks for one that is missing)
//! with every glyph of the font outside the ranges the browser draws itself. Exits non-zero when
//! the font cannot be read or nothing could be written.

use std::path::PathBuf;
use std::process::ExitCode;

use huoyan_tiles::glyphs::{Coverage, SIZE, drawn_locally, encode_range, sdf};

fn main() -> ExitCode {
    match run() {
        Ok(msg) => {
            println!("{msg}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("huoyan-glyphs: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<String, String> {
    let (mut fonts, mut out, mut stack) = (Vec::new(), None, "huoyan-sans".to_string());
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--font" => fonts.push(value()?),
            "--out" => out = Some(PathBuf::from(value()?)),
            "--fontstack" => stack = value()?,
            "-h" | "--help" => {
                return Ok("huoyan-glyphs --font FILE[#N] [--font FILE[#N] …] --out DIR [--fontstack NAME]".into());
            }
            other => return Err(format!("unknown argument {other:?}; see --help")),
        }
    }
    if fonts.is_empty() {
        return Err("--font is required".into());
    }
    let out = out.ok_or("--out is required")?;
    if stack.is_empty() || !stack.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(format!("--fontstack {stack:?}: letters, digits, '-' and '_' only"));
    }
    let mut glyphs = std::collections::BTreeMap::new();
    for spec in &fonts {
        let (file, index) = match spec.rsplit_once('#') {
            Some((f, n)) => (f, n.parse().map_err(|_| format!("{spec}: the face after '#' is a number"))?),
            None => (spec.as_str(), 0u32),
        };
        let bytes = std::fs::read(file).map_err(|e| format!("{file}: {e}"))?;
        let settings = fontdue::FontSettings { collection_index: index, scale: SIZE, ..Default::default() };
        let face = fontdue::Font::from_bytes(bytes, settings).map_err(|e| format!("{file}: {e}"))?;
        for &c in face.chars().keys() {
            let cp = c as u32;
            if cp >= 0x1_0000 || drawn_locally(cp) || glyphs.contains_key(&cp) {
                continue;
            }
            let (m, alpha) = face.rasterize(c, SIZE);
            let cov = Coverage {
                id: cp,
                width: m.width,
                height: m.height,
                left: m.xmin,
                ymin: m.ymin,
                advance: m.advance_width.round().max(0.0) as u32,
                alpha,
            };
            glyphs.insert(cp, sdf(&cov));
        }
    }
    let glyphs: Vec<_> = glyphs.into_values().collect();
    let dir = out.join(&stack);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut bytes_written = 0;
    for start in (0..0x1_0000u32).step_by(256) {
        let in_range: Vec<_> = glyphs.iter().filter(|g| g.id >= start && g.id <= start + 255).cloned().collect();
        let pbf = encode_range(&stack, start, &in_range);
        let path = dir.join(format!("{}-{}.pbf", start, start + 255));
        std::fs::write(&path, &pbf).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes_written += pbf.len();
    }
    Ok(format!(
        "huoyan-glyphs: {} glyphs of {} in 256 ranges, {} KiB, in {}",
        glyphs.len(),
        fonts.join(" + "),
        bytes_written / 1024,
        dir.display()
    ))
}
