-- Information, the first level of the continuum: service information pages, leaflets and events such as
-- open days that people can register for.

CREATE TABLE info_page (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- The page's address: /info/<slug>.
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    -- One sentence for lists such as "Get involved".
    summary TEXT NOT NULL DEFAULT '',
    -- Markdown, written by staff; rendered with raw HTML shown as text and unsafe links removed.
    body TEXT NOT NULL,
    published SMALLINT NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE leaflet (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    summary TEXT NOT NULL DEFAULT '',
    file_name TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    -- The PDF itself, base64-encoded: one portable column type for both engines, and app servers keep no
    -- files of their own. Leaflets are small (the upload limit is 5 MB).
    content_base64 TEXT NOT NULL,
    published_on TEXT NOT NULL,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE event (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- The event's address: /events/<slug>.
    slug TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    -- Markdown, as for information pages.
    description TEXT NOT NULL DEFAULT '',
    -- The service's local date and time, YYYY-MM-DDTHH:MM; events are in one place, so no time zone.
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    place TEXT NOT NULL,
    capacity BIGINT NOT NULL,
    -- Places taken by registrations not cancelled; raised only by a conditional UPDATE, so concurrent
    -- registrations can never take more places than there are.
    places_taken BIGINT NOT NULL DEFAULT 0,
    created_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX event_starts ON event (starts_at);

CREATE TABLE event_registration (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- Optional: without it there is no confirmation or reminder mail.
    email TEXT,
    access_needs TEXT NOT NULL DEFAULT '',
    -- SHA-256 of the token in the confirmation mail's cancellation link, and of the one in the reminder's
    -- (only the hashes are stored, so the reminder carries a token of its own).
    cancel_token_hash TEXT NOT NULL UNIQUE,
    reminder_token_hash TEXT UNIQUE,
    registered_at TEXT NOT NULL,
    cancelled_at TEXT,
    -- Set when the day-before reminder is queued, so it is sent once.
    reminded_at TEXT
);
CREATE INDEX event_registration_event ON event_registration (event_id);
