-- SQLite only: the R*Tree indexes of the records' bounding boxes (sqlite/0002_rtree.sql). PostgreSQL
-- indexes the same boxes with GiST in 0001_base.sql; this migration keeps the kernel's version
-- numbers the same on both backends. Never edit an applied migration: add a new one.
SELECT 1;
