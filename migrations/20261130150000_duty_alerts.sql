-- Duty inbox alerts are batched per service: the first flag sends a mail at once; flags within the next few
-- minutes are counted here and summed up in one later mail, so a flood of flagged posts cannot fill the
-- duty inbox (nor bury a real flag in it). Every flag is still kept in review_flag and shown in the queue.
CREATE TABLE duty_alert (
    service_id TEXT PRIMARY KEY REFERENCES service (id) ON DELETE CASCADE,
    -- When the last alert mail for this service was queued (RFC 3339 UTC).
    last_sent_at TEXT NOT NULL,
    -- Flags raised since then that no mail has told of yet.
    waiting BIGINT NOT NULL DEFAULT 0
);
