-- GB/T 26875.3 gateway: registered user information transmission devices (UITD) and the
-- append-only log of the frames they sent. Never edit an applied migration: add a new one.

CREATE TABLE devices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    unit_id BIGINT REFERENCES units(id),
    address TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    last_seen_at TEXT,
    online BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX devices_jurisdiction ON devices(jurisdiction_id);

-- One row per frame received; a retransmission (same device, serial, command and ADU) has the same
-- content_hash and is not stored twice. Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE alarm_frames (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at TEXT NOT NULL,
    device_address TEXT NOT NULL,
    serial BIGINT NOT NULL,
    command BIGINT NOT NULL,
    adu_type BIGINT,
    raw TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    decoded TEXT NOT NULL,
    quarantined BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX alarm_frames_device ON alarm_frames(device_address, id);
CREATE TRIGGER alarm_frames_no_update BEFORE UPDATE ON alarm_frames
BEGIN
    SELECT RAISE(ABORT, 'alarm_frames is append-only');
END;
CREATE TRIGGER alarm_frames_no_delete BEFORE DELETE ON alarm_frames
BEGIN
    SELECT RAISE(ABORT, 'alarm_frames is append-only');
END;
