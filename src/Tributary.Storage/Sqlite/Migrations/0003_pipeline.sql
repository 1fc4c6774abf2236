-- The pipeline's tables: enriched contacts (the warehouse rows), unmatched records, the staging queue, keys of
-- processed events, and the audit log. Times are UTC text in one fixed-width format (see SqliteText).

-- One row per CRM record enrichment matched. Lists and provenance are JSON arrays; the email only as a keyed hash.
CREATE TABLE IF NOT EXISTS enriched_contacts (
    record_id        TEXT PRIMARY KEY,
    enriched_at      TEXT NOT NULL,
    company_name     TEXT,
    employee_count   INTEGER,
    industry         TEXT,
    tech_stack       TEXT NOT NULL DEFAULT '[]',
    intent_keywords  TEXT NOT NULL DEFAULT '[]',
    linkedin_url     TEXT,
    full_name        TEXT,
    job_title        TEXT,
    seniority        TEXT,
    department       TEXT,
    email_hash       TEXT,
    phone            TEXT,
    city             TEXT,
    country          TEXT,
    provenance       TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS ix_enriched_contacts_email_hash ON enriched_contacts (email_hash);

CREATE TABLE IF NOT EXISTS unmatched_records (
    record_id        TEXT PRIMARY KEY,
    identifier_hash  TEXT NOT NULL,
    reason           TEXT NOT NULL,
    recorded_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_unmatched_records_identifier_hash ON unmatched_records (identifier_hash);

-- The work queue. A row is free when lease_expires_at is null or past; claim_token says who holds it.
-- version grows each time the record is staged again, so a change arriving mid-flight is not deleted unseen.
CREATE TABLE IF NOT EXISTS staged_records (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    source_system     TEXT NOT NULL,
    record_id         TEXT NOT NULL,
    payload           TEXT NOT NULL CHECK (json_valid(payload)),
    version           INTEGER NOT NULL DEFAULT 1,
    attempts          INTEGER NOT NULL DEFAULT 0,
    staged_at         TEXT NOT NULL,
    claim_token       TEXT,
    lease_expires_at  TEXT,
    UNIQUE (source_system, record_id)
);
CREATE INDEX IF NOT EXISTS ix_staged_records_lease ON staged_records (lease_expires_at);
CREATE INDEX IF NOT EXISTS ix_staged_records_claim ON staged_records (claim_token);

CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope        TEXT NOT NULL,
    key          TEXT NOT NULL,
    recorded_at  TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX IF NOT EXISTS ix_idempotency_keys_expires ON idempotency_keys (expires_at);

CREATE TABLE IF NOT EXISTS audit_log (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    actor         TEXT NOT NULL,
    action        TEXT NOT NULL,
    subject_hash  TEXT NOT NULL,
    at            TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_audit_log_at ON audit_log (at);
