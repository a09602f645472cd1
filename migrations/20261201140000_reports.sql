-- Reports: the managers who asked to be told when last month's involvement report is ready, and the mails
-- sent to them (a link only, never figures).

-- A row is a yes; no row, the default, is no mail.
CREATE TABLE report_mail_choice (
    person_id TEXT PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    chosen_at TEXT NOT NULL
);

-- One mail per person per month, claimed in the transaction that queues it, so that several app servers
-- running the job at once send it once.
CREATE TABLE report_mail_sent (
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- The month the report is for, YYYY-MM (local).
    month TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (person_id, month)
);
