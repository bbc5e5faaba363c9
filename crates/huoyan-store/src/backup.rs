//! Consistent copies of the SQLite store while the server runs (`VACUUM INTO` reads one snapshot
//! under WAL, so writers carry on). PostgreSQL is backed up with its own tools (`pg_dump`).

use std::path::Path;

use sqlx::Row;

use crate::{Backend, Result, Store, StoreError};

impl Store {
    /// Writes a consistent copy of the SQLite database to `dest` (which must not exist) and checks it.
    pub async fn backup_to(&self, dest: &Path) -> Result<u64> {
        if self.backend != Backend::Sqlite {
            return Err(StoreError::Config(
                "huoyan backup copies the embedded SQLite store; back up PostgreSQL with pg_dump".into(),
            ));
        }
        if dest.exists() {
            return Err(StoreError::Config(format!("{} already exists; choose a new file", dest.display())));
        }
        let dest_str = dest.to_str().ok_or_else(|| StoreError::Config("backup path is not valid UTF-8".into()))?;
        sqlx::query("VACUUM INTO $1").bind(dest_str).execute(&self.pool).await?;
        let copy = Store::connect(&crate::StoreConfig {
            url: format!("sqlite://{dest_str}"),
            pg_schema: None,
            max_connections: 1,
        })
        .await?;
        let check: String = sqlx::query("PRAGMA quick_check").fetch_one(&copy.pool).await?.try_get(0)?;
        copy.close().await;
        if check != "ok" {
            return Err(StoreError::Config(format!("the copy failed its integrity check: {check}")));
        }
        Ok(std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0))
    }
}
