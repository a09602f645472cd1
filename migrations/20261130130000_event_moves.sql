-- Events that move: the addresses they had before, and the cancellation links sent before the move.
--
-- An event's address includes its date (/events/open-day-2027-03-27). Moving it to another date gives it a
-- new address; the old one must keep working, because it is on posters, in QR codes and in mail already sent.
CREATE TABLE event_former_slug (
    slug TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    -- When the event moved away from this address (RFC 3339 UTC).
    moved_at TEXT NOT NULL
);
CREATE INDEX event_former_slug_event ON event_former_slug (event_id);

-- Cancellation links a registration holds beyond its first two (the confirmation's and the latest
-- reminder's, on event_registration): the one in each "your event has moved" mail, and a reminder's when the
-- event moves and a new reminder is due. Only SHA-256 hashes are stored.
CREATE TABLE event_registration_token (
    token_hash TEXT PRIMARY KEY,
    registration_id TEXT NOT NULL REFERENCES event_registration (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL
);
CREATE INDEX event_registration_token_registration ON event_registration_token (registration_id);
