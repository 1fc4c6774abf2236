-- Subjects never to be sent to a provider again, by keyed hash of each identifier.
CREATE TABLE IF NOT EXISTS suppression_list (
    identifier_hash  text PRIMARY KEY,
    reason           text NOT NULL,
    added_at         timestamptz NOT NULL
);

-- Billed calls and credits per provider and UTC day. Money is numeric: exact, never a float.
CREATE TABLE IF NOT EXISTS provider_credits (
    provider  text NOT NULL,
    day       date NOT NULL,
    calls     bigint NOT NULL,
    cost      numeric NOT NULL,
    PRIMARY KEY (provider, day)
);
