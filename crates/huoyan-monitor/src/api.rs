//! The monitoring module's public interface to other modules: what they may ask of it, and
//! nothing of its tables. The incidents module takes an incident in from a confirmed 火警
//! through it; anything else another module needs from monitoring is added here (a function or
//! an event), never by reaching into [`crate::store`].
//!
//! - [`alarm_for_incident`] checks, in the caller's transaction, that an alarm may become an
//!   incident (in the actor's scope, a 火警 confirmed as real, not yet an incident) — the one
//!   place that rule lives; [`check_alarm_for_incident`] asks the same question outside a
//!   transaction, to answer before work that depends on the alarm (its unit is the intake's
//!   default place);
//! - [`link_incident_tx`] links the alarm to the incident it became, in the same transaction;
//! - [`alarm`] reads one alarm in a scope, and [`alarm_event`] is its event for the consoles'
//!   live panel (published when the alarm becomes an incident).

use huoyan_domain::account::Principal;
use huoyan_store::{Result, Scope, Store};

use crate::store::Monitoring;

pub use crate::events::alarm_event;
pub use crate::kinds::{AlarmKind, AlarmResult};
pub use crate::store::alarms::Alarm;

type Tx<'c> = sqlx::Transaction<'c, sqlx::Any>;

/// The alarm an incident is taken in from, checked in the intake's transaction: it exists in
/// the actor's scope, is a 火警 an operator confirmed as real (确认真实火警), and has not become an
/// incident yet. Refusals name the field `source.alarm_id` (codes `unknown_reference`,
/// `alarm_not_fire`, `alarm_not_confirmed`, 409 `alarm_has_incident`).
pub async fn alarm_for_incident(tx: &mut Tx<'_>, actor: &Principal, id: i64) -> Result<Alarm> {
    crate::store::alarms::alarm_for_incident(tx, actor, id).await
}

/// [`alarm_for_incident`] outside a transaction (read, then rolled back): for answering before
/// work that depends on the alarm. The intake's transaction checks again.
pub async fn check_alarm_for_incident(store: &Store, actor: &Principal, id: i64) -> Result<Alarm> {
    Monitoring(store).alarm_for_incident(actor, id).await
}

/// Links alarm `alarm_id` to incident `incident_id` in the intake's transaction; a concurrent
/// intake from the same alarm loses with a conflict (409 `alarm_has_incident`).
pub async fn link_incident_tx(tx: &mut Tx<'_>, alarm_id: i64, incident_id: i64) -> Result<()> {
    crate::store::alarms::link_incident_tx(tx, alarm_id, incident_id).await
}

/// One alarm visible in `scope`.
pub async fn alarm(store: &Store, scope: &Scope, id: i64) -> Result<Alarm> {
    Monitoring(store).get_alarm(scope, id).await
}
