-- Remote monitoring (远程监控): the device registry grows to hold IoT sensors beside UITDs; alarms
-- derived from frames and sensor readings, with the operator's handling; the cursor of the alarm
-- engine over alarm_frames; sensor readings (append-only); the outgoing webhook queue.
-- Never edit an applied migration: add a new one.

ALTER TABLE devices ADD COLUMN kind TEXT NOT NULL DEFAULT 'uitd';
ALTER TABLE devices ADD COLUMN building_id BIGINT REFERENCES buildings(id);
ALTER TABLE devices ADD COLUMN water_source_id BIGINT REFERENCES water_sources(id);
ALTER TABLE devices ADD COLUMN token_hash TEXT;
ALTER TABLE devices ADD COLUMN last_value DOUBLE PRECISION;
CREATE INDEX devices_unit ON devices(unit_id);

-- One alarm per (device, kind) while unhandled: repeats merge into it (count, last_at, components).
-- open_key is 'address|kind' while the alarm is open or escalated and NULL once handled, so the
-- UNIQUE constraint allows one open alarm per key and any number of handled ones.
CREATE TABLE alarms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    unit_id BIGINT REFERENCES units(id),
    device_id BIGINT REFERENCES devices(id),
    device_address TEXT NOT NULL,
    kind TEXT NOT NULL,
    level TEXT NOT NULL,
    status TEXT NOT NULL,
    result TEXT,
    summary TEXT NOT NULL,
    detail TEXT NOT NULL,
    count BIGINT NOT NULL DEFAULT 1,
    first_at TEXT NOT NULL,
    last_at TEXT NOT NULL,
    first_frame_id BIGINT,
    last_frame_id BIGINT,
    escalated_at TEXT,
    handled_at TEXT,
    handled_by TEXT,
    note TEXT,
    incident_id BIGINT,
    open_key TEXT UNIQUE
);
CREATE INDEX alarms_status ON alarms(status, id);
CREATE INDEX alarms_unit ON alarms(unit_id, id);
CREATE INDEX alarms_device ON alarms(device_address, id);
CREATE INDEX alarms_jurisdiction ON alarms(jurisdiction_id, id);

-- How far each consumer of alarm_frames has read (the alarm engine: name 'alarms').
CREATE TABLE monitor_cursors (
    name TEXT PRIMARY KEY,
    last_id BIGINT NOT NULL
);

CREATE TABLE sensor_readings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    device_id BIGINT NOT NULL REFERENCES devices(id),
    at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    metric TEXT NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit TEXT NOT NULL
);
CREATE INDEX sensor_readings_device ON sensor_readings(device_id, id);
CREATE TRIGGER sensor_readings_no_update BEFORE UPDATE ON sensor_readings
BEGIN
    SELECT RAISE(ABORT, 'sensor_readings is append-only');
END;

-- Outgoing notifications (a confirmed fire → the 119 side), delivered at least once.
CREATE TABLE webhook_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    event TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_at TEXT NOT NULL,
    delivered_at TEXT,
    last_error TEXT
);
CREATE INDEX webhook_outbox_pending ON webhook_outbox(delivered_at, next_at);
