-- Inclusion, second slice: references by link, a service's checks and training that expire (and which a role
-- needs), the checks recorded for each appointment with their reminders, an appointment's supervisor, why it
-- is paused, and supervision sessions.

-- A service's list of checks and training, each with how long it lasts.
CREATE TABLE volunteer_check_kind (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- identity, right_to_work, references, dbs, occupational_health, induction or training
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    -- How many months a check lasts from the day it was done (for DBS, the certificate's issue date); 0 when it
    -- does not expire.
    valid_months INTEGER NOT NULL,
    -- For a DBS check: basic, standard, enhanced or enhanced_barred; empty otherwise.
    dbs_level TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (service_id, name)
);

-- Which of its service's checks a role needs.
CREATE TABLE volunteer_role_check (
    role_id TEXT NOT NULL REFERENCES volunteer_role (id) ON DELETE CASCADE,
    check_kind_id TEXT NOT NULL REFERENCES volunteer_check_kind (id) ON DELETE CASCADE,
    PRIMARY KEY (role_id, check_kind_id)
);

-- A check recorded for an appointment. A renewal is a new row; the one it replaces is marked superseded, so
-- the history is kept and each row's reminders are claimed once.
CREATE TABLE volunteer_check (
    id TEXT PRIMARY KEY,
    appointment_id TEXT NOT NULL REFERENCES volunteer_appointment (id) ON DELETE CASCADE,
    check_kind_id TEXT NOT NULL REFERENCES volunteer_check_kind (id) ON DELETE CASCADE,
    -- Local date, YYYY-MM-DD: when it was done (for DBS, the certificate's issue date).
    done_on TEXT NOT NULL,
    -- Local date, YYYY-MM-DD, the day it expires: in date before this day; NULL when it does not expire.
    expires_on TEXT,
    -- The DBS certificate's number; empty for other checks.
    certificate_number TEXT NOT NULL,
    -- 1 once a later record of the same check for the same appointment replaced it.
    superseded SMALLINT NOT NULL,
    -- When each reminder (60, 30 and 7 days before expiry) was claimed by an app server, RFC 3339 UTC.
    reminded_60_at TEXT,
    reminded_30_at TEXT,
    reminded_7_at TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX volunteer_check_appointment ON volunteer_check (appointment_id, check_kind_id);
CREATE INDEX volunteer_check_expiry ON volunteer_check (superseded, expires_on);

-- Why an appointment is paused: self (the volunteer's own break), checks (a check lapsed or is still to do),
-- or empty when it is not paused.
ALTER TABLE volunteer_appointment ADD COLUMN paused_for TEXT NOT NULL DEFAULT '';
-- The appointment's supervisor: a member of the service's staff.
ALTER TABLE volunteer_appointment ADD COLUMN supervisor_id TEXT REFERENCES person (id) ON DELETE SET NULL;

-- A supervision session. Its notes are for the supervisor who held it and the volunteer only.
CREATE TABLE volunteer_supervision (
    id TEXT PRIMARY KEY,
    appointment_id TEXT NOT NULL REFERENCES volunteer_appointment (id) ON DELETE CASCADE,
    supervisor_id TEXT REFERENCES person (id) ON DELETE SET NULL,
    -- Local date, YYYY-MM-DD.
    held_on TEXT NOT NULL,
    notes TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX volunteer_supervision_appointment ON volunteer_supervision (appointment_id);

-- A reference asked of a referee by a single-use link. Only hashes of the link's keys are stored.
CREATE TABLE volunteer_reference (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES volunteer_application (id) ON DELETE CASCADE,
    referee_name TEXT NOT NULL,
    referee_email TEXT NOT NULL,
    -- SHA-256 of the key in the first mail's link.
    key_hash TEXT NOT NULL UNIQUE,
    -- SHA-256 of the key in the reminder's link (a second link to the same request), once reminded.
    reminder_key_hash TEXT UNIQUE,
    -- requested, received, declined or replaced
    state TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    -- RFC 3339 UTC: 30 days after the request; neither link works after it.
    expires_at TEXT NOT NULL,
    reminded_at TEXT,
    answered_at TEXT,
    -- How the referee knows the applicant, and the reference: for the service's staff only.
    known_how TEXT NOT NULL,
    reference_text TEXT NOT NULL,
    -- The referee's reason for declining, if they gave one.
    decline_reason TEXT NOT NULL,
    -- The reference this one replaced (a new referee), if any.
    replaces_id TEXT REFERENCES volunteer_reference (id) ON DELETE SET NULL
);
CREATE INDEX volunteer_reference_application ON volunteer_reference (application_id);
CREATE INDEX volunteer_reference_due ON volunteer_reference (state, requested_at);
