-- The identity graph. Identifiers are stored as keyed hashes (id_hash); value is set only for system ids the host
-- sends on (CDP user id, CRM id), never for an email or a phone.
-- Resolve reads one (id_type, id_hash) prefix of the primary key's index.
CREATE TABLE IF NOT EXISTS identity_links (
    id_type     text NOT NULL,
    id_hash     text NOT NULL,
    profile_id  text NOT NULL,
    value       text,
    linked_at   timestamptz NOT NULL,
    PRIMARY KEY (id_type, id_hash, profile_id)
);
CREATE INDEX IF NOT EXISTS ix_identity_links_profile ON identity_links (profile_id, id_type);

-- Profiles and the traits identify kept. A profile merged into another points to it (merged_into) and keeps nothing.
CREATE TABLE IF NOT EXISTS identity_profiles (
    id           text PRIMARY KEY,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    traits       jsonb NOT NULL DEFAULT '{}',
    merged_into  text
);
CREATE INDEX IF NOT EXISTS ix_identity_profiles_merged_into ON identity_profiles (merged_into) WHERE merged_into IS NOT NULL;
