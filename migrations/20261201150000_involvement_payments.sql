-- Partnership, §7: involvement payments and expenses. Money is integer pence (BIGINT) everywhere; no column
-- holds a fraction. Bank details are never stored: finance pays by the person's payment reference.

-- A service's payment settings: where people take benefits advice, and the expense kinds it reimburses.
CREATE TABLE payment_setting (
    service_id TEXT PRIMARY KEY REFERENCES service (id) ON DELETE CASCADE,
    -- Who to ask for benefits advice: a web address (https://…) or words (a name and phone number).
    advice_contact TEXT NOT NULL DEFAULT '',
    -- Mileage paid per mile, in pence; NULL when mileage is not reimbursed.
    mileage_pence BIGINT,
    -- 1 when the service reimburses this kind of expense by receipt.
    public_transport SMALLINT NOT NULL DEFAULT 0,
    parking SMALLINT NOT NULL DEFAULT 0,
    care_cover SMALLINT NOT NULL DEFAULT 0
);

-- A service's rate card: what taking part in one kind of ledger activity is paid. No row for a kind means
-- expenses only (volunteer-role work among them, unless the card says otherwise).
CREATE TABLE payment_rate (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- The ledger's activity kind: steering_group_meeting, interview_panel, co_delivered_session, ...
    activity_kind TEXT NOT NULL,
    -- hour, session or expenses_only.
    basis TEXT NOT NULL,
    -- Pence per hour or per session; 0 for expenses only.
    amount_pence BIGINT NOT NULL,
    -- For an hourly rate: the hours an activity of this kind is paid for (its usual length).
    hours BIGINT NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    UNIQUE (service_id, activity_kind)
);

-- What a person set for themselves (a weekly cap) and what finance pays them by (set by a manager).
CREATE TABLE payment_person (
    person_id TEXT PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,
    -- The most paid involvement the person wants in one week (Monday to Sunday), in pence; NULL for none.
    weekly_cap_pence BIGINT,
    -- Finance's reference for paying them (a payroll or supplier number); never bank details.
    payment_reference TEXT NOT NULL DEFAULT '',
    -- payroll or one_off.
    paid_through TEXT NOT NULL DEFAULT 'one_off'
);

-- An offer of payment for taking part in one ledger activity: one per activity and person, whichever app
-- server's housekeeping makes it first.
CREATE TABLE payment_offer (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    activity_kind TEXT NOT NULL,
    title TEXT NOT NULL,
    -- The day the activity happened, YYYY-MM-DD (local): the week a weekly cap counts it in.
    happened_on TEXT NOT NULL,
    -- What the rate card offered, in pence.
    offered_pence BIGINT NOT NULL,
    -- offered, accepted or declined.
    status TEXT NOT NULL,
    -- What the person accepted, in pence (the offer, or a lower amount); NULL until accepted.
    accepted_pence BIGINT,
    decided_at TEXT,
    -- A manager's review: pending, approved or queried, with the query's words.
    review TEXT NOT NULL DEFAULT 'pending',
    review_note TEXT NOT NULL DEFAULT '',
    approved_at TEXT,
    paid_at TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (activity_id, person_id)
);
CREATE INDEX payment_offer_person ON payment_offer (person_id);
CREATE INDEX payment_offer_service ON payment_offer (service_id, review);

-- An expense claimed with its receipt. Kept apart from offers: receipted expenses are not income.
CREATE TABLE expense_claim (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- mileage, public_transport, parking or care_cover.
    kind TEXT NOT NULL,
    incurred_on TEXT NOT NULL,
    description TEXT NOT NULL,
    -- Miles driven, for mileage; 0 otherwise.
    miles BIGINT NOT NULL DEFAULT 0,
    amount_pence BIGINT NOT NULL,
    -- The receipt, checked by its first bytes: application/pdf, image/jpeg or image/png; base64 text.
    receipt_name TEXT,
    receipt_type TEXT,
    receipt_base64 TEXT,
    review TEXT NOT NULL DEFAULT 'pending',
    review_note TEXT NOT NULL DEFAULT '',
    approved_at TEXT,
    paid_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX expense_claim_person ON expense_claim (person_id);
CREATE INDEX expense_claim_service ON expense_claim (service_id, review);
