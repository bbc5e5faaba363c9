//! The incidents module's storage: [`Incidents`], a view of the kernel's [`Store`] through which
//! every read and write of the module's tables goes (incidents, incident_events, dispatches,
//! preplans, preplan_attachments, dispatch_plan_sets). Each write checks the caller's scope,
//! appends to the audit log and commits in one transaction, like the kernel's own records.

pub mod dispatch;
pub mod incidents;
pub mod plansets;
pub mod preplans;
pub mod timeline;

use huoyan_store::Store;

/// The incidents module's view of the store: `Incidents(&store).create_incident(..)`. It derefs
/// to the [`Store`] for the kernel's functions (scope, audit, base registers).
#[derive(Clone, Copy)]
pub struct Incidents<'s>(pub &'s Store);

impl std::ops::Deref for Incidents<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        self.0
    }
}
