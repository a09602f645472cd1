-- Partnership, first slice: the panel pool, interview panels, sealed independent scoring and the decision.
-- Candidates' packs, scores, declarations and candidates themselves are deleted by the housekeeping a
-- service's retention period (6 months unless set) after a panel's outcome; the panel row, its criteria and its
-- ledger activity stay.

-- Who may sit on a service's panels: staff and lived-experience members (patients, carers, volunteers).
CREATE TABLE panel_pool_member (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id),
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- patient, carer, staff or other: how they take part, counted so in the ledger.
    taking_part_as TEXT NOT NULL,
    -- 1: sits with lived experience (a patient, a carer, a volunteer in a lived-experience role).
    lived_experience SMALLINT NOT NULL,
    -- YYYY-MM-DD, local: panel training completed; NULL until trained.
    trained_on TEXT,
    -- YYYY-MM-DD, local: shadowed a panel before sitting one; NULL until then.
    shadowed_on TEXT,
    -- 1: the service has agreed they may chair (a lived-experience member once trained and having shadowed).
    may_chair SMALLINT NOT NULL,
    access_needs TEXT NOT NULL,
    added_at TEXT NOT NULL,
    UNIQUE (service_id, person_id)
);

-- A service's settings for panels: how long candidates' data is kept after the outcome.
CREATE TABLE partnership_setting (
    service_id TEXT PRIMARY KEY REFERENCES service (id),
    -- Whole months after the outcome before packs, scores and candidates are deleted (6 unless set).
    retention_months INTEGER NOT NULL
);

CREATE TABLE panel (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id),
    -- staff_post or volunteer_role
    post_kind TEXT NOT NULL,
    post_title TEXT NOT NULL,
    -- For a volunteer role: inclusion's role id (no foreign key: another capability's table).
    volunteer_role_id TEXT,
    -- Local date and time the panel sits: YYYY-MM-DD and HH:MM in the service's time zone.
    sits_on TEXT NOT NULL,
    sits_at TEXT NOT NULL,
    place TEXT NOT NULL,
    -- Why the panel has no lived-experience member, recorded by a manager; empty when it has one.
    no_lived_experience_reason TEXT NOT NULL,
    -- The version of the confidentiality agreement text members agree to for this panel.
    agreement_version TEXT NOT NULL,
    -- Set when the first outcome is recorded: packs and scores are then closed to members.
    decided_at TEXT,
    -- Set when the housekeeping deleted candidates' data after the retention period.
    data_deleted_at TEXT,
    created_at TEXT NOT NULL,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL
);
CREATE INDEX panel_service ON panel (service_id);

-- A criterion from the person specification, with what each score 0 to 4 means and the minimum acceptable.
CREATE TABLE panel_criterion (
    id TEXT PRIMARY KEY,
    panel_id TEXT NOT NULL REFERENCES panel (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    -- What a score of 0, 1, 2, 3 and 4 means: five lines, one per score.
    descriptors TEXT NOT NULL,
    -- The lowest acceptable score, 0 to 4.
    minimum INTEGER NOT NULL
);

CREATE TABLE panel_question (
    id TEXT PRIMARY KEY,
    panel_id TEXT NOT NULL REFERENCES panel (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    wording TEXT NOT NULL
);

-- Which criteria a question evidences.
CREATE TABLE panel_question_criterion (
    question_id TEXT NOT NULL REFERENCES panel_question (id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL REFERENCES panel_criterion (id) ON DELETE CASCADE,
    PRIMARY KEY (question_id, criterion_id)
);

-- A member of a panel, from the service's pool, with the prerequisites this panel needs.
CREATE TABLE panel_member (
    id TEXT PRIMARY KEY,
    panel_id TEXT NOT NULL REFERENCES panel (id) ON DELETE CASCADE,
    pool_member_id TEXT NOT NULL REFERENCES panel_pool_member (id),
    is_chair SMALLINT NOT NULL,
    -- When they signed this panel's confidentiality agreement, and the version of its text they agreed to.
    agreed_at TEXT,
    agreement_version TEXT,
    -- When they made their declaration of interest (none, or the interests below).
    declared_at TEXT,
    UNIQUE (panel_id, pool_member_id)
);

CREATE TABLE panel_candidate (
    id TEXT PRIMARY KEY,
    panel_id TEXT NOT NULL REFERENCES panel (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- For a volunteer role: inclusion's application id (no foreign key: another capability's table).
    application_id TEXT,
    -- The shortlisting pack: a PDF with personal details removed, base64 (the pdf kernel), and who confirmed it.
    pack_file_name TEXT NOT NULL,
    pack TEXT NOT NULL,
    pack_confirmed_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    added_at TEXT NOT NULL,
    -- Set when the chair closed scoring for this candidate before every eligible member had submitted.
    closed_at TEXT,
    closed_reason TEXT NOT NULL,
    -- appoint, do_not_appoint or reserve, with the panel's reasons; NULL until decided.
    outcome TEXT,
    outcome_reasons TEXT NOT NULL,
    -- Why the outcome departs from the lived-experience members' view, when it does; empty otherwise.
    departure_reason TEXT NOT NULL,
    decided_at TEXT
);
CREATE INDEX panel_candidate_panel ON panel_candidate (panel_id);

-- A member's declared interest in a candidate: they cannot score that candidate.
CREATE TABLE panel_interest (
    member_id TEXT NOT NULL REFERENCES panel_member (id) ON DELETE CASCADE,
    candidate_id TEXT NOT NULL REFERENCES panel_candidate (id) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    declared_at TEXT NOT NULL,
    PRIMARY KEY (member_id, candidate_id)
);

-- A score: one per member, candidate, criterion and round. Round 0 is the sealed independent score, locked
-- once submitted; a change at the discussion is a new round, keeping the earlier ones.
CREATE TABLE panel_score (
    id TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES panel_candidate (id) ON DELETE CASCADE,
    member_id TEXT NOT NULL REFERENCES panel_member (id) ON DELETE CASCADE,
    criterion_id TEXT NOT NULL REFERENCES panel_criterion (id) ON DELETE CASCADE,
    round INTEGER NOT NULL,
    -- 0 to 4.
    score INTEGER NOT NULL,
    evidence TEXT NOT NULL,
    -- For a re-score (round above 0): why it changed at the discussion.
    rescore_reason TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    UNIQUE (candidate_id, member_id, criterion_id, round)
);
