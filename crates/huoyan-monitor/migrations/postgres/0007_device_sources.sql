-- GB/T 26875.3 has no authentication: a UITD is known only by the address its frames claim. A
-- device may now carry the source addresses its connections must come from (allowed_sources: a
-- JSON array of CIDRs as `address/prefix`; NULL = no binding), and the gateway records here the
-- connections it refused for the device (a claim of its address from elsewhere, a binding
-- required but missing, a second session): how many, the last time, source and reason, for the
-- centre to see in the device registry (docs/SECURITY-gateway.md). Never edit an applied
-- migration: add a new one.
ALTER TABLE devices ADD COLUMN allowed_sources TEXT;
ALTER TABLE devices ADD COLUMN refused_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE devices ADD COLUMN last_refused_at TEXT;
ALTER TABLE devices ADD COLUMN last_refused_from TEXT;
ALTER TABLE devices ADD COLUMN last_refused_reason TEXT;
