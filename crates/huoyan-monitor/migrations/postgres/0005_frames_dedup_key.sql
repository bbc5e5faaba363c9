-- The de-duplication key of alarm_frames becomes (device_address, serial, content_hash) instead of
-- content_hash alone: the same uniqueness (the hash covers the address and the serial), with a
-- device's frames side by side in the index instead of one random index page per frame. Never
-- edit an applied migration: add a new one.
CREATE UNIQUE INDEX alarm_frames_dedup ON alarm_frames(device_address, serial, content_hash);
ALTER TABLE alarm_frames DROP CONSTRAINT alarm_frames_content_hash_key;
