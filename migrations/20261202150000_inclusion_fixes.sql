-- Inclusion fixes (issue 16, the tester's report): applying again is never decided by a stranger, and a closed
-- application never stands in the way of a fresh one.

-- One open application per role and email address. A withdrawn or not-taken-forward application no longer
-- counts: applying again after one starts a fresh application (and leaves the closed one, and the date its
-- data is deleted, alone).
DROP INDEX volunteer_application_role_email;
CREATE UNIQUE INDEX volunteer_application_role_email_open ON volunteer_application (role_id, email)
    WHERE stage NOT IN ('withdrawn', 'not_taken_forward');

-- An application sent again for a role from an email address that has an open application there, by someone
-- not signed in with that address. It changes nothing until the address's owner confirms it through the
-- single-use link mailed to that address (only the key's SHA-256 is stored). Deleted with its application,
-- and by the housekeeping once its link has run out.
CREATE TABLE volunteer_application_resend (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES volunteer_application (id) ON DELETE CASCADE,
    key_hash TEXT NOT NULL UNIQUE,
    -- What was sent again, as JSON: name, phone, taking_part_as, why, availability, access_needs, referees.
    details TEXT NOT NULL,
    -- RFC 3339 UTC.
    sent_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    -- Set when the owner confirmed it (the link then stops working).
    used_at TEXT
);
CREATE INDEX volunteer_application_resend_application ON volunteer_application_resend (application_id);
