-- SQLite: an R*Tree index of every record table's bounding box, kept in step by triggers.
-- The R*Tree stores 32-bit floats rounded outwards, so it returns a superset; queries keep the exact test.

CREATE VIRTUAL TABLE roads_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
INSERT INTO roads_rtree SELECT id, min_lon, max_lon, min_lat, max_lat FROM roads WHERE min_lon IS NOT NULL;
CREATE TRIGGER roads_rtree_insert AFTER INSERT ON roads WHEN NEW.min_lon IS NOT NULL
BEGIN
    INSERT INTO roads_rtree VALUES (NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat);
END;
CREATE TRIGGER roads_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON roads
BEGIN
    DELETE FROM roads_rtree WHERE id = OLD.id;
    INSERT INTO roads_rtree SELECT NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat WHERE NEW.min_lon IS NOT NULL;
END;
CREATE TRIGGER roads_rtree_delete AFTER DELETE ON roads
BEGIN
    DELETE FROM roads_rtree WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE buildings_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
INSERT INTO buildings_rtree SELECT id, min_lon, max_lon, min_lat, max_lat FROM buildings WHERE min_lon IS NOT NULL;
CREATE TRIGGER buildings_rtree_insert AFTER INSERT ON buildings WHEN NEW.min_lon IS NOT NULL
BEGIN
    INSERT INTO buildings_rtree VALUES (NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat);
END;
CREATE TRIGGER buildings_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON buildings
BEGIN
    DELETE FROM buildings_rtree WHERE id = OLD.id;
    INSERT INTO buildings_rtree SELECT NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat WHERE NEW.min_lon IS NOT NULL;
END;
CREATE TRIGGER buildings_rtree_delete AFTER DELETE ON buildings
BEGIN
    DELETE FROM buildings_rtree WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE stations_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
INSERT INTO stations_rtree SELECT id, min_lon, max_lon, min_lat, max_lat FROM stations WHERE min_lon IS NOT NULL;
CREATE TRIGGER stations_rtree_insert AFTER INSERT ON stations WHEN NEW.min_lon IS NOT NULL
BEGIN
    INSERT INTO stations_rtree VALUES (NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat);
END;
CREATE TRIGGER stations_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON stations
BEGIN
    DELETE FROM stations_rtree WHERE id = OLD.id;
    INSERT INTO stations_rtree SELECT NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat WHERE NEW.min_lon IS NOT NULL;
END;
CREATE TRIGGER stations_rtree_delete AFTER DELETE ON stations
BEGIN
    DELETE FROM stations_rtree WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE vehicles_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
INSERT INTO vehicles_rtree SELECT id, min_lon, max_lon, min_lat, max_lat FROM vehicles WHERE min_lon IS NOT NULL;
CREATE TRIGGER vehicles_rtree_insert AFTER INSERT ON vehicles WHEN NEW.min_lon IS NOT NULL
BEGIN
    INSERT INTO vehicles_rtree VALUES (NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat);
END;
CREATE TRIGGER vehicles_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON vehicles
BEGIN
    DELETE FROM vehicles_rtree WHERE id = OLD.id;
    INSERT INTO vehicles_rtree SELECT NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat WHERE NEW.min_lon IS NOT NULL;
END;
CREATE TRIGGER vehicles_rtree_delete AFTER DELETE ON vehicles
BEGIN
    DELETE FROM vehicles_rtree WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE personnel_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
INSERT INTO personnel_rtree SELECT id, min_lon, max_lon, min_lat, max_lat FROM personnel WHERE min_lon IS NOT NULL;
CREATE TRIGGER personnel_rtree_insert AFTER INSERT ON personnel WHEN NEW.min_lon IS NOT NULL
BEGIN
    INSERT INTO personnel_rtree VALUES (NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat);
END;
CREATE TRIGGER personnel_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON personnel
BEGIN
    DELETE FROM personnel_rtree WHERE id = OLD.id;
    INSERT INTO personnel_rtree SELECT NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat WHERE NEW.min_lon IS NOT NULL;
END;
CREATE TRIGGER personnel_rtree_delete AFTER DELETE ON personnel
BEGIN
    DELETE FROM personnel_rtree WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE water_sources_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
INSERT INTO water_sources_rtree SELECT id, min_lon, max_lon, min_lat, max_lat FROM water_sources WHERE min_lon IS NOT NULL;
CREATE TRIGGER water_sources_rtree_insert AFTER INSERT ON water_sources WHEN NEW.min_lon IS NOT NULL
BEGIN
    INSERT INTO water_sources_rtree VALUES (NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat);
END;
CREATE TRIGGER water_sources_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON water_sources
BEGIN
    DELETE FROM water_sources_rtree WHERE id = OLD.id;
    INSERT INTO water_sources_rtree SELECT NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat WHERE NEW.min_lon IS NOT NULL;
END;
CREATE TRIGGER water_sources_rtree_delete AFTER DELETE ON water_sources
BEGIN
    DELETE FROM water_sources_rtree WHERE id = OLD.id;
END;

CREATE VIRTUAL TABLE units_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
INSERT INTO units_rtree SELECT id, min_lon, max_lon, min_lat, max_lat FROM units WHERE min_lon IS NOT NULL;
CREATE TRIGGER units_rtree_insert AFTER INSERT ON units WHEN NEW.min_lon IS NOT NULL
BEGIN
    INSERT INTO units_rtree VALUES (NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat);
END;
CREATE TRIGGER units_rtree_update AFTER UPDATE OF min_lon, min_lat, max_lon, max_lat ON units
BEGIN
    DELETE FROM units_rtree WHERE id = OLD.id;
    INSERT INTO units_rtree SELECT NEW.id, NEW.min_lon, NEW.max_lon, NEW.min_lat, NEW.max_lat WHERE NEW.min_lon IS NOT NULL;
END;
CREATE TRIGGER units_rtree_delete AFTER DELETE ON units
BEGIN
    DELETE FROM units_rtree WHERE id = OLD.id;
END;
