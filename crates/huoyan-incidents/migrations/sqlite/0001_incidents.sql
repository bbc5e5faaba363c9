-- Incidents (警情), their append-only timeline, dispatches of vehicles and alerts of stations,
-- digital pre-plans of key units with their attachments, and loaded dispatch plan sets.
-- Never edit an applied migration: add a new one.

CREATE TABLE incidents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    category TEXT NOT NULL,
    sub_type TEXT,
    level BIGINT NOT NULL,
    lon DOUBLE PRECISION NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    address TEXT NOT NULL,
    unit_id BIGINT REFERENCES units(id),
    source TEXT NOT NULL,
    alarm_id BIGINT,
    caller_name TEXT,
    caller_phone TEXT,
    status TEXT NOT NULL,
    deaths BIGINT NOT NULL DEFAULT 0,
    serious_injuries BIGINT NOT NULL DEFAULT 0,
    direct_loss_yuan DOUBLE PRECISION NOT NULL DEFAULT 0,
    reported_at TEXT NOT NULL,
    notes TEXT,
    plan_id TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX incidents_jurisdiction ON incidents(jurisdiction_id);
CREATE INDEX incidents_status ON incidents(status, id);
CREATE INDEX incidents_unit ON incidents(unit_id);
CREATE INDEX incidents_alarm ON incidents(alarm_id);

-- The timeline: one row per stage reached, never changed (triggers below).
CREATE TABLE incident_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    stage TEXT NOT NULL,
    at TEXT NOT NULL,
    vehicle_id BIGINT,
    actor_id BIGINT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT,
    warnings TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX incident_events_incident ON incident_events(incident_id, id);
CREATE TRIGGER incident_events_no_update BEFORE UPDATE ON incident_events
BEGIN
    SELECT RAISE(ABORT, 'incident_events is append-only');
END;
CREATE TRIGGER incident_events_no_delete BEFORE DELETE ON incident_events
BEGIN
    SELECT RAISE(ABORT, 'incident_events is append-only');
END;

-- A vehicle sent (vehicle_id set) or a station alerted (vehicle_id NULL, status 'alerted').
CREATE TABLE dispatches (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    incident_id BIGINT NOT NULL REFERENCES incidents(id),
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    vehicle_id BIGINT,
    station_id BIGINT NOT NULL,
    requirement TEXT,
    eta_s DOUBLE PRECISION,
    distance_m DOUBLE PRECISION,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX dispatches_incident ON dispatches(incident_id);
CREATE INDEX dispatches_station ON dispatches(station_id);
-- A vehicle is committed to at most one incident at a time.
CREATE UNIQUE INDEX dispatches_committed_vehicle ON dispatches(vehicle_id)
    WHERE vehicle_id IS NOT NULL AND status IN ('dispatched', 'en_route', 'on_scene', 'returning');

CREATE TABLE preplans (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    unit_id BIGINT NOT NULL UNIQUE REFERENCES units(id),
    doc TEXT NOT NULL,
    completeness DOUBLE PRECISION NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX preplans_jurisdiction ON preplans(jurisdiction_id);

-- Floor plans and other files of a pre-plan, kept in the database so that every node of a
-- PostgreSQL deployment serves the same files (size limits in huoyan-store/src/preplans.rs).
CREATE TABLE preplan_attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    preplan_id BIGINT NOT NULL REFERENCES preplans(id),
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX preplan_attachments_preplan ON preplan_attachments(preplan_id);

-- Dispatch plan sets as loaded (the newest is in force; none: the built-in baseline).
CREATE TABLE dispatch_plan_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    set_id TEXT NOT NULL,
    name TEXT NOT NULL,
    body TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    loaded_by TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);
