-- The pipeline's tables: enriched contacts (the warehouse rows), unmatched records, the staging queue, keys of
-- processed events, and the audit log.

-- One row per CRM record enrichment matched. Lists and provenance are jsonb for analytics; the email only as a keyed hash.
CREATE TABLE IF NOT EXISTS enriched_contacts (
    record_id        text PRIMARY KEY,
    enriched_at      timestamptz NOT NULL,
    company_name     text,
    employee_count   bigint,
    industry         text,
    tech_stack       jsonb NOT NULL DEFAULT '[]',
    intent_keywords  jsonb NOT NULL DEFAULT '[]',
    linkedin_url     text,
    full_name        text,
    job_title        text,
    seniority        text,
    department       text,
    email_hash       text,
    phone            text,
    city             text,
    country          text,
    provenance       jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS ix_enriched_contacts_email_hash ON enriched_contacts (email_hash);

CREATE TABLE IF NOT EXISTS unmatched_records (
    record_id        text PRIMARY KEY,
    identifier_hash  text NOT NULL,
    reason           text NOT NULL,
    recorded_at      timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_unmatched_records_identifier_hash ON unmatched_records (identifier_hash);

-- The work queue, shared by every worker: claimed with FOR UPDATE SKIP LOCKED. A row is free when
-- lease_expires_at is null or past; claim_token says who holds it. version grows each time the record is staged
-- again, so a change arriving mid-flight is not deleted unseen. The payload is json (not jsonb) to keep its text.
CREATE TABLE IF NOT EXISTS staged_records (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_system     text NOT NULL,
    record_id         text NOT NULL,
    payload           json NOT NULL,
    version           bigint NOT NULL DEFAULT 1,
    attempts          integer NOT NULL DEFAULT 0,
    staged_at         timestamptz NOT NULL,
    claim_token       uuid,
    lease_expires_at  timestamptz,
    UNIQUE (source_system, record_id)
);
CREATE INDEX IF NOT EXISTS ix_staged_records_lease ON staged_records (lease_expires_at);
CREATE INDEX IF NOT EXISTS ix_staged_records_claim ON staged_records (claim_token);

CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope        text NOT NULL,
    key          text NOT NULL,
    recorded_at  timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX IF NOT EXISTS ix_idempotency_keys_expires ON idempotency_keys (expires_at);

CREATE TABLE IF NOT EXISTS audit_log (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor         text NOT NULL,
    action        text NOT NULL,
    subject_hash  text NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_audit_log_at ON audit_log (at);
