-- A running run writes its counts so far and when it last did (seen_at), so a run whose process died can be told
-- from one still going: its seen_at stops moving.
ALTER TABLE enrichment_runs ADD COLUMN IF NOT EXISTS seen_at timestamptz;
