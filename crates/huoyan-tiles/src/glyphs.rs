//! Map label glyphs for MapLibre, without I/O: signed distance fields (SDF) of a font's glyphs in
//! the glyph-PBF format MapLibre fetches from `glyphs: ".../{fontstack}/{range}.pbf"`, one file per
//! range of 256 code points.
//!
//! Huoyan draws Chinese with the browser's own fonts (MapLibre's `localIdeographFontFamily`
//! renders CJK ideographs, kana, Hangul and CJK punctuation locally), so the ranges made here hold
//! what is left — Latin, digits, punctuation, full-width forms — from one openly licensed font
//! (DejaVu Sans, or WenQuanYi Micro Hei; `docs/CONSOLE.md`). Generated at build time by the
//! `huoyan-glyphs` tool into the console's `glyphs/` directory and served by huoyan, so the map
//! has labels offline with no glyph server.
//!
//! The format (MapLibre's `glyphs.proto`): `glyphs { repeated fontstack stacks = 1 }`,
//! `fontstack { name = 1; range = 2; repeated glyph glyphs = 3 }`, `glyph { id = 1; bitmap = 2;
//! width = 3; height = 4; left = 5 (sint32); top = 6 (sint32); advance = 7 }`, each bitmap the
//! glyph's SDF at 24 px with a 3 px border, one byte per pixel (`(width+6)·(height+6)` bytes), 192
//! on the outline. The distance transform is Felzenszwalb and Huttenlocher's exact 1-D squared
//! Euclidean transform applied along columns then rows, as MapLibre's own TinySDF does.

use crate::mvt::{bytes_field, key, varint, zigzag};

/// The size glyphs are drawn at (MapLibre's `ONE_EM`).
pub const SIZE: f32 = 24.0;
/// The border around each glyph bitmap, px (MapLibre's `GLYPH_PBF_BORDER`).
pub const BORDER: usize = 3;
/// How far the distance field reaches, px.
const RADIUS: f64 = 8.0;
/// Where the outline sits in the 0–1 range of the field (0.25 → byte 192).
const CUTOFF: f64 = 0.25;
const INF: f64 = 1e20;

/// A glyph drawn as coverage (what a rasterizer gives): `width × height` alpha bytes, top row
/// first, and its metrics in px at [`SIZE`].
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Code point.
    pub id: u32,
    /// Bitmap width, px.
    pub width: usize,
    /// Bitmap height, px.
    pub height: usize,
    /// Left side bearing, px.
    pub left: i32,
    /// Bottom of the bitmap above the baseline, px (negative below it).
    pub ymin: i32,
    /// Horizontal advance, px.
    pub advance: u32,
    /// Alpha, `width × height`.
    pub alpha: Vec<u8>,
}

/// A glyph as the PBF holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Code point.
    pub id: u32,
    /// Glyph width without the border, px.
    pub width: u32,
    /// Glyph height without the border, px.
    pub height: u32,
    /// Left side bearing, px.
    pub left: i32,
    /// Top of the glyph relative to the em box's top (MapLibre's convention: the glyph's top above
    /// the baseline minus [`SIZE`]; negative for most glyphs).
    pub top: i32,
    /// Advance, px.
    pub advance: u32,
    /// The SDF with the border, `(width + 2·BORDER) × (height + 2·BORDER)` bytes (empty for a
    /// glyph with no ink, e.g. a space).
    pub bitmap: Vec<u8>,
}

/// The SDF glyph of a coverage bitmap.
pub fn sdf(c: &Coverage) -> Glyph {
    let top = c.ymin + c.height as i32 - SIZE as i32;
    let base = Glyph { id: c.id, width: 0, height: 0, left: c.left, top, advance: c.advance, bitmap: Vec::new() };
    if c.width == 0 || c.height == 0 || c.alpha.len() != c.width * c.height {
        return base;
    }
    let (w, h) = (c.width + 2 * BORDER, c.height + 2 * BORDER);
    let mut outer = vec![INF; w * h];
    let mut inner = vec![0.0; w * h];
    for y in 0..c.height {
        for x in 0..c.width {
            let a = f64::from(c.alpha[y * c.width + x]) / 255.0;
            let j = (y + BORDER) * w + x + BORDER;
            if a >= 1.0 {
                outer[j] = 0.0;
                inner[j] = INF;
            } else if a > 0.0 {
                let d = 0.5 - a;
                outer[j] = if d > 0.0 { d * d } else { 0.0 };
                inner[j] = if d < 0.0 { d * d } else { 0.0 };
            }
        }
    }
    edt(&mut outer, w, h);
    edt(&mut inner, w, h);
    let bitmap = outer
        .iter()
        .zip(&inner)
        .map(|(o, i)| {
            let d = o.sqrt() - i.sqrt();
            (255.0 - 255.0 * (d / RADIUS + CUTOFF)).round().clamp(0.0, 255.0) as u8
        })
        .collect();
    Glyph { width: c.width as u32, height: c.height as u32, bitmap, ..base }
}

/// The squared Euclidean distance transform of a `w × h` grid in place (0 at the feature).
fn edt(grid: &mut [f64], w: usize, h: usize) {
    let n = w.max(h);
    let (mut f, mut d, mut v, mut z) = (vec![0.0; n], vec![0.0; n], vec![0usize; n], vec![0.0; n + 1]);
    for x in 0..w {
        for y in 0..h {
            f[y] = grid[y * w + x];
        }
        edt_1d(&f[..h], &mut d[..h], &mut v, &mut z);
        for y in 0..h {
            grid[y * w + x] = d[y];
        }
    }
    for y in 0..h {
        f[..w].copy_from_slice(&grid[y * w..y * w + w]);
        edt_1d(&f[..w], &mut d[..w], &mut v, &mut z);
        grid[y * w..y * w + w].copy_from_slice(&d[..w]);
    }
}

/// One dimension of the transform: the lower envelope of the parabolas rooted at each cell
/// (`z[0] = -INF` stops the envelope's walk back: every intersection is above it, as the field's
/// values are at most `INF`).
fn edt_1d(f: &[f64], d: &mut [f64], v: &mut [usize], z: &mut [f64]) {
    let n = f.len();
    if n == 0 {
        return;
    }
    let cross =
        |q: usize, r: usize| ((f[q] + (q * q) as f64) - (f[r] + (r * r) as f64)) / (2.0 * (q as f64 - r as f64));
    let mut k = 0;
    v[0] = 0;
    z[0] = -INF;
    z[1] = INF;
    for q in 1..n {
        let mut s = cross(q, v[k]);
        while s <= z[k] && k > 0 {
            k -= 1;
            s = cross(q, v[k]);
        }
        k += 1;
        v[k] = q;
        z[k] = s;
        z[k + 1] = INF;
    }
    k = 0;
    for (q, out) in d.iter_mut().enumerate().take(n) {
        while z[k + 1] < q as f64 {
            k += 1;
        }
        let r = v[k];
        *out = (q as f64 - r as f64).powi(2) + f[r];
    }
}

/// The code points MapLibre draws with the browser's fonts when `localIdeographFontFamily` is set:
/// no PBF needs them. (CJK Unified Ideographs and Extension A, CJK Compatibility Ideographs,
/// Hiragana, Katakana, Hangul syllables, CJK Symbols and Punctuation.)
pub fn drawn_locally(cp: u32) -> bool {
    matches!(cp,
        0x3000..=0x303F | 0x3040..=0x309F | 0x30A0..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// The PBF of one range `start..=start+255` of `fontstack` holding `glyphs` (those in the range).
pub fn encode_range(fontstack: &str, start: u32, glyphs: &[Glyph]) -> Vec<u8> {
    let mut stack = Vec::new();
    bytes_field(&mut stack, 1, fontstack.as_bytes());
    bytes_field(&mut stack, 2, format!("{}-{}", start, start + 255).as_bytes());
    for g in glyphs.iter().filter(|g| g.id >= start && g.id <= start + 255) {
        let mut m = Vec::new();
        uint_field(&mut m, 1, u64::from(g.id));
        if !g.bitmap.is_empty() {
            bytes_field(&mut m, 2, &g.bitmap);
        }
        uint_field(&mut m, 3, u64::from(g.width));
        uint_field(&mut m, 4, u64::from(g.height));
        sint_field(&mut m, 5, g.left);
        sint_field(&mut m, 6, g.top);
        uint_field(&mut m, 7, u64::from(g.advance));
        bytes_field(&mut stack, 3, &m);
    }
    let mut out = Vec::new();
    bytes_field(&mut out, 1, &stack);
    out
}

fn uint_field(out: &mut Vec<u8>, field: u32, v: u64) {
    key(out, field, 0);
    varint(out, v);
}

fn sint_field(out: &mut Vec<u8>, field: u32, v: i32) {
    key(out, field, 0);
    varint(out, u64::from(zigzag(v)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(size: usize) -> Coverage {
        Coverage { id: 0x41, width: size, height: size, left: 1, ymin: 0, advance: 12, alpha: vec![255; size * size] }
    }

    #[test]
    fn sdf_is_high_inside_and_falls_off_outside() {
        let g = sdf(&square(10));
        let w = 10 + 2 * BORDER;
        assert_eq!(g.bitmap.len(), w * w);
        let at = |x: usize, y: usize| g.bitmap[y * w + x];
        // The centre is deep inside (255), the corner of the border far outside (low).
        assert_eq!(at(w / 2, w / 2), 255);
        assert!(at(0, 0) < 100, "{}", at(0, 0));
        // Monotone from the middle of an edge outwards.
        let row: Vec<u8> = (0..BORDER + 2).map(|x| at(x, w / 2)).collect();
        assert!(row.windows(2).all(|p| p[0] <= p[1]), "{row:?}");
        // The first pixel inside the ink is at least the outline value (192), the one outside below it.
        assert!(at(BORDER, w / 2) >= 192 && at(BORDER - 1, w / 2) < 192, "{row:?}");
        assert_eq!((g.width, g.height, g.left, g.top, g.advance), (10, 10, 1, 10 - 24, 12));
    }

    #[test]
    fn exact_distances_along_a_line() {
        // One feature pixel at 0: squared distances 0, 1, 4, 9 …
        let mut grid = vec![0.0, INF, INF, INF, INF];
        edt(&mut grid, 5, 1);
        assert_eq!(grid, vec![0.0, 1.0, 4.0, 9.0, 16.0]);
        let mut grid = vec![INF, INF, 0.0, INF, INF];
        edt(&mut grid, 1, 5);
        assert_eq!(grid, vec![4.0, 1.0, 0.0, 1.0, 4.0]);
    }

    #[test]
    fn an_empty_glyph_has_metrics_only() {
        let space = Coverage { id: 0x20, width: 0, height: 0, left: 0, ymin: 0, advance: 7, alpha: vec![] };
        let g = sdf(&space);
        assert!(g.bitmap.is_empty());
        assert_eq!(g.advance, 7);
        // A coverage whose size does not match its bitmap is not drawn (no panic).
        let bad = Coverage { alpha: vec![1, 2, 3], ..square(4) };
        assert!(sdf(&bad).bitmap.is_empty());
    }

    #[test]
    fn pbf_layout() {
        let g = Glyph { id: 0x41, width: 1, height: 1, left: -1, top: -7, advance: 9, bitmap: vec![7; 49] };
        let pbf = encode_range("huoyan-sans", 0, std::slice::from_ref(&g));
        // glyphs.stacks (field 1, length-delimited) → fontstack name, range, one glyph.
        assert_eq!(pbf[0], 0x0A);
        let body = &pbf[2..];
        assert_eq!(&body[..2], &[0x0A, 11]);
        assert_eq!(&body[2..13], b"huoyan-sans");
        assert_eq!(&body[13..15], &[0x12, 5]);
        assert_eq!(&body[15..20], b"0-255");
        assert_eq!(body[20], 0x1A);
        // left -1 zigzags to 1, top -7 to 13.
        let glyph = &body[22..];
        assert!(glyph.windows(2).any(|w| w == [0x28, 1]), "{glyph:?}");
        assert!(glyph.windows(2).any(|w| w == [0x30, 13]), "{glyph:?}");
        // A glyph outside the range is left out.
        let other = encode_range("huoyan-sans", 256, std::slice::from_ref(&g));
        assert!(other.len() < 30);
    }

    #[test]
    fn cjk_is_left_to_the_browser() {
        assert!(drawn_locally('火' as u32) && drawn_locally('。' as u32) && drawn_locally('カ' as u32));
        assert!(!drawn_locally('A' as u32) && !drawn_locally('（' as u32) && !drawn_locally('–' as u32));
    }
}
