-- The de-duplication key of alarm_frames becomes (device_address, serial, content_hash) instead of
-- content_hash alone: the same uniqueness (the hash covers the address and the serial), but a
-- device's frames sit side by side in the index, so a batch of frames dirties about one index page
-- per device instead of one random page per frame (measured: 1.6–1.7× the rows per second of
-- SQLite inserting 256-frame batches with fsync). SQLite cannot drop a column's UNIQUE constraint,
-- so the table is rebuilt (ids, rows and the append-only triggers kept). Never edit an applied
-- migration: add a new one.
CREATE TABLE alarm_frames_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at TEXT NOT NULL,
    device_address TEXT NOT NULL,
    serial BIGINT NOT NULL,
    command BIGINT NOT NULL,
    adu_type BIGINT,
    raw TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    quarantined BIGINT NOT NULL DEFAULT 0
);
INSERT INTO alarm_frames_new (id, received_at, device_address, serial, command, adu_type, raw, content_hash, quarantined)
    SELECT id, received_at, device_address, serial, command, adu_type, raw, content_hash, quarantined FROM alarm_frames;
DROP TABLE alarm_frames;
ALTER TABLE alarm_frames_new RENAME TO alarm_frames;
CREATE UNIQUE INDEX alarm_frames_dedup ON alarm_frames(device_address, serial, content_hash);
CREATE INDEX alarm_frames_device ON alarm_frames(device_address, id);
CREATE TRIGGER alarm_frames_no_update BEFORE UPDATE ON alarm_frames
BEGIN
    SELECT RAISE(ABORT, 'alarm_frames is append-only');
END;
CREATE TRIGGER alarm_frames_no_delete BEFORE DELETE ON alarm_frames
BEGIN
    SELECT RAISE(ABORT, 'alarm_frames is append-only');
END;
