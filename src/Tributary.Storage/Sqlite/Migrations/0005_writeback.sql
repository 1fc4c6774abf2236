-- The pipeline's write-back: a journal of every CRM write (what rollback restores), records that failed for good,
-- and the CRM's own usage figures per run. Times are UTC text (see SqliteText).

-- One row per field written (or, in a dry run, that would have been written). state: pending (sent, not yet
-- confirmed), written, failed, dry_run, rolled_back.
CREATE TABLE IF NOT EXISTS writeback_journal (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id         TEXT NOT NULL,
    source_system  TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    object_type    TEXT NOT NULL,
    field          TEXT NOT NULL,
    old_value      TEXT,
    new_value      TEXT NOT NULL,
    source         TEXT NOT NULL,
    confidence     REAL NOT NULL,
    state          TEXT NOT NULL,
    at             TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_writeback_journal_run ON writeback_journal (run_id, source_system, record_id);

-- Work that failed MaxAttempts times or for good: pipeline records and contact-center events. One row per item; a
-- second failure of the same item replaces the first.
CREATE TABLE IF NOT EXISTS dead_letters (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    kind           TEXT NOT NULL,
    source_system  TEXT NOT NULL,
    record_id      TEXT NOT NULL,
    payload        TEXT NOT NULL,
    reason         TEXT NOT NULL,
    attempts       INTEGER NOT NULL,
    failed_at      TEXT NOT NULL,
    UNIQUE (kind, source_system, record_id)
);

ALTER TABLE enrichment_runs ADD COLUMN crm_usage TEXT NOT NULL DEFAULT '{}';
