//! Bulk writes for imports: many records in one transaction, so a failed import leaves the store
//! unchanged. Records that fail validation are skipped and reported (with their position in the
//! batch); any other failure aborts the whole import. One audit entry describes the import.

use huoyan_domain::Record;
use huoyan_domain::account::Principal;
use serde::Serialize;
use sqlx::{Any, Transaction};

use crate::audit::{self, AuditEntry};
use crate::{Result, Store, StoreError};

/// A record the store refused during an import.
#[derive(Debug, Clone, Serialize)]
pub struct Refused {
    /// Table.
    pub table: &'static str,
    /// Position in the batch given (0-based).
    pub index: usize,
    /// The record's source reference, when it has one.
    pub reason: String,
}

/// An import in progress: call [`BulkImport::records`] per kind, then [`BulkImport::commit`].
pub struct BulkImport<'s> {
    store: &'s Store,
    tx: Transaction<'static, Any>,
    actor: Principal,
    /// Records written, per table.
    pub written: std::collections::BTreeMap<&'static str, usize>,
    /// Records refused by the store's own checks.
    pub refused: Vec<Refused>,
}

impl Store {
    /// Starts an import as `actor`.
    pub async fn begin_import(&self, actor: &Principal) -> Result<BulkImport<'_>> {
        Ok(BulkImport {
            store: self,
            tx: self.begin_write().await?,
            actor: actor.clone(),
            written: Default::default(),
            refused: Vec::new(),
        })
    }
}

impl BulkImport<'_> {
    /// Writes records (jurisdiction assigned by location unless set); returns their ids in order,
    /// `None` for a refused record.
    pub async fn records<R: Record>(&mut self, items: Vec<R>) -> Result<Vec<Option<i64>>> {
        let mut ids = Vec::with_capacity(items.len());
        for (index, mut r) in items.into_iter().enumerate() {
            r.set_id(0);
            match self.store.prepare(&mut self.tx, &self.actor, &mut r, None).await {
                Ok(_) => {}
                Err(e @ (StoreError::Invalid(_) | StoreError::Conflict(_))) => {
                    if self.refused.len() < 1000 {
                        self.refused.push(Refused { table: R::KIND.table(), index, reason: e.to_string() });
                    }
                    ids.push(None);
                    continue;
                }
                Err(e) => return Err(e),
            }
            let id = self.store.insert_row(&mut self.tx, &r).await?;
            *self.written.entry(R::KIND.table()).or_default() += 1;
            ids.push(Some(id));
        }
        Ok(ids)
    }

    /// Commits everything, with one audit entry carrying `summary`.
    pub async fn commit<S: Serialize>(mut self, source: &str, summary: &S) -> Result<()> {
        let after = serde_json::json!({ "source": source, "written": self.written, "refused": self.refused.len(), "summary": summary });
        audit::append(
            &mut self.tx,
            self.store.backend,
            &self.actor,
            AuditEntry::new("import", "import", None, None).after(&after),
        )
        .await?;
        self.tx.commit().await?;
        Ok(())
    }

    /// Abandons the import; nothing is written.
    pub async fn rollback(self) -> Result<()> {
        self.tx.rollback().await?;
        Ok(())
    }
}
