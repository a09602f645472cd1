-- The safeguarding review queue takes a flag from any source: a feedback response today; a minutes comment,
-- a volunteer application or a check-in as those capabilities land. Each flag names its source by kind and id
-- (no foreign key: the source lives in another capability's table, which deletes its flags with it).

CREATE TABLE review_flag (
    -- A random id (UUID v4), never a time-ordered one: a flag on an anonymous response must not tell when it
    -- was made.
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- What was flagged: 'feedback_response' (more kinds as capabilities add patients' free text).
    source_type TEXT NOT NULL,
    source_id TEXT NOT NULL,
    -- Comma-separated concerns (the screener's stored names, such as suicidal_thoughts, self_harm).
    concerns TEXT NOT NULL,
    -- The screener's reasons, one per line, quoting the person's words for the reviewer.
    reasons TEXT NOT NULL,
    -- The date only (YYYY-MM-DD), as for the responses it flags.
    flagged_on TEXT NOT NULL,
    -- 'no_action', 'followed_up' or 'escalated' once reviewed.
    outcome TEXT,
    note TEXT NOT NULL DEFAULT '',
    reviewed_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    reviewed_at TEXT
);
CREATE UNIQUE INDEX review_flag_source ON review_flag (source_type, source_id);
CREATE INDEX review_flag_service ON review_flag (service_id, flagged_on);

INSERT INTO review_flag (id, service_id, source_type, source_id, concerns, reasons, flagged_on, outcome, note,
    reviewed_by, reviewed_at)
SELECT response_id, service_id, 'feedback_response', response_id, concerns, reasons, flagged_on, outcome, note,
    reviewed_by, reviewed_at
FROM safeguarding_flag;

DROP TABLE safeguarding_flag;
