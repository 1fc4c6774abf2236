-- One row per enrichment run: a file (tributary enrich), a bulk job or a pipeline pass.
-- finished_at stays NULL when the process died before the end.
CREATE TABLE IF NOT EXISTS enrichment_runs (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL,
    input_name     TEXT NOT NULL,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    rows           INTEGER NOT NULL DEFAULT 0,
    matched        INTEGER NOT NULL DEFAULT 0,
    unmatched      INTEGER NOT NULL DEFAULT 0,
    rejected       INTEGER NOT NULL DEFAULT 0,
    failed         INTEGER NOT NULL DEFAULT 0,
    failure_rate   REAL NOT NULL DEFAULT 0,
    credits_spent  TEXT NOT NULL DEFAULT '0',
    api_versions   TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS ix_enrichment_runs_started_at ON enrichment_runs (started_at);

-- Bulk jobs. A claim whose lease_until has passed may be taken over. Times are UTC text (see SqliteText).
CREATE TABLE IF NOT EXISTS jobs (
    id                 TEXT PRIMARY KEY,
    state              TEXT NOT NULL,
    options            TEXT NOT NULL,
    total              INTEGER NOT NULL,
    processed          INTEGER NOT NULL DEFAULT 0,
    matched            INTEGER NOT NULL DEFAULT 0,
    unmatched          INTEGER NOT NULL DEFAULT 0,
    rejected           INTEGER NOT NULL DEFAULT 0,
    failed             INTEGER NOT NULL DEFAULT 0,
    created_at         TEXT NOT NULL,
    started_at         TEXT,
    finished_at        TEXT,
    error              TEXT,
    claimed_by         TEXT,
    lease_until        TEXT,
    callback_url       TEXT,
    callback_state     TEXT NOT NULL DEFAULT 'none',
    callback_attempts  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS ix_jobs_state ON jobs (state, created_at);
CREATE INDEX IF NOT EXISTS ix_jobs_callback_state ON jobs (callback_state, finished_at);

-- The submitted records of a job and, once enriched, their result line and outcome.
CREATE TABLE IF NOT EXISTS job_records (
    job_id   TEXT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    idx      INTEGER NOT NULL,
    record   TEXT NOT NULL,
    outcome  TEXT,
    result   TEXT,
    PRIMARY KEY (job_id, idx)
) WITHOUT ROWID;
