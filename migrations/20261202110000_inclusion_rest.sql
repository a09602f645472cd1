-- Inclusion, the rest of issue 16: an application at interview linked to a partnership interview panel, and
-- course sessions planned before they are held.

-- The interview panel (partnership's panel id; no foreign key: another capability's table) the coordinator
-- linked the application to at the interview stage, or NULL.
ALTER TABLE volunteer_application ADD COLUMN interview_panel_id TEXT;

-- planned (a future session, its facilitators named, nobody counted yet) or held (attendees counted). Only a
-- held co-delivered session is in the ledger, and only a held one gives hours to log.
ALTER TABLE course_session ADD COLUMN state TEXT NOT NULL DEFAULT 'held';
