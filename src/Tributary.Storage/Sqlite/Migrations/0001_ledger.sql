-- The ledger of paid lookups: one row per provider + lookup kind + hashed identifiers.
-- Expired rows are kept: they are served stale while a provider is down.
CREATE TABLE IF NOT EXISTS lookup_ledger (
    key          TEXT PRIMARY KEY,
    provider     TEXT NOT NULL,
    status       TEXT NOT NULL,
    entry        TEXT NOT NULL,
    observed_at  TEXT NOT NULL,
    expires_at   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_lookup_ledger_provider ON lookup_ledger (provider);

-- Secrets the store generates for itself, such as the pepper of identifier hashes.
CREATE TABLE IF NOT EXISTS settings (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
