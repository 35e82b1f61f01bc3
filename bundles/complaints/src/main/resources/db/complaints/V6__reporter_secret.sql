-- The reporter's proof that a report is theirs (reopening, the reporter's photo): the SHA-256 hex of a secret
-- answered once in the submission receipt. Reports submitted before have none and cannot be reopened publicly.
ALTER TABLE complaints_report ADD COLUMN reporter_secret_hash VARCHAR(64);
