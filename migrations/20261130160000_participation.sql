-- Participation: a service's groups (a steering group, a lived-experience advisory group), their members over
-- time, their meetings with agendas, attendance, guests and declarations of interest.

CREATE TABLE participation_group (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id),
    name TEXT NOT NULL,
    purpose TEXT NOT NULL,
    -- Markdown, rendered safely as information pages are.
    terms_of_reference TEXT NOT NULL,
    -- Quorum: at least this many members present ...
    quorum_present INTEGER NOT NULL,
    -- ... of whom at least this many are patient or carer members.
    quorum_lived INTEGER NOT NULL,
    -- How many days before a meeting its papers must go out.
    papers_due_days INTEGER NOT NULL DEFAULT 7,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX participation_group_service ON participation_group (service_id);

-- A member of a group for one term. A person with an account (person_id) or a named outside stakeholder
-- (person_id NULL). A term that has ended stays here as history.
CREATE TABLE group_member (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES participation_group (id) ON DELETE CASCADE,
    person_id TEXT REFERENCES person (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    email TEXT,
    -- patient, carer, staff or stakeholder
    member_type TEXT NOT NULL,
    -- chair, vice_chair, secretary, member or observer
    position TEXT NOT NULL,
    -- Local dates, YYYY-MM-DD; term_end NULL while open-ended.
    term_start TEXT NOT NULL,
    term_end TEXT,
    access_needs TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX group_member_group ON group_member (group_id);
CREATE INDEX group_member_person ON group_member (person_id);

CREATE TABLE group_meeting (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES participation_group (id) ON DELETE CASCADE,
    -- Local wall-clock times as staff entered them, YYYY-MM-DDTHH:MM (as events store theirs).
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL,
    joining_link TEXT NOT NULL,
    -- planned, held or cancelled
    status TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX group_meeting_group ON group_meeting (group_id, starts_at);

CREATE TABLE agenda_item (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES group_meeting (id) ON DELETE CASCADE,
    -- Order on the agenda, from 1.
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    lead TEXT NOT NULL,
    minutes_allotted INTEGER NOT NULL,
    confidential SMALLINT NOT NULL DEFAULT 0
);
CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, position);

-- Each member's attendance at a meeting: present, apologies or absent.
CREATE TABLE meeting_attendance (
    meeting_id TEXT NOT NULL REFERENCES group_meeting (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
    attendance TEXT NOT NULL,
    PRIMARY KEY (meeting_id, member_id)
);

CREATE TABLE meeting_guest (
    id TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES group_meeting (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    role TEXT NOT NULL
);
CREATE INDEX meeting_guest_meeting ON meeting_guest (meeting_id);

CREATE TABLE interest_declaration (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
    interest TEXT NOT NULL
);
CREATE INDEX interest_declaration_item ON interest_declaration (item_id);
