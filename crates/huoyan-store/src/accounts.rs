//! Accounts, passwords (argon2id) and sessions (random bearer tokens, stored only as SHA-256 hashes,
//! with an expiry). An account is scoped to a jurisdiction subtree; a unit manager to one unit.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use huoyan_domain::Role;
use huoyan_domain::account::{Principal, User, UserInput};
use huoyan_domain::validate::{FieldError, code, unknown_reference};
use rand::RngCore;
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, AuditEntry};
use crate::query::{Scope, escape_like};
use crate::{Result, Store, StoreError, check_in_scope, now};

/// How long a session lasts without logging in again.
pub const SESSION_HOURS: i64 = 12;

fn hash_password(pw: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| StoreError::Config(e.to_string()))?;
    Argon2::default()
        .hash_password(pw.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| StoreError::Config(format!("password hashing failed: {e}")))
}

fn verify_password(pw: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(pw.as_bytes(), &h).is_ok())
}

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn decode_user(r: &AnyRow) -> Result<User> {
    let id: i64 = r.try_get("id")?;
    let role: String = r.try_get("role")?;
    Ok(User {
        id,
        username: r.try_get("username")?,
        display_name: r.try_get("display_name")?,
        role: Role::parse(&role).ok_or(StoreError::Corrupt { table: "users", id, reason: format!("role {role:?}") })?,
        jurisdiction_id: r.try_get("jurisdiction_id")?,
        unit_id: r.try_get("unit_id")?,
        disabled: r.try_get::<i64, _>("disabled")? != 0,
        created_at: r.try_get("created_at")?,
    })
}

const USER_COLS: &str =
    "u.id, u.username, u.display_name, u.role, u.jurisdiction_id, u.unit_id, u.disabled, u.created_at";

impl Store {
    /// Checks an account's jurisdiction and unit against the actor's scope.
    async fn check_account_target(&self, actor: &Principal, input: &UserInput) -> Result<()> {
        let path = self.jurisdiction_path(input.jurisdiction_id).await.map_err(|e| match e {
            StoreError::NotFound { .. } => {
                unknown_reference("jurisdiction_id", "jurisdictions", input.jurisdiction_id, "no such jurisdiction")
                    .into()
            }
            e => e,
        })?;
        check_in_scope(actor, &path)?;
        if let Some(unit) = input.unit_id {
            let row = sqlx::query(
                "SELECT j.path FROM units u JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.id = $1",
            )
            .bind(unit)
            .fetch_optional(&self.pool)
            .await?;
            let Some(row) = row else {
                return Err(unknown_reference("unit_id", "units", unit, format!("unit {unit} does not exist")).into());
            };
            let upath: String = row.try_get(0)?;
            if !upath.starts_with(&path) {
                return Err(StoreError::invalid(
                    "unit_id",
                    code::OUTSIDE_JURISDICTION,
                    "the unit is not in the account's jurisdiction",
                ));
            }
        }
        Ok(())
    }

    /// Creates an account.
    pub async fn create_user(&self, actor: &Principal, input: UserInput) -> Result<User> {
        input.validate(true).map_err(StoreError::Invalid)?;
        self.check_account_target(actor, &input).await?;
        let hash = hash_password(input.password.as_deref().unwrap_or_default())?;
        let mut tx = self.begin_write().await?;
        let exists = sqlx::query("SELECT 1 FROM users WHERE username = $1")
            .bind(input.username.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            return Err(StoreError::conflict(format!("user name {} is taken", input.username)));
        }
        let t = now();
        let id: i64 = sqlx::query(
            "INSERT INTO users (username, display_name, role, jurisdiction_id, unit_id, password_hash, disabled, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
        )
        .bind(input.username.as_str())
        .bind(input.display_name.as_str())
        .bind(input.role.code())
        .bind(input.jurisdiction_id)
        .bind(input.unit_id)
        .bind(hash)
        .bind(input.disabled as i64)
        .bind(t.clone())
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        let user = User {
            id,
            username: input.username,
            display_name: input.display_name,
            role: input.role,
            jurisdiction_id: input.jurisdiction_id,
            unit_id: input.unit_id,
            disabled: input.disabled,
            created_at: t,
        };
        audit::append(
            &mut tx,
            self.backend,
            actor,
            AuditEntry::new("create", "users", Some(id), Some(user.jurisdiction_id)).after(&user),
        )
        .await?;
        tx.commit().await?;
        Ok(user)
    }

    /// Lists accounts in the caller's subtree.
    pub async fn list_users(&self, scope: &Scope) -> Result<Vec<User>> {
        let rows = crate::dynq(format!(
            "SELECT {USER_COLS} FROM users u JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE j.path LIKE $1 ORDER BY u.id"
        ))
        .bind(format!("{}%", escape_like(&scope.path)))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(decode_user).collect()
    }

    /// Gets an account in the caller's subtree.
    pub async fn get_user(&self, scope: &Scope, id: i64) -> Result<User> {
        let row = crate::dynq(format!(
            "SELECT {USER_COLS} FROM users u JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.id = $1 AND j.path LIKE $2"
        ))
        .bind(id)
        .bind(format!("{}%", escape_like(&scope.path)))
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(decode_user).transpose()?.ok_or(StoreError::NotFound { entity: "users", id })
    }

    /// Changes an account (the password only when given). Disabling or changing an account ends its sessions.
    pub async fn update_user(&self, actor: &Principal, id: i64, input: UserInput) -> Result<User> {
        input.validate(false).map_err(StoreError::Invalid)?;
        let before = self.get_user(&Scope::from(actor), id).await?;
        self.check_account_target(actor, &input).await?;
        if id == actor.user_id && (input.role != before.role || input.disabled) {
            return Err(StoreError::Forbidden("you cannot change your own role or disable yourself".into()));
        }
        let mut tx = self.begin_write().await?;
        let taken = sqlx::query("SELECT 1 FROM users WHERE username = $1 AND id <> $2")
            .bind(input.username.as_str())
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(StoreError::conflict(format!("user name {} is taken", input.username)));
        }
        sqlx::query(
            "UPDATE users SET username = $1, display_name = $2, role = $3, jurisdiction_id = $4, unit_id = $5, disabled = $6, updated_at = $7 WHERE id = $8",
        )
        .bind(input.username.as_str())
        .bind(input.display_name.as_str())
        .bind(input.role.code())
        .bind(input.jurisdiction_id)
        .bind(input.unit_id)
        .bind(input.disabled as i64)
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if let Some(pw) = &input.password {
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash_password(pw)?)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        let after = User {
            id,
            username: input.username,
            display_name: input.display_name,
            role: input.role,
            jurisdiction_id: input.jurisdiction_id,
            unit_id: input.unit_id,
            disabled: input.disabled,
            created_at: before.created_at.clone(),
        };
        audit::append(
            &mut tx,
            self.backend,
            actor,
            AuditEntry::new("update", "users", Some(id), Some(after.jurisdiction_id)).before(&before).after(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Deletes an account and its sessions.
    pub async fn delete_user(&self, actor: &Principal, id: i64) -> Result<()> {
        let before = self.get_user(&Scope::from(actor), id).await?;
        if id == actor.user_id {
            return Err(StoreError::Forbidden("you cannot delete yourself".into()));
        }
        let mut tx = self.begin_write().await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        sqlx::query("DELETE FROM users WHERE id = $1").bind(id).execute(&mut *tx).await?;
        audit::append(
            &mut tx,
            self.backend,
            actor,
            AuditEntry::new("delete", "users", Some(id), Some(before.jurisdiction_id)).before(&before),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a password by user name (the CLI's `huoyan user passwd`).
    pub async fn set_password(&self, actor: &Principal, username: &str, password: &str) -> Result<()> {
        huoyan_domain::account::check_password(username, password)?;
        let mut tx = self.begin_write().await?;
        let row = sqlx::query("SELECT id, jurisdiction_id FROM users WHERE username = $1")
            .bind(username)
            .fetch_optional(&mut *tx)
            .await?;
        let Some(row) = row else {
            let e = FieldError::new("username", code::UNKNOWN_REFERENCE, format!("no account named {username}"));
            return Err(e.with("name", username).with("kind", "users").into());
        };
        let (id, jid): (i64, i64) = (row.try_get(0)?, row.try_get(1)?);
        sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
            .bind(hash_password(password)?)
            .bind(now())
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
        audit::append(&mut tx, self.backend, actor, AuditEntry::new("set_password", "users", Some(id), Some(jid)))
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Checks a user name and password; on success opens a session and returns its token (shown once).
    pub async fn login(&self, username: &str, password: &str) -> Result<(String, User)> {
        let row = crate::dynq(format!("SELECT {USER_COLS}, u.password_hash FROM users u WHERE u.username = $1"))
            .bind(username)
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else {
            // Same work as a real check, so timing does not reveal which names exist.
            let _ = verify_password(
                password,
                "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000",
            );
            return Err(StoreError::BadCredentials);
        };
        let user = decode_user(&row)?;
        let hash: String = row.try_get("password_hash")?;
        if !verify_password(password, &hash) || user.disabled {
            return Err(StoreError::BadCredentials);
        }
        let mut raw = [0u8; 32];
        rand::rng().fill_bytes(&mut raw);
        let token = hex::encode(raw);
        let expires = (chrono::Utc::now() + chrono::Duration::hours(SESSION_HOURS))
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash(&token))
            .bind(user.id)
            .bind(now())
            .bind(expires)
            .execute(&self.pool)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1").bind(now()).execute(&self.pool).await?;
        Ok((token, user))
    }

    /// Resolves a bearer token to the acting principal; `None` when unknown, expired or disabled.
    pub async fn authenticate(&self, token: &str) -> Result<Option<Principal>> {
        if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT u.id, u.username, u.role, u.jurisdiction_id, u.unit_id, j.path, u.disabled FROM sessions s \
             JOIN users u ON u.id = s.user_id JOIN jurisdictions j ON j.id = u.jurisdiction_id \
             WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash(token))
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else { return Ok(None) };
        if r.try_get::<i64, _>(6)? != 0 {
            return Ok(None);
        }
        let role: String = r.try_get(2)?;
        let Some(role) = Role::parse(&role) else { return Ok(None) };
        Ok(Some(Principal {
            user_id: r.try_get(0)?,
            username: r.try_get(1)?,
            role,
            jurisdiction_id: r.try_get(3)?,
            unit_id: r.try_get(4)?,
            jurisdiction_path: r.try_get(5)?,
        }))
    }

    /// Ends a session.
    pub async fn logout(&self, token: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash(token)).execute(&self.pool).await?;
        Ok(())
    }
}
