-- Profile reads are audited with the reader's stated purpose and listed per profile (GET /v1/audit?profileId=).
ALTER TABLE audit_log ADD COLUMN purpose TEXT;
CREATE INDEX IF NOT EXISTS ix_audit_log_subject ON audit_log (subject_hash, at);
