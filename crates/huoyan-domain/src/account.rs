//! Accounts and the authenticated principal. Passwords are hashed by the store (argon2); this module
//! holds the shapes and the password policy.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::terms::Role;
use crate::validate::{Checker, FieldError, code};

/// An account as shown (never with its password hash).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct User {
    /// Id.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Name shown.
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// The jurisdiction node whose subtree the account sees.
    pub jurisdiction_id: i64,
    /// For a unit manager: the one unit it sees.
    pub unit_id: Option<i64>,
    /// A disabled account cannot log in.
    pub disabled: bool,
    /// When created (UTC, RFC 3339).
    pub created_at: String,
}

/// A new account, or the changes to one (`password` optional on update).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UserInput {
    /// Login name: 3–40 letters, digits, `_`, `-`, `.`.
    pub username: String,
    /// Name shown.
    #[serde(default)]
    pub display_name: String,
    /// Role.
    pub role: Role,
    /// The jurisdiction node whose subtree the account sees.
    pub jurisdiction_id: i64,
    /// Required for, and only for, a unit manager.
    #[serde(default)]
    pub unit_id: Option<i64>,
    /// Password (at least 8 characters, not the user name).
    #[serde(default)]
    pub password: Option<String>,
    /// Disabled.
    #[serde(default)]
    pub disabled: bool,
}

impl UserInput {
    /// Checks the fields; `new` requires a password.
    pub fn validate(&self, new: bool) -> Result<(), Vec<FieldError>> {
        let mut c = Checker::default();
        let len = self.username.chars().count();
        if !(3..=40).contains(&len) || !self.username.chars().all(|ch| ch.is_ascii_alphanumeric() || "_-.".contains(ch))
        {
            c.push(
                FieldError::new("username", "bad_username", "must be 3–40 letters, digits, '_', '-' or '.'")
                    .with("min", 3)
                    .with("max", 40),
            );
        }
        c.text("display_name", &self.display_name);
        c.reference("jurisdiction_id", self.jurisdiction_id);
        match (self.role, self.unit_id) {
            (Role::UnitManager, None) => c.fail("unit_id", "unit_required", "a unit manager must be bound to one unit"),
            (Role::UnitManager, Some(id)) => c.reference("unit_id", id),
            (_, Some(_)) => c.fail("unit_id", "unit_not_allowed", "only a unit manager is bound to a unit"),
            (_, None) => {}
        }
        match &self.password {
            None if new => c.fail("password", code::REQUIRED, "required for a new account"),
            Some(p) => {
                if let Err(e) = check_password(&self.username, p) {
                    c.push(e);
                }
            }
            None => {}
        }
        c.finish()
    }
}

/// Passwords too common to allow whatever their length (the most frequent in published leak
/// lists, and the obvious Chinese ones); compared lower-cased.
const COMMON_PASSWORDS: &[&str] = &[
    "12345678",
    "123456789",
    "1234567890",
    "87654321",
    "11111111",
    "88888888",
    "66666666",
    "00000000",
    "password",
    "password1",
    "passw0rd",
    "p@ssw0rd",
    "p@ssword",
    "qwertyui",
    "qwerty123",
    "1qaz2wsx",
    "1q2w3e4r",
    "abc12345",
    "abcd1234",
    "a1234567",
    "aa123456",
    "admin123",
    "admin888",
    "administrator",
    "iloveyou",
    "woaini1314",
    "woaini520",
    "5201314520",
    "qq123456",
    "asdfghjk",
    "zxcvbnm1",
    "huoyan123",
    "huoyan2026",
    "changeme",
    "welcome1",
    "letmein1",
];

/// The password policy (GB/T 22239-2019 8.1.4.1 a) asks for 身份鉴别信息 with complexity; the
/// numbers here are Huoyan's choice, see `docs/SECURITY.md`): 8–128 characters, at least two kinds
/// of character (lower case, upper case, digits, others), not one of the most common passwords,
/// not the user name. The error is the field `password`'s: `password_too_short`
/// (`min`), `password_too_long` (`max`), `password_is_username`, `password_too_simple` (`kinds`:
/// the kinds required) or `password_too_common`.
pub fn check_password(username: &str, password: &str) -> Result<(), FieldError> {
    let n = password.chars().count();
    if n < 8 {
        return Err(FieldError::new("password", "password_too_short", "must have at least 8 characters").with("min", 8));
    }
    if n > 128 {
        return Err(
            FieldError::new("password", "password_too_long", "must have at most 128 characters").with("max", 128)
        );
    }
    let lower = password.to_lowercase();
    let name = username.trim().to_lowercase();
    if lower == name {
        return Err(FieldError::new("password", "password_is_username", "must not be the user name"));
    }
    if COMMON_PASSWORDS.contains(&lower.as_str()) {
        return Err(FieldError::new("password", "password_too_common", "is one of the most common passwords"));
    }
    let kinds = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|k| **k)
    .count();
    if kinds < 2 {
        return Err(FieldError::new(
            "password",
            "password_too_simple",
            "must mix at least two kinds of character: lower case, upper case, digits, others",
        )
        .with("kinds", 2));
    }
    Ok(())
}

/// Who is acting: an authenticated account, or the system itself (imports, the demo).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Principal {
    /// Account id (0 for the system).
    pub user_id: i64,
    /// Login name (`system` for the system).
    pub username: String,
    /// Role.
    pub role: Role,
    /// Jurisdiction node.
    pub jurisdiction_id: i64,
    /// Materialised path of that node, for subtree checks.
    pub jurisdiction_path: String,
    /// A unit manager's unit.
    pub unit_id: Option<i64>,
}

impl Principal {
    /// The system acting on its own (CLI imports, migrations, the demo): admin over every root.
    pub fn system() -> Principal {
        Principal {
            user_id: 0,
            username: "system".into(),
            role: Role::Admin,
            jurisdiction_id: 0,
            jurisdiction_path: "/".into(),
            unit_id: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(role: Role, unit: Option<i64>) -> UserInput {
        UserInput {
            username: "zhang.san".into(),
            display_name: "张三".into(),
            role,
            jurisdiction_id: 1,
            unit_id: unit,
            password: Some("long-enough-1".into()),
            disabled: false,
        }
    }

    #[test]
    fn unit_binding_matches_role() {
        assert!(input(Role::Inspector, None).validate(true).is_ok());
        assert_eq!(input(Role::UnitManager, None).validate(true).unwrap_err()[0].field, "unit_id");
        assert_eq!(input(Role::Inspector, Some(3)).validate(true).unwrap_err()[0].field, "unit_id");
    }

    #[test]
    fn password_policy() {
        assert!(check_password("bob", "short").is_err());
        assert!(check_password("bobbobbob", "BOBBOBBOB").is_err());
        let code = |u: &str, p: &str| check_password(u, p).unwrap_err().code;
        assert_eq!(code("admin", "12345678"), "password_too_common");
        assert_eq!(code("admin", "Password1"), "password_too_common");
        assert_eq!(code("admin", "abcdefghij"), "password_too_simple");
        assert_eq!(code("admin", "7364019283"), "password_too_simple");
        assert_eq!(code("zhangsan", "ZhangSan"), "password_is_username");
        assert!(check_password("zhangsan", "Zs-7f3kq92").is_ok());
        assert!(check_password("admin", "admin@Huoyan2026").is_ok());
        assert!(check_password("bob", "correct horse").is_ok());
    }
}
