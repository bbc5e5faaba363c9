//! The monitoring module's storage: [`Monitoring`], a view of the kernel's [`Store`] through which
//! every read and write of the module's tables goes — devices (UITDs and sensors), the append-only
//! frame log (`alarm_frames`), sensor readings, alarms, threshold rule sets — and the KPIs over
//! them. The hot writers (frames, signals, readings, handling) take the kernel's write turn
//! ([`Store::writer`]).

pub mod alarms;
pub mod cursor;
pub mod frame_reader;
pub mod frames;
pub mod kpis;
pub mod outbox;
pub mod sensors;

use huoyan_store::Store;

/// The monitoring module's view of the store: `Monitoring(&store).store_frames(..)`. It derefs to
/// the [`Store`] for the kernel's functions (scope, audit, cursors, base registers).
#[derive(Clone, Copy)]
pub struct Monitoring<'s>(pub &'s Store);

impl std::ops::Deref for Monitoring<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        self.0
    }
}
