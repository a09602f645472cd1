-- Participation, slice 3: minutes (per agenda item), their workflow (draft, circulated, approved, published),
-- comments from members present, amendments after approval, a group's numbered decisions, actions with one
-- owner, their updates and reminders, and the weekly digest.

-- The minutes of a meeting as a whole: where they are in their workflow. No row: a draft not yet begun.
CREATE TABLE meeting_minutes (
    meeting_id TEXT PRIMARY KEY REFERENCES group_meeting (id) ON DELETE CASCADE,
    -- draft, circulated, approved or published
    stage TEXT NOT NULL,
    -- Instants, RFC 3339 UTC.
    circulated_at TEXT,
    approved_at TEXT,
    approved_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    -- chair (approved by the chair) or next_meeting (recorded as approved at the next meeting)
    approved_how TEXT,
    published_at TEXT,
    -- When the public summary (non-confidential items only) was published for everyone; NULL while not.
    summary_published_at TEXT
);

-- The discussion of one agenda item (Markdown, rendered safely). Never changed once the minutes are approved.
CREATE TABLE item_minutes (
    item_id TEXT PRIMARY KEY REFERENCES agenda_item (id) ON DELETE CASCADE,
    discussion TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT REFERENCES person (id) ON DELETE SET NULL
);

-- A correction offered by a member present while the draft is circulated: one per member per item.
CREATE TABLE minutes_comment (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES group_member (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (item_id, member_id)
);

-- A correction to approved minutes: approved minutes are never edited, an amendment is added with who and when.
CREATE TABLE minutes_amendment (
    id TEXT PRIMARY KEY,
    item_id TEXT NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    made_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    -- The name as it was when the amendment was made, kept if the account goes.
    made_by_name TEXT NOT NULL,
    made_at TEXT NOT NULL
);
CREATE INDEX minutes_amendment_item ON minutes_amendment (item_id);

-- A decision of a group, numbered in order within the group (1, 2, ...).
CREATE TABLE group_decision (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES participation_group (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    meeting_id TEXT NOT NULL REFERENCES group_meeting (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    wording TEXT NOT NULL,
    -- Local date, YYYY-MM-DD; NULL when no review is planned.
    review_on TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (group_id, number)
);
CREATE INDEX group_decision_meeting ON group_decision (meeting_id);

-- An action with one owner: a member of the group or a member of staff of the service (a person).
CREATE TABLE group_action (
    id TEXT PRIMARY KEY,
    group_id TEXT NOT NULL REFERENCES participation_group (id) ON DELETE CASCADE,
    meeting_id TEXT NOT NULL REFERENCES group_meeting (id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES agenda_item (id) ON DELETE CASCADE,
    description TEXT NOT NULL,
    -- Exactly one of these names the owner.
    owner_member_id TEXT REFERENCES group_member (id) ON DELETE SET NULL,
    owner_person_id TEXT REFERENCES person (id) ON DELETE SET NULL,
    -- The owner's name when the action was given, kept for history.
    owner_name TEXT NOT NULL,
    -- Local date, YYYY-MM-DD; never before the meeting's date.
    due_on TEXT NOT NULL,
    -- open, done or dropped
    status TEXT NOT NULL,
    -- Why it was dropped; empty otherwise.
    dropped_reason TEXT NOT NULL,
    -- Local date it was done or dropped; NULL while open.
    closed_on TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    -- When each reminder to the owner was claimed (7 days before, 1 day before, the day it fell overdue):
    -- claimed once, so several app servers never send one twice.
    reminded_week_at TEXT,
    reminded_day_at TEXT,
    reminded_overdue_at TEXT
);
CREATE INDEX group_action_group ON group_action (group_id, status);
CREATE INDEX group_action_owner_person ON group_action (owner_person_id);
CREATE INDEX group_action_owner_member ON group_action (owner_member_id);

-- A dated update on an action.
CREATE TABLE action_update (
    id TEXT PRIMARY KEY,
    action_id TEXT NOT NULL REFERENCES group_action (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    made_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    made_by_name TEXT NOT NULL,
    made_at TEXT NOT NULL
);
CREATE INDEX action_update_action ON action_update (action_id);

-- How a person wants Participation's mail: single mails (no row, the default) or a weekly digest.
CREATE TABLE participation_mail_choice (
    person_id TEXT PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    weekly_digest SMALLINT NOT NULL
);

-- One weekly digest per person per week, claimed by the app server that sends it.
CREATE TABLE participation_digest_sent (
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- The Monday the week starts on, local date YYYY-MM-DD.
    week_of TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    PRIMARY KEY (person_id, week_of)
);
