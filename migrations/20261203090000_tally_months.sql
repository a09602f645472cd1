-- Monthly roll-ups of feedback's aggregates (issue 18 §5): the same counts as the four daily tables of
-- `20261202130000_aggregates.sql`, keyed by a calendar month (`YYYY-MM`, the responses' own local
-- `submitted_on`) instead of a day. A report over whole months (a quarter, a financial year, the four before)
-- reads a row per form, month, channel and answer value rather than thirty, so its cost stops growing once a
-- month's keys are all in use. Kept in the same transactions as the daily rows (`consultation::tally::apply`,
-- after them, keys sorted); readers take whole months from here and the days at either edge of a range from the
-- daily rows (`consultation::tally::stretches`).

CREATE TABLE feedback_response_tally_month (
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    channel TEXT NOT NULL,
    form_version BIGINT NOT NULL,
    responses BIGINT NOT NULL,
    PRIMARY KEY (form_id, month, channel, form_version)
);

CREATE TABLE feedback_answer_tally_month (
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    channel TEXT NOT NULL,
    form_version BIGINT NOT NULL,
    question_id TEXT NOT NULL,
    value TEXT NOT NULL,
    answers BIGINT NOT NULL,
    PRIMARY KEY (form_id, month, channel, form_version, question_id, value)
);

CREATE TABLE feedback_question_tally_month (
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    channel TEXT NOT NULL,
    form_version BIGINT NOT NULL,
    question_id TEXT NOT NULL,
    respondents BIGINT NOT NULL,
    PRIMARY KEY (form_id, month, channel, form_version, question_id)
);

CREATE TABLE feedback_comment_tally_month (
    form_id TEXT NOT NULL REFERENCES feedback_form (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    channel TEXT NOT NULL,
    flagged SMALLINT NOT NULL,
    theme_id TEXT NOT NULL,
    comments BIGINT NOT NULL,
    responses BIGINT NOT NULL,
    PRIMARY KEY (form_id, month, channel, flagged, theme_id)
);

-- The daily rows already stored (none while `feedback_tally_state.pending` is 1: the backfill then fills both).
INSERT INTO feedback_response_tally_month (form_id, month, channel, form_version, responses)
SELECT form_id, substr(submitted_on, 1, 7), channel, form_version, SUM(responses)
FROM feedback_response_tally GROUP BY form_id, substr(submitted_on, 1, 7), channel, form_version;

INSERT INTO feedback_answer_tally_month (form_id, month, channel, form_version, question_id, value, answers)
SELECT form_id, substr(submitted_on, 1, 7), channel, form_version, question_id, value, SUM(answers)
FROM feedback_answer_tally GROUP BY form_id, substr(submitted_on, 1, 7), channel, form_version, question_id, value;

INSERT INTO feedback_question_tally_month (form_id, month, channel, form_version, question_id, respondents)
SELECT form_id, substr(submitted_on, 1, 7), channel, form_version, question_id, SUM(respondents)
FROM feedback_question_tally GROUP BY form_id, substr(submitted_on, 1, 7), channel, form_version, question_id;

INSERT INTO feedback_comment_tally_month (form_id, month, channel, flagged, theme_id, comments, responses)
SELECT form_id, substr(submitted_on, 1, 7), channel, flagged, theme_id, SUM(comments), SUM(responses)
FROM feedback_comment_tally GROUP BY form_id, substr(submitted_on, 1, 7), channel, flagged, theme_id;
