//! Register codes: 统一社会信用代码 (GB 32100-2015) and vehicle plates.
//!
//! A credit code is built as a real one is: registration authority and organisation type
//! (`11` 机关, `12` 事业单位, `52` 民办非企业单位, `91` 企业, `92` 个体工商户), the 6-digit
//! administrative division of the registering office, a 9-character organisation code whose last
//! character is its own GB 11714 check, and the GB 32100 check character computed by
//! [`huoyan_domain::uscc::check_char`]. The demo county is 永宁县, 银川市, 宁夏 (640121), with
//! some units registered at the city or its districts; plates are 宁A.

use huoyan_domain::UseCategory;
use huoyan_domain::uscc::check_char;

use crate::sample::{DemoRng, chance, digits, index, weighted};

/// Divisions where the demo's units are registered, with weights: the county first.
const DIVISIONS: &[(&str, u32)] = &[("640121", 80), ("640100", 8), ("640104", 5), ("640105", 4), ("640106", 3)];

/// Letters and digits allowed in both GB 11714 bodies and GB 32100 codes (no I, O, S, V, Z).
const ALNUM: &[u8] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The registration prefix (authority and type) a unit of this category usually has.
fn prefix(rng: &mut DemoRng, cat: UseCategory) -> &'static str {
    use UseCategory::*;
    match cat {
        Government => "11",
        Hospital | BoardingSchool | School | LibraryExhibition | MuseumArchive | Heritage | Research
        | BroadcastTelecom => {
            if chance(rng, 0.85) {
                "12"
            } else {
                "52"
            }
        }
        Kindergarten | ElderlyCare | Clinic => {
            if chance(rng, 0.5) {
                "52"
            } else if chance(rng, 0.5) {
                "12"
            } else {
                "91"
            }
        }
        // 个体工商户 (92) for most small businesses; the rest are companies (91).
        Shop | Restaurant | Leisure | InternetCafe | HazmatShop | Other if chance(rng, 0.7) => "92",
        _ => "91",
    }
}

/// The GB 11714-1997 check character of an 8-character organisation-code body.
fn org_check(body: &[u8; 8]) -> char {
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let value = |c: u8| -> u32 {
        if c.is_ascii_digit() { u32::from(c - b'0') } else { u32::from(c.saturating_sub(b'A')) + 10 }
    };
    let sum: u32 = body.iter().zip(W).map(|(&c, w)| value(c) * w).sum();
    match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        d => char::from_digit(d, 10).unwrap_or('0'),
    }
}

/// A 9-character organisation code: eight digits (older registrations) or `MA…` (after 2015).
fn org_code(rng: &mut DemoRng) -> String {
    let mut body = [b'0'; 8];
    if chance(rng, 0.55) {
        body[0] = b'M';
        body[1] = b'A';
        for b in body.iter_mut().skip(2) {
            *b = ALNUM.get(index(rng, ALNUM.len())).copied().unwrap_or(b'0');
        }
    } else {
        for (b, d) in body.iter_mut().zip(digits(rng, 8).bytes()) {
            *b = d;
        }
    }
    let mut s: String = body.iter().map(|&b| char::from(b)).collect();
    s.push(org_check(&body));
    s
}

/// A valid 统一社会信用代码 for a unit of this category.
pub(crate) fn uscc(rng: &mut DemoRng, cat: UseCategory) -> String {
    let division = weighted(rng, DIVISIONS).unwrap_or("640121");
    let first17 = format!("{}{division}{}", prefix(rng, cat), org_code(rng));
    // Every character above comes from the GB 32100 alphabet, so the check cannot fail; keep a
    // well-formed fallback anyway rather than panic.
    match check_char(&first17) {
        Ok(c) => format!("{first17}{c}"),
        Err(_) => String::from("91640121MA76000000"),
    }
}

/// An emergency-service plate, e.g. `宁A·2345应急`.
pub(crate) fn plate(rng: &mut DemoRng) -> String {
    format!("宁A·{}应急", digits(rng, 4))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::rng_for;

    #[test]
    fn generated_codes_validate() {
        let mut rng = rng_for(11, 0);
        for cat in UseCategory::ALL {
            for _ in 0..50 {
                let code = uscc(&mut rng, *cat);
                assert_eq!(huoyan_domain::uscc::validate(&code), Ok(()), "{code}");
            }
        }
    }

    #[test]
    fn organisation_check_matches_a_published_code() {
        // 组织机构代码 of 北京大学 12100000400000624D → body 40000062, check 4.
        assert_eq!(org_check(b"40000062"), '4');
    }
}
