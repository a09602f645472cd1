-- Aggregates of feedback (issue 18 §5): the counts the involvement report, the FFT monthly return and a form's
-- results page read, kept in the same transaction as the writes they count (`consultation::tally`), so reading
-- them costs the same at a million responses as at ten. Every row is keyed by a form and a local date
-- (YYYY-MM-DD, the response's own `submitted_on`): no person, no address, no time of day. A count may fall to
-- 0 and its row stay; readers add rows up, so a 0 changes nothing.

-- Responses per form version, local day and channel.
CREATE TABLE feedback_response_tally (
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    submitted_on TEXT NOT NULL,
    -- 'online', 'paper' or 'assisted'.
    channel TEXT NOT NULL,
    form_version BIGINT NOT NULL,
    responses BIGINT NOT NULL,
    PRIMARY KEY (form_id, submitted_on, channel, form_version)
);

-- Answers to the questions that are not free text, per answer value: how many responses gave `value` to
-- `question_id` (a multiple-choice answer counts once for each option ticked). Free text is never here.
CREATE TABLE feedback_answer_tally (
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    submitted_on TEXT NOT NULL,
    channel TEXT NOT NULL,
    form_version BIGINT NOT NULL,
    question_id TEXT NOT NULL,
    value TEXT NOT NULL,
    answers BIGINT NOT NULL,
    PRIMARY KEY (form_id, submitted_on, channel, form_version, question_id, value)
);

-- Responses that answered each question that is not free text at all (once each, however many options).
CREATE TABLE feedback_question_tally (
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    submitted_on TEXT NOT NULL,
    channel TEXT NOT NULL,
    form_version BIGINT NOT NULL,
    question_id TEXT NOT NULL,
    respondents BIGINT NOT NULL,
    PRIMARY KEY (form_id, submitted_on, channel, form_version, question_id)
);

-- Comments (non-empty answers to free-text questions) per local day, channel and whether the screener flagged
-- the response; `theme_id` '' counts every comment, a theme's id the comments tagged with it. `responses` is,
-- for a theme, the responses carrying it on any of their comments (each once), and for '' the responses with
-- at least one comment.
CREATE TABLE feedback_comment_tally (
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    submitted_on TEXT NOT NULL,
    channel TEXT NOT NULL,
    -- 1 when the safeguarding screener flagged the response.
    flagged SMALLINT NOT NULL,
    -- '' for every comment, or a service_theme id (no foreign key: '' names no theme; readers join on it).
    theme_id TEXT NOT NULL,
    comments BIGINT NOT NULL,
    responses BIGINT NOT NULL,
    PRIMARY KEY (form_id, submitted_on, channel, flagged, theme_id)
);

-- Whether the tallies still need filling from the rows stored before this migration: the app server fills them
-- once, in Rust (a question's kind lives in its version's JSON), right after migrating
-- (`consultation::tally::backfill_if_pending`), and sets `pending` to 0 in the same transaction.
CREATE TABLE feedback_tally_state (
    id SMALLINT PRIMARY KEY,
    pending SMALLINT NOT NULL
);
INSERT INTO feedback_tally_state (id, pending) VALUES (1, 1);

-- A results page lists its comments newest day first and, within a day, by the response's random id: this
-- index walks them in that order, so a page reads its 20 rows and not every response of the form.
CREATE INDEX feedback_response_by_day ON feedback_response (form_id, submitted_on DESC, id);

-- The report's counts per level and kind (`ledger::db::count_by_level`, `count_by_kind`) read only these
-- columns of the ledger: a covering index answers them from the index alone, without visiting each activity's
-- row. It starts with the columns of `activity_service_day`, which it replaces.
CREATE INDEX activity_service_day_counts ON activity (service_id, happened_on, level, kind, patients, carers);
DROP INDEX activity_service_day;
