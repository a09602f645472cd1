-- Participation fixes (issue 15, after a tester's findings).
--
-- A paper added after a meeting's papers were sent is mailed on its own to each member the papers were sent to
-- (never a confidential item's paper to an observer, who is not told of it). One row per paper and member,
-- claimed (INSERT ... ON CONFLICT DO NOTHING) in the transaction that queues the mail, so each member is mailed
-- a late paper once, whichever app server adds it.
CREATE TABLE late_paper_recipient (
    paper_id TEXT NOT NULL REFERENCES meeting_paper (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
    -- RFC 3339 UTC.
    sent_at TEXT NOT NULL,
    PRIMARY KEY (paper_id, member_id)
);

-- Papers by post: 1 for a member whose access needs ask for their papers on paper (chosen on the member form).
ALTER TABLE group_member ADD COLUMN papers_by_post SMALLINT NOT NULL DEFAULT 0;

-- The day a member's papers for a meeting were posted, as the secretary or staff record it. One row per meeting
-- and member; recording it again corrects the day.
CREATE TABLE meeting_papers_posted (
    meeting_id TEXT NOT NULL REFERENCES group_meeting (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
    -- Local date, YYYY-MM-DD.
    posted_on TEXT NOT NULL,
    recorded_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    -- RFC 3339 UTC.
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);
