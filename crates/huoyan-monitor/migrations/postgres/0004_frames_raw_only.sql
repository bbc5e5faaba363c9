-- A frame is stored once, as its wire bytes: the decoded JSONB document (as large as the rest of
-- the row together, and built, serialised and parsed again for every frame) is no longer kept;
-- readers decode `raw` (huoyan-gb26875), which gives the same document. Never edit an applied
-- migration: add a new one.
ALTER TABLE alarm_frames DROP COLUMN decoded;
