-- alarm_frames.content_hash keeps 128 bits of SHA-256 as `uuid` (16 bytes, compared bytewise)
-- instead of 64 hex digits of text compared by collation: the same de-duplication (a collision
-- would need two different frames of one device with the same serial and the same 128 bits), a
-- unique index half the size, and inserts about a fifth cheaper (300,000 rows in psql: 2.0–2.2 s
-- against 2.5–2.8 s). Existing hashes are cut to their first 32 digits, as
-- `NewFrame::content_hash` now computes them (a table rewrite fires no row trigger). Never edit an
-- applied migration: add a new one.
ALTER TABLE alarm_frames ALTER COLUMN content_hash TYPE uuid USING CAST(substr(content_hash, 1, 32) AS uuid);
