-- One row per enrichment run: a file (tributary enrich), a bulk job or a pipeline pass.
-- finished_at stays NULL when the process died before the end.
CREATE TABLE IF NOT EXISTS enrichment_runs (
    id             text PRIMARY KEY,
    kind           text NOT NULL,
    input_name     text NOT NULL,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    rows           bigint NOT NULL DEFAULT 0,
    matched        bigint NOT NULL DEFAULT 0,
    unmatched      bigint NOT NULL DEFAULT 0,
    rejected       bigint NOT NULL DEFAULT 0,
    failed         bigint NOT NULL DEFAULT 0,
    failure_rate   double precision NOT NULL DEFAULT 0,
    credits_spent  numeric NOT NULL DEFAULT 0,
    api_versions   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS ix_enrichment_runs_started_at ON enrichment_runs (started_at);

-- Bulk jobs. A claim whose lease_until has passed may be taken over by another server.
-- options and records are kept as the text the host wrote.
CREATE TABLE IF NOT EXISTS jobs (
    id                 text PRIMARY KEY,
    state              text NOT NULL,
    options            text NOT NULL,
    total              bigint NOT NULL,
    processed          bigint NOT NULL DEFAULT 0,
    matched            bigint NOT NULL DEFAULT 0,
    unmatched          bigint NOT NULL DEFAULT 0,
    rejected           bigint NOT NULL DEFAULT 0,
    failed             bigint NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL,
    started_at         timestamptz,
    finished_at        timestamptz,
    error              text,
    claimed_by         text,
    lease_until        timestamptz,
    callback_url       text,
    callback_state     text NOT NULL DEFAULT 'none',
    callback_attempts  integer NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS ix_jobs_state ON jobs (state, created_at);
CREATE INDEX IF NOT EXISTS ix_jobs_callback_state ON jobs (callback_state, finished_at);

-- The submitted records of a job and, once enriched, their result line and outcome.
CREATE TABLE IF NOT EXISTS job_records (
    job_id   text NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    idx      integer NOT NULL,
    record   text NOT NULL,
    outcome  text,
    result   text,
    PRIMARY KEY (job_id, idx)
);
