-- Inclusion, slice 2: courses of a service with their co-delivered sessions, and the hours volunteers give
-- (logged by them or a coordinator on their behalf, approved or queried by the service's staff).

-- A course of a service, such as "Understanding emotions" (a recovery-college style education course).
CREATE TABLE course (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id),
    title TEXT NOT NULL,
    -- What the course is about, in a line or two.
    about TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX course_service ON course (service_id);

-- A session of a course that was held. Recorded once held, with the attendees as staff counted them.
CREATE TABLE course_session (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    -- Local date and times, YYYY-MM-DD and HH:MM.
    held_on TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL,
    -- Attendees as staff recorded them: patients (and carers) of the service, and everyone else.
    patients_attending INTEGER NOT NULL,
    others_attending INTEGER NOT NULL,
    -- The staff who facilitated, by name as typed (one line).
    staff_facilitators TEXT NOT NULL,
    -- The slug of a consultation feedback form for attendees (/f/<slug>), or empty.
    feedback_form TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX course_session_course ON course_session (course_id, held_on);

-- A co-facilitator with lived experience of a session: a volunteer (their appointment to a lived-experience
-- role) or a named person. A session with none is recorded but not co-delivered.
CREATE TABLE session_co_facilitator (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES course_session (id) ON DELETE CASCADE,
    appointment_id TEXT REFERENCES volunteer_appointment (id) ON DELETE SET NULL,
    name TEXT NOT NULL
);
CREATE INDEX session_co_facilitator_session ON session_co_facilitator (session_id);
CREATE INDEX session_co_facilitator_appointment ON session_co_facilitator (appointment_id);

-- Hours a volunteer gave in a role (an appointment) on one local date.
CREATE TABLE volunteer_hours (
    id TEXT PRIMARY KEY,
    appointment_id TEXT NOT NULL REFERENCES volunteer_appointment (id) ON DELETE CASCADE,
    -- Local date the hours were given, YYYY-MM-DD.
    worked_on TEXT NOT NULL,
    -- Whole quarter-hours: 6 is one and a half hours.
    quarter_hours INTEGER NOT NULL,
    -- What they did.
    what TEXT NOT NULL,
    -- logged (waiting for approval), approved or queried
    status TEXT NOT NULL,
    -- The approver's question when queried (kept after it is answered), and the volunteer's answer.
    query_note TEXT NOT NULL,
    answer TEXT NOT NULL,
    -- Who typed it in, and 1 when that was a coordinator on the volunteer's behalf.
    logged_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    on_behalf SMALLINT NOT NULL,
    -- The session the hours were logged from, if any (once per volunteer and session).
    session_id TEXT REFERENCES course_session (id) ON DELETE SET NULL,
    decided_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    decided_at TEXT,
    created_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE INDEX volunteer_hours_appointment ON volunteer_hours (appointment_id, worked_on);
CREATE INDEX volunteer_hours_status ON volunteer_hours (status, worked_on);
CREATE UNIQUE INDEX volunteer_hours_session ON volunteer_hours (appointment_id, session_id);

