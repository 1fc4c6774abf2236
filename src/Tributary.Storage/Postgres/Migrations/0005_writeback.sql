-- The pipeline's write-back: a journal of every CRM write (what rollback restores), records that failed for good,
-- and the CRM's own usage figures per run.

-- One row per field written (or, in a dry run, that would have been written). state: pending (sent, not yet
-- confirmed), written, failed, dry_run, rolled_back.
CREATE TABLE IF NOT EXISTS writeback_journal (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         text NOT NULL,
    source_system  text NOT NULL,
    record_id      text NOT NULL,
    object_type    text NOT NULL,
    field          text NOT NULL,
    old_value      text,
    new_value      text NOT NULL,
    source         text NOT NULL,
    confidence     double precision NOT NULL,
    state          text NOT NULL,
    at             timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_writeback_journal_run ON writeback_journal (run_id, source_system, record_id);

-- Work that failed MaxAttempts times or for good: pipeline records and contact-center events. One row per item; a
-- second failure of the same item replaces the first.
CREATE TABLE IF NOT EXISTS dead_letters (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text NOT NULL,
    source_system  text NOT NULL,
    record_id      text NOT NULL,
    payload        text NOT NULL,
    reason         text NOT NULL,
    attempts       integer NOT NULL,
    failed_at      timestamptz NOT NULL,
    UNIQUE (kind, source_system, record_id)
);

ALTER TABLE enrichment_runs ADD COLUMN IF NOT EXISTS crm_usage jsonb NOT NULL DEFAULT '{}';
