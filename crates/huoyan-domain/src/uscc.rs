//! 统一社会信用代码 (unified social credit identifier), GB 32100-2015: 18 characters from a 31-letter
//! alphabet; the last one is a check character (GB 32100-2015 §5, weighted sum modulo 31).

use crate::validate::FieldError;

const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Why a code is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsccError {
    /// Not 18 characters.
    #[error("统一社会信用代码 must have 18 characters, got {0}")]
    Length(usize),
    /// A character outside the GB 32100-2015 alphabet (no I, O, S, V, Z).
    #[error("character {0:?} at position {1} is not allowed (GB 32100-2015 alphabet)")]
    Char(char, usize),
    /// The check character does not match.
    #[error("check character is {given:?}, expected {expected:?} (GB 32100-2015 §5)")]
    Check {
        /// The 18th character as given.
        given: char,
        /// The one computed from the first 17.
        expected: char,
    },
}

impl UsccError {
    /// The error as a field error: `uscc_length` (`n`), `uscc_character` (`character`, `position`,
    /// 1-based) or `uscc_check_character` (`given`, `expected`); the reason is the message.
    pub fn field_error(&self, field: &str) -> FieldError {
        use crate::validate::code;
        let e = |c: &str| FieldError::new(field, c, self.to_string());
        match *self {
            UsccError::Length(n) => e(code::USCC_LENGTH).with("n", n),
            UsccError::Char(c, position) => {
                e(code::USCC_CHARACTER).with("character", c.to_string()).with("position", position)
            }
            UsccError::Check { given, expected } => {
                e(code::USCC_CHECK_CHARACTER).with("given", given.to_string()).with("expected", expected.to_string())
            }
        }
    }
}

fn value(c: char) -> Option<u32> {
    ALPHABET.iter().position(|&a| a as char == c).map(|p| p as u32)
}

/// Computes the check character for the first 17 characters (which must be from the alphabet).
pub fn check_char(first17: &str) -> Result<char, UsccError> {
    let chars: Vec<char> = first17.chars().collect();
    if chars.len() != 17 {
        return Err(UsccError::Length(chars.len() + 1));
    }
    let mut sum = 0;
    for (i, c) in chars.iter().enumerate() {
        sum += value(*c).ok_or(UsccError::Char(*c, i + 1))? * WEIGHTS[i];
    }
    let check = (31 - sum % 31) % 31;
    Ok(ALPHABET[check as usize] as char)
}

/// Validates a full 18-character code (upper case expected; lower case is refused).
pub fn validate(code: &str) -> Result<(), UsccError> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(UsccError::Length(chars.len()));
    }
    let first17: String = chars[..17].iter().collect();
    let expected = check_char(&first17)?;
    let given = chars[17];
    if value(given).is_none() {
        return Err(UsccError::Char(given, 18));
    }
    if given != expected {
        return Err(UsccError::Check { given, expected });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_codes_validate() {
        // Codes printed on public business licences.
        for code in ["91350100M000100Y43", "91110000600037341L", "91440300708461136T"] {
            assert_eq!(validate(code), Ok(()), "{code}");
        }
    }

    #[test]
    fn errors_are_named() {
        assert_eq!(validate("9135"), Err(UsccError::Length(4)));
        assert_eq!(validate("91350100M000100YI3"), Err(UsccError::Char('I', 17)));
        assert!(matches!(validate("91350100M000100Y44"), Err(UsccError::Check { given: '4', expected: '3' })));
    }

    #[test]
    fn errors_carry_codes_and_parameters() {
        let e = validate("91350100M000100Y44").unwrap_err().field_error("uscc");
        assert_eq!((e.field.as_str(), e.code.as_str()), ("uscc", "uscc_check_character"));
        assert_eq!(serde_json::to_value(&e.params).unwrap(), serde_json::json!({"given": "4", "expected": "3"}));
        assert!(e.reason.contains("expected '3'"), "the reason is the message: {}", e.reason);
        let e = validate("91350100M000100YI3").unwrap_err().field_error("uscc");
        assert_eq!(serde_json::to_value(&e.params).unwrap(), serde_json::json!({"character": "I", "position": 17}));
        let e = validate("9135").unwrap_err().field_error("uscc");
        assert_eq!((e.code.as_str(), &e.params["n"]), ("uscc_length", &serde_json::json!(4)));
    }

    #[test]
    fn check_char_completes_any_prefix() {
        let c = check_char("91330106MA2XXXXX0").unwrap();
        assert_eq!(validate(&format!("91330106MA2XXXXX0{c}")), Ok(()));
    }
}
