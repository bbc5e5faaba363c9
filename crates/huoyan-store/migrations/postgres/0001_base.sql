-- Huoyan base schema, PostgreSQL. Never edit an applied migration: add a new one.

CREATE TABLE jurisdictions (
    id BIGSERIAL PRIMARY KEY,
    parent_id BIGINT REFERENCES jurisdictions(id),
    level TEXT NOT NULL,
    name TEXT NOT NULL,
    code TEXT,
    path TEXT NOT NULL,
    min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, max_lat DOUBLE PRECISION,
    boundary JSONB,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX jurisdictions_parent ON jurisdictions(parent_id);
CREATE INDEX jurisdictions_path ON jurisdictions(path text_pattern_ops);
CREATE TABLE roads (
    id BIGSERIAL PRIMARY KEY,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    name TEXT NOT NULL,
    kind TEXT,
    status TEXT,
    code TEXT,
    parent_id BIGINT,
    measure DOUBLE PRECISION,
    min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, max_lat DOUBLE PRECISION,
    doc JSONB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX roads_jurisdiction ON roads(jurisdiction_id);
CREATE INDEX roads_kind ON roads(kind);
CREATE INDEX roads_code ON roads(code);
CREATE INDEX roads_parent ON roads(parent_id);
CREATE INDEX roads_bbox ON roads USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));
CREATE TABLE buildings (
    id BIGSERIAL PRIMARY KEY,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    name TEXT NOT NULL,
    kind TEXT,
    status TEXT,
    code TEXT,
    parent_id BIGINT,
    measure DOUBLE PRECISION,
    min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, max_lat DOUBLE PRECISION,
    doc JSONB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX buildings_jurisdiction ON buildings(jurisdiction_id);
CREATE INDEX buildings_kind ON buildings(kind);
CREATE INDEX buildings_code ON buildings(code);
CREATE INDEX buildings_parent ON buildings(parent_id);
CREATE INDEX buildings_bbox ON buildings USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));
CREATE TABLE stations (
    id BIGSERIAL PRIMARY KEY,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    name TEXT NOT NULL,
    kind TEXT,
    status TEXT,
    code TEXT,
    parent_id BIGINT,
    measure DOUBLE PRECISION,
    min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, max_lat DOUBLE PRECISION,
    doc JSONB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX stations_jurisdiction ON stations(jurisdiction_id);
CREATE INDEX stations_kind ON stations(kind);
CREATE INDEX stations_code ON stations(code);
CREATE INDEX stations_parent ON stations(parent_id);
CREATE INDEX stations_bbox ON stations USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));
CREATE TABLE vehicles (
    id BIGSERIAL PRIMARY KEY,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    name TEXT NOT NULL,
    kind TEXT,
    status TEXT,
    code TEXT,
    parent_id BIGINT,
    measure DOUBLE PRECISION,
    min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, max_lat DOUBLE PRECISION,
    doc JSONB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX vehicles_jurisdiction ON vehicles(jurisdiction_id);
CREATE INDEX vehicles_kind ON vehicles(kind);
CREATE INDEX vehicles_code ON vehicles(code);
CREATE INDEX vehicles_parent ON vehicles(parent_id);
CREATE INDEX vehicles_bbox ON vehicles USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));
CREATE TABLE personnel (
    id BIGSERIAL PRIMARY KEY,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    name TEXT NOT NULL,
    kind TEXT,
    status TEXT,
    code TEXT,
    parent_id BIGINT,
    measure DOUBLE PRECISION,
    min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, max_lat DOUBLE PRECISION,
    doc JSONB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX personnel_jurisdiction ON personnel(jurisdiction_id);
CREATE INDEX personnel_kind ON personnel(kind);
CREATE INDEX personnel_code ON personnel(code);
CREATE INDEX personnel_parent ON personnel(parent_id);
CREATE INDEX personnel_bbox ON personnel USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));
CREATE TABLE water_sources (
    id BIGSERIAL PRIMARY KEY,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    name TEXT NOT NULL,
    kind TEXT,
    status TEXT,
    code TEXT,
    parent_id BIGINT,
    measure DOUBLE PRECISION,
    min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, max_lat DOUBLE PRECISION,
    doc JSONB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX water_sources_jurisdiction ON water_sources(jurisdiction_id);
CREATE INDEX water_sources_kind ON water_sources(kind);
CREATE INDEX water_sources_code ON water_sources(code);
CREATE INDEX water_sources_parent ON water_sources(parent_id);
CREATE INDEX water_sources_bbox ON water_sources USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));
CREATE TABLE units (
    id BIGSERIAL PRIMARY KEY,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    name TEXT NOT NULL,
    kind TEXT,
    status TEXT,
    code TEXT,
    parent_id BIGINT,
    measure DOUBLE PRECISION,
    min_lon DOUBLE PRECISION, min_lat DOUBLE PRECISION, max_lon DOUBLE PRECISION, max_lat DOUBLE PRECISION,
    doc JSONB NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX units_jurisdiction ON units(jurisdiction_id);
CREATE INDEX units_kind ON units(kind);
CREATE INDEX units_code ON units(code);
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_bbox ON units USING gist (box(point(min_lon, min_lat), point(max_lon, max_lat)));

CREATE TABLE users (
    id BIGSERIAL PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    jurisdiction_id BIGINT NOT NULL REFERENCES jurisdictions(id),
    unit_id BIGINT REFERENCES units(id),
    password_hash TEXT NOT NULL,
    disabled BIGINT NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE rule_sets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    region TEXT NOT NULL,
    effective_from TEXT NOT NULL,
    effective_to TEXT,
    body JSONB NOT NULL,
    loaded_at TEXT NOT NULL
);

-- Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE audit_log (
    id BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL,
    user_id BIGINT NOT NULL,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT,
    jurisdiction_id BIGINT,
    before JSONB,
    after JSONB
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_at ON audit_log(at);

CREATE FUNCTION huoyan_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION huoyan_audit_append_only();
