-- Foundation: services, people and their roles, sessions, one-time links, the mail outbox and the audit trail.
-- Portable SQL for SQLite and PostgreSQL (see STYLE.md): TEXT ids (UUIDv7) and times (RFC 3339 UTC, fixed
-- width), SMALLINT 0/1 flags, BIGINT counts.

CREATE TABLE service (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Service names are unique whatever their case.
CREATE UNIQUE INDEX service_name_unique ON service (lower(name));

CREATE TABLE person (
    id TEXT PRIMARY KEY,
    -- Stored lower-cased, so one person has one account however they type it.
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    -- Argon2id PHC string; NULL until the person accepts their invitation.
    password_hash TEXT,
    -- Administrator across all services.
    is_admin SMALLINT NOT NULL DEFAULT 0,
    -- Set when an administrator disables the account; a disabled account cannot sign in.
    disabled_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- What a person does in a service: patient, carer, volunteer, steering_member, staff, manager.
CREATE TABLE role_grant (
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    PRIMARY KEY (person_id, service_id, role)
);
CREATE INDEX role_grant_service ON role_grant (service_id);

CREATE TABLE session (
    id TEXT PRIMARY KEY,
    -- SHA-256 of the cookie's token; the token itself is never stored.
    token_hash TEXT NOT NULL UNIQUE,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    -- Written at most once a minute; idle expiry counts from here.
    last_seen_at TEXT NOT NULL,
    -- Absolute expiry, however active the session.
    expires_at TEXT NOT NULL
);
CREATE INDEX session_person ON session (person_id);
CREATE INDEX session_expires ON session (expires_at);

-- Single-use links sent by mail: invitations (7 days) and password resets (1 hour).
CREATE TABLE account_token (
    -- SHA-256 of the token in the link.
    token_hash TEXT PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    -- 'invitation' or 'password_reset'
    purpose TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    -- Set when the link is used (or replaced by a newer one); a used link never works again.
    used_at TEXT
);
CREATE INDEX account_token_person ON account_token (person_id, purpose);

-- Mail waiting to be sent, written in the same transaction as the change that causes it.
CREATE TABLE outbox_mail (
    id TEXT PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    -- The worker sending it now, and until when its claim holds; another worker waits for the claim to
    -- lapse, so two app servers never send the same message at once.
    claimed_by TEXT,
    claimed_until TEXT,
    sent_at TEXT,
    last_error TEXT
);
CREATE INDEX outbox_mail_due ON outbox_mail (sent_at, next_attempt_at);

-- Who changed what, when. actor_id is deliberately not a foreign key: the trail outlives accounts.
CREATE TABLE audit_event (
    id TEXT PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    -- A small JSON object describing the change; never a password or token.
    detail TEXT NOT NULL
);
CREATE INDEX audit_event_subject ON audit_event (subject_type, subject_id);
