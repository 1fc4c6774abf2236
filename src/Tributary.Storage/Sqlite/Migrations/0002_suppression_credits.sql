-- Subjects never to be sent to a provider again, by keyed hash of each identifier.
CREATE TABLE IF NOT EXISTS suppression_list (
    identifier_hash  TEXT PRIMARY KEY,
    reason           TEXT NOT NULL,
    added_at         TEXT NOT NULL
);

-- Billed calls and credits per provider and UTC day.
CREATE TABLE IF NOT EXISTS provider_credits (
    provider  TEXT NOT NULL,
    day       TEXT NOT NULL,
    calls     INTEGER NOT NULL,
    cost      TEXT NOT NULL,
    PRIMARY KEY (provider, day)
);
