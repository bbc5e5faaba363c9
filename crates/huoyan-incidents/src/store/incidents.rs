//! Incidents (警情): intake from a 119 call or a confirmed alarm, reading, listing and correcting.
//! The timeline and dispatches are in [`crate::store::timeline`] and [`crate::store::dispatch`].
//!
//! An incident belongs to the deepest jurisdiction whose boundary contains its point (or the one
//! given, or the unit's, or the actor's); the actor must be able to act there. Creating one writes
//! the incident, its first timeline entry (接警 at `reported_at`) and an audit entry in one
//! transaction.
//!
//! The rules of a new incident's fields — WGS84 coordinates, text lengths, the response level,
//! the 接警 time not in the future, an alarm id, and the sub-type being one of the dispatch plan
//! set in force (resolved to its code) — are checked in one place, [`NewIncident::check`], which
//! gives a [`CheckedIncident`]; [`Incidents::insert_incident`] writes only a checked one, checking
//! what needs the database (scope, the unit, the alarm) in its transaction. The intake
//! ([`crate::intake`]) checks first and writes after the recommendation;
//! [`Incidents::create_incident`] does both for other callers.

use chrono::{DateTime, Utc};
use huoyan_domain::FieldError;
use huoyan_domain::account::Principal;
use huoyan_domain::incident::{FireGrade, IncidentCategory, fire_grade};
use huoyan_domain::validate::{Checker, code as kernel, out_of_range, unknown_reference};
use huoyan_store::audit::{self, AuditEntry};
use huoyan_store::query::{Arg, Page, Scope, Where, bind_all};
use huoyan_store::{Result, StoreError, check_in_scope, now};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};
use utoipa::ToSchema;

use crate::rules::PlanSet;
use crate::store::Incidents;

/// Where an incident came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum IncidentSource {
    /// A 119 call taken by an operator.
    Call,
    /// A monitored unit's fire alarm confirmed by an operator.
    Alarm {
        /// The alarm.
        alarm_id: i64,
    },
}

huoyan_domain::terms! {
    /// Where an incident stands, in the order an incident goes through them.
    IncidentStatus {
        /// 已接警: nothing sent yet.
        Received = ("received", "已接警"),
        /// 已调派: forces sent.
        Dispatched = ("dispatched", "已调派"),
        /// 到场处置: a force is on scene.
        OnScene = ("on_scene", "到场处置"),
        /// 已结束: 警情处置结束 recorded.
        Closed = ("closed", "已结束"),
    }
}

/// An incident to create.
#[derive(Debug, Clone, PartialEq)]
pub struct NewIncident {
    /// Category.
    pub category: IncidentCategory,
    /// Sub-type code of the dispatch plan set in force (e.g. `high_rise`).
    pub sub_type: Option<String>,
    /// Response level 1–5.
    pub level: u8,
    /// Longitude (WGS84).
    pub lon: f64,
    /// Latitude (WGS84).
    pub lat: f64,
    /// Address as told or looked up.
    pub address: String,
    /// The unit at the address, when known.
    pub unit_id: Option<i64>,
    /// Call or confirmed alarm.
    pub source: IncidentSource,
    /// Caller's name.
    pub caller_name: Option<String>,
    /// Caller's telephone.
    pub caller_phone: Option<String>,
    /// 被困人员: how many people are trapped, as told (`None`: not known, 0: none).
    pub trapped: Option<i64>,
    /// 起火部位 (e.g. 三层厨房).
    pub fire_location: Option<String>,
    /// 燃烧物质 (e.g. 电动车、油类、化学品).
    pub burning_material: Option<String>,
    /// When the call or alarm came in (接警时间).
    pub reported_at: DateTime<Utc>,
    /// Notes.
    pub notes: Option<String>,
    /// Jurisdiction; `None`: the deepest node containing the point, else the unit's, else the actor's.
    pub jurisdiction_id: Option<i64>,
    /// The dispatch plan chosen at intake, if any.
    pub plan_id: Option<String>,
}

impl NewIncident {
    /// Checks every field (all failures are reported): the coordinates, address, caller and
    /// notes, the response level 1–5, a positive alarm id, 接警 not in the future (5 minutes of
    /// clock skew allowed), and the sub-type (code or Chinese term) against `plans`, the set in
    /// force. The one place these rules are checked.
    pub fn check(mut self, plans: &PlanSet) -> std::result::Result<CheckedIncident, Vec<FieldError>> {
        let mut c = Checker::default();
        c.lon_lat(self.lon, self.lat);
        c.text("address", &self.address);
        c.opt_text("caller_name", &self.caller_name);
        c.opt_text("caller_phone", &self.caller_phone);
        c.opt_text("notes", &self.notes);
        check_questions(&mut c, self.trapped, &self.fire_location, &self.burning_material);
        if !(1..=crate::rules::MAX_LEVEL).contains(&self.level) {
            c.push(level_out_of_range(self.level));
        }
        if let IncidentSource::Alarm { alarm_id } = self.source
            && alarm_id <= 0
        {
            c.push(
                FieldError::new("source.alarm_id", kernel::UNKNOWN_REFERENCE, "must be a positive id")
                    .with("id", alarm_id)
                    .with("kind", "alarms"),
            );
        }
        if self.reported_at > Utc::now() + chrono::Duration::minutes(5) {
            c.push(
                FieldError::new("reported_at", kernel::IN_FUTURE, "接警时间不能晚于当前时间 (in the future)")
                    .with("stage", "alarm"),
            );
        }
        match sub_type_code(plans, self.category, self.sub_type.as_deref()) {
            Ok(code) => self.sub_type = code,
            Err(e) => c.push(e),
        }
        c.finish()?;
        Ok(CheckedIncident(self))
    }

    /// A level-1 incident from a call, reported now.
    pub fn new(category: IncidentCategory, lon: f64, lat: f64, address: impl Into<String>) -> NewIncident {
        NewIncident {
            category,
            sub_type: None,
            level: 1,
            lon,
            lat,
            address: address.into(),
            unit_id: None,
            source: IncidentSource::Call,
            caller_name: None,
            caller_phone: None,
            trapped: None,
            fire_location: None,
            burning_material: None,
            reported_at: Utc::now(),
            notes: None,
            jurisdiction_id: None,
            plan_id: None,
        }
    }
}

/// A new incident whose fields passed [`NewIncident::check`] (its sub-type is the plan set's code).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedIncident(NewIncident);

impl std::ops::Deref for CheckedIncident {
    type Target = NewIncident;
    fn deref(&self) -> &NewIncident {
        &self.0
    }
}

impl CheckedIncident {
    /// Sets the dispatch plan chosen for it (the plan is not one of the checked fields).
    pub fn set_plan(&mut self, plan_id: Option<String>) {
        self.0.plan_id = plan_id;
    }
}

/// The sub-type code for a code or Chinese term (`None` for none or blank), checked against the
/// plan set `plans`.
fn sub_type_code(
    plans: &PlanSet,
    category: IncidentCategory,
    sub: Option<&str>,
) -> std::result::Result<Option<String>, FieldError> {
    let Some(word) = sub.map(str::trim).filter(|s| !s.is_empty()) else { return Ok(None) };
    match plans.sub_type(category, word) {
        Some(s) => Ok(Some(s.code.clone())),
        None => {
            let known: Vec<String> = plans
                .sub_types
                .iter()
                .filter(|s| s.category == category)
                .map(|s| format!("{}({})", s.code, s.zh))
                .collect();
            let reason =
                format!("unknown sub-type {word:?} for {}; expected one of: {}", category.zh(), known.join(", "));
            Err(FieldError::new("sub_type", kernel::UNKNOWN_VALUE, reason)
                .with("value", word)
                .with("category", category.code()))
        }
    }
}

/// A stored incident.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Incident {
    /// Id.
    pub id: i64,
    /// 接警编号 `YYYY-NNNNNN`: the year of 接警 (Asia/Shanghai) and the incident's place in that
    /// year's intake order (e.g. `2026-000123`); what the users say and search by.
    pub number: String,
    /// Jurisdiction node.
    pub jurisdiction_id: i64,
    /// Category.
    pub category: IncidentCategory,
    /// Sub-type code.
    pub sub_type: Option<String>,
    /// Response level 1–5.
    pub level: u8,
    /// Longitude.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// Address.
    pub address: String,
    /// Unit at the address.
    pub unit_id: Option<i64>,
    /// The unit's name (as registered now), when there is a unit.
    pub unit_name: Option<String>,
    /// Call or alarm.
    pub source: IncidentSource,
    /// Caller's name.
    pub caller_name: Option<String>,
    /// Caller's telephone.
    pub caller_phone: Option<String>,
    /// 被困人员: people trapped, as told (`null`: not known, 0: none).
    pub trapped: Option<i64>,
    /// 起火部位.
    pub fire_location: Option<String>,
    /// 燃烧物质.
    pub burning_material: Option<String>,
    /// Status.
    pub status: IncidentStatus,
    /// Deaths (fire grading input).
    pub deaths: i64,
    /// Serious injuries (fire grading input).
    pub serious_injuries: i64,
    /// Direct loss, yuan (fire grading input).
    pub direct_loss_yuan: f64,
    /// Fire grade from the three inputs (公安部 2007 通知), for fires.
    pub fire_grade: Option<FireGrade>,
    /// 接警时间 (UTC RFC 3339).
    pub reported_at: String,
    /// Notes.
    pub notes: Option<String>,
    /// Dispatch plan chosen at intake.
    pub plan_id: Option<String>,
    /// Who took it.
    pub created_by: String,
    /// Created (UTC).
    pub created_at: String,
    /// Last change (UTC).
    pub updated_at: String,
    /// Incremented on every change.
    pub version: i64,
}

/// Changes to an incident (absent fields stay).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IncidentPatch {
    /// Category (e.g. reclassified as 虚假警).
    #[serde(default)]
    pub category: Option<IncidentCategory>,
    /// Sub-type code; `""` clears it.
    #[serde(default)]
    pub sub_type: Option<String>,
    /// Response level 1–5 (escalation).
    #[serde(default)]
    pub level: Option<u8>,
    /// Address.
    #[serde(default)]
    pub address: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// 被困人员 (people trapped, as now known); a negative value is refused.
    #[serde(default)]
    pub trapped: Option<i64>,
    /// 起火部位.
    #[serde(default)]
    pub fire_location: Option<String>,
    /// 燃烧物质.
    #[serde(default)]
    pub burning_material: Option<String>,
    /// Deaths.
    #[serde(default)]
    pub deaths: Option<i64>,
    /// Serious injuries.
    #[serde(default)]
    pub serious_injuries: Option<i64>,
    /// Direct loss, yuan.
    #[serde(default)]
    pub direct_loss_yuan: Option<f64>,
}

/// Filters for listing incidents.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IncidentQuery {
    /// Any of these statuses (codes).
    pub statuses: Vec<String>,
    /// Category code.
    pub category: Option<String>,
    /// Only those with an active status (not closed).
    pub open_only: bool,
    /// A 接警编号 (`2026-000123`) or its sequence alone (`123`: digits only match numbers), or a
    /// part of the address or of the unit's name.
    pub q: Option<String>,
    /// Page size (default 50, at most 1000).
    pub limit: Option<i64>,
    /// Rows to skip.
    pub offset: Option<i64>,
}

const COLS: &str = "id, number, jurisdiction_id, category, sub_type, level, lon, lat, address, unit_id, \
    (SELECT u.name FROM units u WHERE u.id = incidents.unit_id) AS unit_name, source, alarm_id, caller_name, caller_phone, \
    trapped, fire_location, burning_material, \
    status, deaths, serious_injuries, direct_loss_yuan, reported_at, notes, plan_id, created_by, created_at, updated_at, version";

pub(crate) fn decode(r: &AnyRow) -> Result<Incident> {
    let id: i64 = r.try_get("id")?;
    let corrupt = |reason: String| StoreError::Corrupt { table: "incidents", id, reason };
    let category: String = r.try_get("category")?;
    let category = IncidentCategory::parse(&category).ok_or_else(|| corrupt(format!("category {category:?}")))?;
    let status: String = r.try_get("status")?;
    let source: String = r.try_get("source")?;
    let alarm_id: Option<i64> = r.try_get("alarm_id")?;
    let source = match (source.as_str(), alarm_id) {
        ("call", _) => IncidentSource::Call,
        ("alarm", Some(alarm_id)) => IncidentSource::Alarm { alarm_id },
        (s, _) => return Err(corrupt(format!("source {s:?}"))),
    };
    let (deaths, injuries, loss): (i64, i64, f64) =
        (r.try_get("deaths")?, r.try_get("serious_injuries")?, r.try_get("direct_loss_yuan")?);
    let level: i64 = r.try_get("level")?;
    let number: Option<String> = r.try_get("number")?;
    Ok(Incident {
        id,
        number: number.ok_or_else(|| corrupt("no number".into()))?,
        jurisdiction_id: r.try_get("jurisdiction_id")?,
        category,
        sub_type: r.try_get("sub_type")?,
        level: u8::try_from(level).map_err(|_| corrupt(format!("level {level}")))?,
        lon: r.try_get("lon")?,
        lat: r.try_get("lat")?,
        address: r.try_get("address")?,
        unit_id: r.try_get("unit_id")?,
        unit_name: r.try_get("unit_name")?,
        source,
        caller_name: r.try_get("caller_name")?,
        caller_phone: r.try_get("caller_phone")?,
        trapped: r.try_get("trapped")?,
        fire_location: r.try_get("fire_location")?,
        burning_material: r.try_get("burning_material")?,
        status: IncidentStatus::parse(&status).ok_or_else(|| corrupt(format!("status {status:?}")))?,
        deaths,
        serious_injuries: injuries,
        direct_loss_yuan: loss,
        fire_grade: (category == IncidentCategory::Fire).then(|| {
            fire_grade(deaths.clamp(0, u32::MAX as i64) as u32, injuries.clamp(0, u32::MAX as i64) as u32, loss)
        }),
        reported_at: r.try_get("reported_at")?,
        notes: r.try_get("notes")?,
        plan_id: r.try_get("plan_id")?,
        created_by: r.try_get("created_by")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        version: r.try_get("version")?,
    })
}

fn no_unit_managers(scope: &Scope) -> Result<()> {
    if scope.unit_id.is_some() {
        Err(StoreError::Forbidden("a unit manager does not see incidents".into()))
    } else {
        Ok(())
    }
}

impl Incidents<'_> {
    /// Checks ([`NewIncident::check`]) and creates an incident with its 接警 timeline entry and an
    /// audit entry, in one transaction.
    pub async fn create_incident(&self, actor: &Principal, input: NewIncident) -> Result<Incident> {
        let plans = self.dispatch_plans().await?;
        let checked = input.check(&plans).map_err(StoreError::Invalid)?;
        self.insert_incident(actor, checked).await
    }

    /// Writes a checked incident with its 接警 timeline entry and an audit entry, in one
    /// transaction, checking there what needs the database: the actor may act in its
    /// jurisdiction, its unit exists in the actor's scope, and its alarm may become an incident
    /// (monitoring's rule, [`huoyan_monitor::api::alarm_for_incident`]), which it links.
    pub async fn insert_incident(&self, actor: &Principal, input: CheckedIncident) -> Result<Incident> {
        no_unit_managers(&Scope::from(actor))?;
        let CheckedIncident(input) = input;
        let sub_type = input.sub_type.clone();
        let mut tx = self.begin_write().await?;
        if let IncidentSource::Alarm { alarm_id } = input.source {
            huoyan_monitor::api::alarm_for_incident(&mut tx, actor, alarm_id).await?;
        }
        let unit_jid = match input.unit_id {
            Some(u) => Some(self.unit_jurisdiction(&mut tx, actor, u).await?),
            None => None,
        };
        let jid = match input.jurisdiction_id {
            Some(j) => j,
            None => match self.locate(input.lon, input.lat, "/").await? {
                Some(j) => j,
                None => match unit_jid {
                    Some(j) => j,
                    None => self.default_jurisdiction(actor).await?,
                },
            },
        };
        let path = self.jurisdiction_path_tx(&mut tx, jid).await?;
        check_in_scope(actor, &path)?;
        let (source, alarm_id) = match input.source {
            IncidentSource::Call => ("call", None),
            IncidentSource::Alarm { alarm_id } => ("alarm", Some(alarm_id)),
        };
        let at = now();
        let reported = input.reported_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let year = crate::rules::number_year(input.reported_at);
        let seq: i64 = sqlx::query(
            "INSERT INTO incident_numbers (year, last) VALUES ($1, 1) \
             ON CONFLICT (year) DO UPDATE SET last = incident_numbers.last + 1 RETURNING last",
        )
        .bind(year)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        let row = sqlx::query(
            "INSERT INTO incidents (jurisdiction_id, category, sub_type, level, lon, lat, address, unit_id, source, alarm_id, caller_name, caller_phone, \
             status, reported_at, notes, plan_id, created_by, created_at, updated_at, number, trapped, fire_location, burning_material) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'received', $13, $14, $15, $16, $17, $17, $18, $19, $20, $21) RETURNING id",
        )
        .bind(jid)
        .bind(input.category.code())
        .bind(sub_type)
        .bind(input.level as i64)
        .bind(input.lon)
        .bind(input.lat)
        .bind(input.address.trim())
        .bind(input.unit_id)
        .bind(source)
        .bind(alarm_id)
        .bind(input.caller_name)
        .bind(input.caller_phone)
        .bind(reported.as_str())
        .bind(input.notes)
        .bind(input.plan_id)
        .bind(actor.username.as_str())
        .bind(at.as_str())
        .bind(crate::rules::incident_number(year, seq))
        .bind(input.trapped)
        .bind(input.fire_location.as_deref().map(str::trim).filter(|s| !s.is_empty()))
        .bind(input.burning_material.as_deref().map(str::trim).filter(|s| !s.is_empty()))
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get(0)?;
        if let Some(alarm_id) = alarm_id {
            huoyan_monitor::api::link_incident_tx(&mut tx, alarm_id, id).await?;
        }
        crate::store::timeline::insert_event(
            &mut tx,
            self.backend(),
            actor,
            id,
            crate::rules::Stage::Alarm,
            &reported,
            None,
            None,
            &[],
        )
        .await?;
        let inc = self.incident_tx(&mut tx, id).await?;
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("create", "incidents", Some(id), Some(jid)).after(&inc),
        )
        .await?;
        tx.commit().await?;
        Ok(inc)
    }

    /// The unit's jurisdiction, when the unit exists and the actor may act there.
    async fn unit_jurisdiction(&self, tx: &mut Transaction<'_, Any>, actor: &Principal, unit_id: i64) -> Result<i64> {
        let row = sqlx::query("SELECT u.jurisdiction_id, j.path FROM units u JOIN jurisdictions j ON j.id = u.jurisdiction_id WHERE u.id = $1")
            .bind(unit_id)
            .fetch_optional(&mut **tx)
            .await?;
        let Some(row) = row else {
            return Err(unknown_reference("unit_id", "units", unit_id, format!("unit {unit_id} does not exist")).into());
        };
        let path: String = row.try_get(1)?;
        if !huoyan_domain::jurisdiction::path_within(&path, &actor.jurisdiction_path) {
            return Err(unknown_reference("unit_id", "units", unit_id, format!("unit {unit_id} does not exist")).into());
        }
        Ok(row.try_get(0)?)
    }

    pub(crate) async fn incident_tx(&self, tx: &mut Transaction<'_, Any>, id: i64) -> Result<Incident> {
        let row = huoyan_store::dynq(format!("SELECT {COLS} FROM incidents WHERE id = $1"))
            .bind(id)
            .fetch_optional(&mut **tx)
            .await?;
        row.as_ref().map(decode).transpose()?.ok_or(StoreError::NotFound { entity: "incidents", id })
    }

    /// One incident visible in `scope`.
    pub async fn get_incident(&self, scope: &Scope, id: i64) -> Result<Incident> {
        no_unit_managers(scope)?;
        let mut w = Where::default();
        w.push("id = $1".into(), vec![Arg::I(id)]);
        w.subtree(&scope.path);
        let row = bind_all(huoyan_store::dynq(format!("SELECT {COLS} FROM incidents{}", w.sql())), &w.args)
            .fetch_optional(self.pool())
            .await?;
        row.as_ref().map(decode).transpose()?.ok_or(StoreError::NotFound { entity: "incidents", id })
    }

    /// Incidents visible in `scope`, newest first.
    pub async fn list_incidents(&self, scope: &Scope, q: &IncidentQuery) -> Result<Page<Incident>> {
        no_unit_managers(scope)?;
        let mut w = Where::default();
        w.subtree(&scope.path);
        if !q.statuses.is_empty() {
            let n = w.next();
            let ph: Vec<String> = (0..q.statuses.len()).map(|i| format!("${}", n + i)).collect();
            w.push(format!("status IN ({})", ph.join(", ")), q.statuses.iter().cloned().map(Arg::T).collect());
        }
        if q.open_only {
            w.push("status <> 'closed'".into(), vec![]);
        }
        if let Some(c) = &q.category {
            let n = w.next();
            w.push(format!("category = ${n}"), vec![Arg::T(c.clone())]);
        }
        if let Some(text) = &q.q {
            let n = w.next();
            if let Ok(seq) = text.parse::<u32>() {
                // A number as said on the radio: its sequence alone (`123`), of any year.
                w.push(format!("number LIKE ${n}"), vec![Arg::T(format!("%-{seq:06}"))]);
            } else {
                let like = self.backend().ilike();
                w.push(
                    format!(
                        "(number = ${n} OR address {like} ${m} ESCAPE '\\' \
                         OR unit_id IN (SELECT id FROM units WHERE name {like} ${m} ESCAPE '\\'))",
                        m = n + 1
                    ),
                    vec![Arg::T(text.clone()), Arg::T(format!("%{}%", huoyan_store::query::escape_like(text)))],
                );
            }
        }
        let limit = q.limit.unwrap_or(50).clamp(1, 1000);
        let offset = q.offset.unwrap_or(0).max(0);
        let total: i64 = bind_all(huoyan_store::dynq(format!("SELECT COUNT(*) FROM incidents{}", w.sql())), &w.args)
            .fetch_one(self.pool())
            .await?
            .try_get(0)?;
        let sql = format!("SELECT {COLS} FROM incidents{} ORDER BY id DESC LIMIT {limit} OFFSET {offset}", w.sql());
        let rows = bind_all(huoyan_store::dynq(&sql), &w.args).fetch_all(self.pool()).await?;
        Ok(Page { items: rows.iter().map(decode).collect::<Result<_>>()?, total, limit, offset })
    }

    /// Corrects or escalates an incident (level, category, sub-type, address, notes, grading inputs).
    pub async fn update_incident(&self, actor: &Principal, id: i64, p: IncidentPatch) -> Result<Incident> {
        let before = self.get_incident(&Scope::from(actor), id).await?;
        let mut c = Checker::default();
        if let Some(a) = &p.address {
            c.text("address", a);
        }
        c.opt_text("notes", &p.notes);
        check_questions(&mut c, p.trapped, &p.fire_location, &p.burning_material);
        if p.level.is_some_and(|l| !(1..=crate::rules::MAX_LEVEL).contains(&l)) {
            c.push(level_out_of_range(p.level.unwrap_or_default()));
        }
        c.int_range("deaths", p.deaths, 0, 100_000);
        c.int_range("serious_injuries", p.serious_injuries, 0, 100_000);
        c.range("direct_loss_yuan", p.direct_loss_yuan, 0.0, 1e13);
        c.finish().map_err(StoreError::Invalid)?;
        let category = p.category.unwrap_or(before.category);
        let sub_type = match &p.sub_type {
            Some(s) => sub_type_code(&*self.dispatch_plans().await?, category, Some(s))?,
            None if category != before.category => None,
            None => before.sub_type.clone(),
        };
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE incidents SET category = $1, sub_type = $2, level = $3, address = $4, notes = $5, deaths = $6, serious_injuries = $7, \
             direct_loss_yuan = $8, updated_at = $9, version = version + 1, trapped = $12, fire_location = $13, burning_material = $14 \
             WHERE id = $10 AND version = $11",
        )
        .bind(category.code())
        .bind(sub_type)
        .bind(p.level.unwrap_or(before.level) as i64)
        .bind(p.address.as_deref().map(str::trim).unwrap_or(&before.address).to_string())
        .bind(p.notes.clone().or(before.notes.clone()))
        .bind(p.deaths.unwrap_or(before.deaths))
        .bind(p.serious_injuries.unwrap_or(before.serious_injuries))
        .bind(p.direct_loss_yuan.unwrap_or(before.direct_loss_yuan))
        .bind(now())
        .bind(id)
        .bind(before.version)
        .bind(p.trapped.or(before.trapped))
        .bind(blank_clears(&p.fire_location, &before.fire_location))
        .bind(blank_clears(&p.burning_material, &before.burning_material))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(StoreError::Conflict("the incident was changed meanwhile; reload and try again".into()));
        }
        let after = self.incident_tx(&mut tx, id).await?;
        audit::append(
            &mut tx,
            self.backend(),
            actor,
            AuditEntry::new("update", "incidents", Some(id), Some(after.jurisdiction_id)).before(&before).after(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}
/// The intake's questions: 被困人员 0–100000 (a count), 起火部位 and 燃烧物质 as short texts.
fn check_questions(c: &mut Checker, trapped: Option<i64>, location: &Option<String>, material: &Option<String>) {
    c.int_range("trapped", trapped, 0, 100_000);
    c.opt_text("fire_location", location);
    c.opt_text("burning_material", material);
}

/// A patched text: absent keeps `before`, blank clears it.
fn blank_clears(patch: &Option<String>, before: &Option<String>) -> Option<String> {
    match patch {
        Some(s) if s.trim().is_empty() => None,
        Some(s) => Some(s.trim().to_string()),
        None => before.clone(),
    }
}

/// The response level is not 1–5 (`out_of_range`).
fn level_out_of_range(level: u8) -> FieldError {
    let e = out_of_range("level", level, 1, crate::rules::MAX_LEVEL);
    FieldError { reason: "response level must be 1–5 (一级 … 五级)".into(), ..e }
}
