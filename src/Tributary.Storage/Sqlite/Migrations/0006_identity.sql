-- The identity graph. Identifiers are stored as keyed hashes (id_hash); value is set only for system ids the host
-- sends on (CDP user id, CRM id), never for an email or a phone.
-- Resolve reads one (id_type, id_hash) prefix of the primary key: a range read however many links there are.
CREATE TABLE IF NOT EXISTS identity_links (
    id_type     TEXT NOT NULL,
    id_hash     TEXT NOT NULL,
    profile_id  TEXT NOT NULL,
    value       TEXT,
    linked_at   TEXT NOT NULL,
    PRIMARY KEY (id_type, id_hash, profile_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ix_identity_links_profile ON identity_links (profile_id, id_type);

-- Profiles and the traits identify kept. A profile merged into another points to it (merged_into) and keeps nothing.
-- A rowid table: traits can be kilobytes, which WITHOUT ROWID tables store badly.
CREATE TABLE IF NOT EXISTS identity_profiles (
    id           TEXT NOT NULL PRIMARY KEY,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    traits       TEXT NOT NULL DEFAULT '{}',
    merged_into  TEXT
);
CREATE INDEX IF NOT EXISTS ix_identity_profiles_merged_into ON identity_profiles (merged_into) WHERE merged_into IS NOT NULL;
