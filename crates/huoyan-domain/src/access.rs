//! Access control: what each role may do with each kind of resource. Where — which records — is the
//! other half: every account is scoped to a jurisdiction subtree (a unit manager to one unit), and the
//! store applies that scope to every query. This table decides only the kind of access.

use serde::Serialize;

use crate::terms::Role;

/// Kinds of resource guarded by the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Resource {
    /// The jurisdiction tree.
    Jurisdiction,
    /// Roads.
    Road,
    /// Buildings.
    Building,
    /// Stations and other forces.
    Station,
    /// Vehicles.
    Vehicle,
    /// Personnel.
    Person,
    /// Water sources.
    WaterSource,
    /// Social units.
    Unit,
    /// Accounts.
    User,
    /// The audit log.
    Audit,
    /// Classification rule sets.
    RuleSet,
    /// Map features and statistics across layers.
    Map,
    /// Monitoring devices: UITDs (用户信息传输装置) and IoT sensors, with their threshold rules.
    Device,
    /// Alarms from monitored units (火警, 故障, 监管 …) and the operator's handling of them.
    Alarm,
    /// Incidents (警情): intake, timeline, dispatch.
    Incident,
    /// Dispatch plans (调派方案) and the recommendation they drive.
    DispatchPlan,
    /// Digital pre-plans (数字化预案) of key units.
    PrePlan,
}

impl Resource {
    /// Every resource.
    pub const ALL: [Resource; 17] = [
        Resource::Jurisdiction,
        Resource::Road,
        Resource::Building,
        Resource::Station,
        Resource::Vehicle,
        Resource::Person,
        Resource::WaterSource,
        Resource::Unit,
        Resource::User,
        Resource::Audit,
        Resource::RuleSet,
        Resource::Map,
        Resource::Device,
        Resource::Alarm,
        Resource::Incident,
        Resource::DispatchPlan,
        Resource::PrePlan,
    ];
}

/// Read or change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// List and get.
    Read,
    /// Create, update, delete.
    Write,
}

/// Whether `role` may perform `action` on `resource` (within its scope).
pub fn can(role: Role, resource: Resource, action: Action) -> bool {
    use Action::*;
    use Resource::*;
    let base_read = matches!(
        resource,
        Jurisdiction
            | Road
            | Building
            | Station
            | Vehicle
            | Person
            | WaterSource
            | Unit
            | RuleSet
            | Map
            | Device
            | Alarm
            | Incident
            | DispatchPlan
            | PrePlan
    );
    match (role, action) {
        (Role::Admin, _) => true,
        (Role::Dispatcher, Read) => base_read,
        // The 119 command centre handles alarms, runs incidents and keeps the dispatch plans.
        (Role::Dispatcher, Write) => matches!(resource, Station | Vehicle | Person | Alarm | Incident | DispatchPlan),
        (Role::Inspector, Read) => base_read,
        // Fire-prevention staff keep units, their monitoring devices and their pre-plans.
        (Role::Inspector, Write) => matches!(resource, Unit | Building | WaterSource | Device | PrePlan),
        (Role::Logistics, Read) => base_read,
        (Role::Logistics, Write) => matches!(resource, Station | Vehicle | Person | WaterSource),
        (Role::Leader, Read) => base_read || resource == Audit,
        (Role::Leader, Write) => false,
        (Role::Township, Read) => {
            matches!(resource, Jurisdiction | Road | Building | Station | WaterSource | Unit | RuleSet | Map)
        }
        (Role::Township, Write) => resource == Unit,
        // A unit manager keeps its unit's register entry and sees its unit's monitoring devices
        // and alarms (the store confines every list to the unit); it handles no alarm: the
        // monitoring centre does.
        (Role::UnitManager, Read) => matches!(resource, Unit | Device | Alarm),
        (Role::UnitManager, Write) => resource == Unit,
    }
}

/// Whether `role` may create records of `resource` — add one, import a spreadsheet of them — and
/// delete them. Every role that may write may, but a unit manager: it keeps its own unit's entry
/// current and adds nothing (the store refuses its creations and deletions, the import endpoint
/// refuses its uploads). The console shows 新增 and 导入 from this (`GET /auth/me`, `create`).
pub fn can_create(role: Role, resource: Resource) -> bool {
    can(role, resource, Action::Write) && role != Role::UnitManager
}

/// The fields of a unit (消防安全重点单位 …) that decide its classes or where it is: its 统一社会信用代码,
/// place, building, jurisdiction, use category and the metrics the class rules read (beds, floor
/// area, height, seats …). A unit's own manager may keep its contacts and description current but
/// not change these: that would let a unit declassify itself or move out of its brigade's view. The
/// brigade changes them (a reviewed change request from the unit is the portal's work).
pub const UNIT_FIELDS_LOCKED_FOR_MANAGER: &[&str] =
    &["uscc", "lon", "lat", "building_id", "jurisdiction_id", "use_category", "metrics"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_manager_changes_its_unit_but_creates_nothing() {
        assert!(can(Role::UnitManager, Resource::Unit, Action::Write));
        for res in Resource::ALL {
            assert!(!can_create(Role::UnitManager, res), "{res:?}");
            assert_eq!(can_create(Role::Inspector, res), can(Role::Inspector, res, Action::Write), "{res:?}");
        }
    }

    #[test]
    fn only_admins_manage_accounts() {
        for r in Role::ALL {
            assert_eq!(can(*r, Resource::User, Action::Write), *r == Role::Admin, "{r:?}");
        }
    }

    #[test]
    fn unit_managers_see_only_their_unit_things_and_leaders_change_nothing() {
        for res in Resource::ALL {
            let unit_things = matches!(res, Resource::Unit | Resource::Device | Resource::Alarm);
            assert_eq!(can(Role::UnitManager, res, Action::Read), unit_things, "{res:?}");
            assert_eq!(can(Role::UnitManager, res, Action::Write), res == Resource::Unit, "{res:?}");
            assert!(!can(Role::Leader, res, Action::Write));
        }
    }
}
