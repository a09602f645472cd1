-- Participation, slice 2: meeting papers (PDFs on agenda items, each with an optional easy-read version),
-- sending them to members, and when they went.

-- A paper on an agenda item. Stored as information's leaflets are: base64 text (one portable type on both
-- engines), 5 MB at most before encoding, checked to be a PDF by its first bytes.
CREATE TABLE meeting_paper (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    -- Made safe for an address (letters, digits, '-', then '.pdf').
    file_name TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    content_base64 TEXT NOT NULL,
    -- The easy-read version, when one has been added (all three set, or all three NULL).
    easy_read_file_name TEXT,
    easy_read_size_bytes BIGINT,
    easy_read_base64 TEXT,
    -- RFC 3339 UTC.
    added_at TEXT NOT NULL,
    added_by TEXT REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX meeting_paper_item ON meeting_paper (item_id);

-- When a meeting's papers were first sent (RFC 3339 UTC), and by whom: the time late papers are judged by.
CREATE TABLE meeting_papers_sent (
    meeting_id TEXT PRIMARY KEY REFERENCES group_meeting (id) ON DELETE CASCADE,
    sent_at TEXT NOT NULL,
    sent_by TEXT REFERENCES person (id) ON DELETE SET NULL
);

-- Each member a meeting's papers were mailed to, once: sending again mails only members not here.
CREATE TABLE meeting_papers_recipient (
    meeting_id TEXT NOT NULL REFERENCES group_meeting (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
    -- RFC 3339 UTC.
    sent_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
