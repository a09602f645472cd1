-- Participation: "You said, we did" (issue 15 §6). Staff of a service link what patients said (a comment
-- theme or a focus group of consultation's, or an agenda item raised by a patient or carer member) to the
-- agenda item, decision or action that took it up, then write what changed in plain words and publish it on
-- the public board. Only the words written here (and a theme's name or a focus group's topic) reach the board:
-- never an agenda item's title, a decision's wording or an action's description.
CREATE TABLE you_said_we_did (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- What patients said: theme (consultation's service_theme), focus_group (consultation's focus group) or
    -- agenda_item (an item led by a patient or carer member). Named by id in its own capability, so no
    -- foreign key: a source that goes is shown as gone.
    source_kind TEXT NOT NULL,
    source_id TEXT NOT NULL,
    -- What took it up: agenda_item, decision (group_decision) or action (group_action); never a confidential one.
    linked_kind TEXT NOT NULL,
    linked_id TEXT NOT NULL,
    -- "You said", in plain words written by staff (never a respondent's words).
    you_said TEXT NOT NULL,
    -- "We did": what changed, in plain words; empty until written.
    we_did TEXT NOT NULL DEFAULT '',
    -- under_way, done or could_not
    status TEXT NOT NULL,
    -- Why we could not, for could_not; empty otherwise.
    could_not_reason TEXT NOT NULL DEFAULT '',
    -- An anonymised quote from a respondent: shown on the board only once a manager of the service approved it.
    quote TEXT NOT NULL DEFAULT '',
    quote_approved_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    -- Instants, RFC 3339 UTC.
    quote_approved_at TEXT,
    -- NULL while not on the board.
    published_at TEXT,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX you_said_we_did_service ON you_said_we_did (service_id, published_at);
