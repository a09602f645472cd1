-- Consultation, the second level of the continuum: feedback forms for specific interventions, their responses
-- (often anonymous), the safeguarding review of free text, comment themes, and focus groups.

-- Where the safeguarding alert for a flagged response is sent: a shared mailbox the duty worker watches.
-- Without one, the alert goes to the service's managers.
ALTER TABLE service ADD COLUMN duty_inbox TEXT;

-- The themes a service tags comments with ("waiting times", "feeling listened to"); the steering group later
-- links them to actions ("you said, we did").
CREATE TABLE service_theme (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (service_id, name)
);

CREATE TABLE feedback_form (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- The public link: /f/<slug>.
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    -- The intervention or topic the form asks about ("DBT skills group – end of module").
    intervention TEXT NOT NULL,
    -- 'draft', 'open' or 'closed'.
    state TEXT NOT NULL DEFAULT 'draft',
    -- The last day an open form takes answers (YYYY-MM-DD), or none.
    open_until TEXT,
    -- 1: only signed-in people may answer, once each; 0: anonymous (the default).
    sign_in_required SMALLINT NOT NULL DEFAULT 0,
    -- The version being edited or answered now; answered versions are never changed.
    current_version BIGINT NOT NULL DEFAULT 1,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX feedback_form_service ON feedback_form (service_id);

-- The questions of each version of a form, as a JSON array. A question keeps its id from version to version
-- while it is unchanged, so results add up across versions; a changed question gets a new id.
CREATE TABLE feedback_form_version (
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    questions TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (form_id, version)
);

CREATE TABLE feedback_response (
    -- A random id (UUID v4), never a time-ordered one: it must not tell when an anonymous response was made.
    id TEXT PRIMARY KEY,
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    form_version BIGINT NOT NULL,
    -- 'online', 'paper' or 'assisted'.
    channel TEXT NOT NULL,
    -- The date only (YYYY-MM-DD): no time of day is stored for any response.
    submitted_on TEXT NOT NULL,
    -- Only for forms that require sign-in (one response each); always NULL for anonymous forms.
    respondent_id TEXT REFERENCES person (id) ON DELETE SET NULL,
    -- 1 when the safeguarding screener found signs of risk in its free text (see safeguarding_flag).
    flagged SMALLINT NOT NULL DEFAULT 0,
    -- 1 once staff have read it in the review queue.
    reviewed SMALLINT NOT NULL DEFAULT 0
);
CREATE INDEX feedback_response_form ON feedback_response (form_id, submitted_on);
-- One response per person on sign-in forms (NULLs, the anonymous responses, never collide on either engine).
CREATE UNIQUE INDEX feedback_response_one_each ON feedback_response (form_id, respondent_id);

-- One row per answer; a multiple-choice answer has a row per option chosen.
CREATE TABLE feedback_answer (
    response_id TEXT NOT NULL REFERENCES feedback_response (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    value TEXT NOT NULL
);
CREATE INDEX feedback_answer_response ON feedback_answer (response_id);
CREATE INDEX feedback_answer_question ON feedback_answer (question_id, value);

-- What the safeguarding screener found in a response, and what the reviewer did about it.
CREATE TABLE safeguarding_flag (
    response_id TEXT PRIMARY KEY REFERENCES feedback_response (id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- Comma-separated concerns: suicidal_thoughts, self_harm, harm_to_others, abuse_or_exploitation, unsafe_care.
    concerns TEXT NOT NULL,
    -- The screener's reasons, one per line, quoting the respondent's words for the reviewer.
    reasons TEXT NOT NULL,
    flagged_on TEXT NOT NULL,
    -- 'no_action', 'followed_up' or 'escalated' once reviewed.
    outcome TEXT,
    note TEXT NOT NULL DEFAULT '',
    reviewed_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    reviewed_at TEXT
);
CREATE INDEX safeguarding_flag_queue ON safeguarding_flag (service_id, outcome);

-- Themes staff have tagged a free-text answer with.
CREATE TABLE comment_theme (
    response_id TEXT NOT NULL REFERENCES feedback_response (id) ON DELETE CASCADE,
    question_id TEXT NOT NULL,
    theme_id TEXT NOT NULL REFERENCES service_theme (id) ON DELETE CASCADE,
    PRIMARY KEY (response_id, question_id, theme_id)
);

CREATE TABLE focus_group (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- The intervention or topic discussed.
    topic TEXT NOT NULL,
    held_on TEXT NOT NULL,
    participants BIGINT NOT NULL,
    -- The themes that came up, one per line.
    themes TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    recorded_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX focus_group_service ON focus_group (service_id, held_on);
