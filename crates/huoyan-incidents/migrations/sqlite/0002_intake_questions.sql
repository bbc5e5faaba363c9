-- The intake's standard questions and a readable number (issue 14, defect 8):
-- * number: 接警编号 `YYYY-NNNNNN`, the year of 接警 in Asia/Shanghai and the incident's place in
--   that year's intake order; given at intake from incident_numbers (one row per year, its last
--   number), never reused. Existing incidents are numbered here in id order.
-- * trapped: 被困人员, how many people the caller says are trapped (NULL: not known, 0: none).
-- * fire_location: 起火部位 (e.g. 三层厨房); burning_material: 燃烧物质 (e.g. 电动车、油类).
-- Never edit an applied migration: add a new one.
ALTER TABLE incidents ADD COLUMN number TEXT;
ALTER TABLE incidents ADD COLUMN trapped BIGINT;
ALTER TABLE incidents ADD COLUMN fire_location TEXT;
ALTER TABLE incidents ADD COLUMN burning_material TEXT;

CREATE TABLE incident_numbers (
    year BIGINT PRIMARY KEY,
    last BIGINT NOT NULL
);

UPDATE incidents SET number = (
    SELECT n.y || '-' || CASE WHEN n.rn < 1000000 THEN substr('00000' || n.rn, -6) ELSE CAST(n.rn AS TEXT) END
    FROM (
        SELECT id AS iid, strftime('%Y', reported_at, '+8 hours') AS y,
               ROW_NUMBER() OVER (PARTITION BY strftime('%Y', reported_at, '+8 hours') ORDER BY id) AS rn
        FROM incidents
    ) n
    WHERE n.iid = incidents.id
);
INSERT INTO incident_numbers (year, last)
    SELECT CAST(strftime('%Y', reported_at, '+8 hours') AS INTEGER), COUNT(*) FROM incidents
    GROUP BY strftime('%Y', reported_at, '+8 hours');
CREATE UNIQUE INDEX incidents_number ON incidents(number);
