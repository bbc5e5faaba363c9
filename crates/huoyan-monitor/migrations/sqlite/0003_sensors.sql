-- IoT sensors (物联网传感器) in the device registry beside UITDs: what each sensor measures, readings
-- de-duplicated per (device, metric, time) so a re-sent MQTT message is stored once, and the
-- threshold rule sets loaded by an administrator (the latest is in force; the shipped set applies
-- when none was loaded). Never edit an applied migration: add a new one.

ALTER TABLE devices ADD COLUMN measurement TEXT;
CREATE INDEX devices_water_source ON devices(water_source_id);

CREATE UNIQUE INDEX sensor_readings_once ON sensor_readings(device_id, metric, at);
CREATE TRIGGER sensor_readings_no_delete BEFORE DELETE ON sensor_readings
BEGIN
    SELECT RAISE(ABORT, 'sensor_readings is append-only');
END;

CREATE TABLE threshold_rule_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    loaded_at TEXT NOT NULL,
    loaded_by TEXT NOT NULL,
    origin TEXT NOT NULL,
    body TEXT NOT NULL
);
