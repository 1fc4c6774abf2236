-- The ledger of paid lookups: one row per provider + lookup kind + hashed identifiers.
-- Expired rows are kept: they are served stale while a provider is down.
CREATE TABLE IF NOT EXISTS lookup_ledger (
    key          text PRIMARY KEY,
    provider     text NOT NULL,
    status       text NOT NULL,
    entry        jsonb NOT NULL,
    observed_at  timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_lookup_ledger_provider ON lookup_ledger (provider);

-- Secrets the store generates for itself, such as the pepper of identifier hashes, shared by every node.
CREATE TABLE IF NOT EXISTS settings (
    name   text PRIMARY KEY,
    value  text NOT NULL
);
