-- Inclusion: a service's volunteer roles, applications made without an account, where each application is
-- in its pipeline, appointments, and the equal-opportunities answers kept apart as counts only.

CREATE TABLE volunteer_role (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id),
    -- The role's public address, /volunteer/<slug>.
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    -- What the volunteer does.
    duties TEXT NOT NULL,
    -- Time asked, in words ("3 hours a week", "one session a fortnight").
    time_asked TEXT NOT NULL,
    place TEXT NOT NULL,
    -- Support and supervision offered.
    support TEXT NOT NULL,
    -- Expenses paid: out of pocket only for a volunteer role.
    expenses TEXT NOT NULL,
    -- 1 when the role asks for lived experience.
    lived_experience SMALLINT NOT NULL,
    -- How many posts the role has.
    posts INTEGER NOT NULL,
    -- draft, recruiting, filled or closed
    state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX volunteer_role_service ON volunteer_role (service_id);

-- An application for a role, made with or without an account. One per role and email address: a second
-- application from the same address is merged into the first.
CREATE TABLE volunteer_application (
    id TEXT PRIMARY KEY,
    role_id TEXT NOT NULL REFERENCES volunteer_role (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- Lower-cased; NULL when only a phone number was given.
    email TEXT,
    phone TEXT NOT NULL,
    -- patient, carer or other: how the applicant would take part, counted so in the ledger when appointed.
    taking_part_as TEXT NOT NULL,
    why TEXT NOT NULL,
    availability TEXT NOT NULL,
    access_needs TEXT NOT NULL,
    referee1_name TEXT NOT NULL,
    referee1_contact TEXT NOT NULL,
    referee2_name TEXT NOT NULL,
    referee2_contact TEXT NOT NULL,
    -- 1: the applicant agreed to the checks the role needs (required to apply).
    consents_to_checks SMALLINT NOT NULL,
    -- received, shortlisted, interview, offered, checks, appointed, withdrawn or not_taken_forward
    stage TEXT NOT NULL,
    -- SHA-256 of the secret key in the applicant's status link (the key itself is only in their mail).
    status_key_hash TEXT NOT NULL UNIQUE,
    received_at TEXT NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE UNIQUE INDEX volunteer_application_role_email ON volunteer_application (role_id, email);
CREATE INDEX volunteer_application_stage ON volunteer_application (role_id, stage);

-- A volunteer appointed to a role: a person with an account (by their account's email) or a named person.
CREATE TABLE volunteer_appointment (
    id TEXT PRIMARY KEY,
    role_id TEXT NOT NULL REFERENCES volunteer_role (id) ON DELETE CASCADE,
    application_id TEXT UNIQUE REFERENCES volunteer_application (id) ON DELETE SET NULL,
    person_id TEXT REFERENCES person (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    -- patient, carer or other, as recorded on the application.
    taking_part_as TEXT NOT NULL,
    -- Local date, YYYY-MM-DD.
    starts_on TEXT NOT NULL,
    -- active, paused or ended
    status TEXT NOT NULL,
    -- Why it was paused or ended (empty while active).
    status_reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL
);

-- Equal-opportunities answers, kept apart from applications as counts only: no row per applicant, no id, no
-- time, nothing a query could join to a name. Every answer of a question is inserted at 0 the first time a
-- service's year is counted, so the order rows were made in says nothing about who answered what.
CREATE TABLE volunteer_equality_count (
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- The calendar year the answers were given in, YYYY.
    year TEXT NOT NULL,
    -- age, gender, ethnicity or disability
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    answers INTEGER NOT NULL,
    PRIMARY KEY (service_id, year, question, answer)
);
