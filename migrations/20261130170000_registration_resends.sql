-- Someone registering again for an event with the address they already have a place under is mailed their
-- confirmation again, at most once in 15 minutes and five times in all, so that the public form cannot be used
-- to flood somebody's inbox. `confirmation_sent_at` is when it was last mailed (NULL: only at registration).
ALTER TABLE event_registration ADD COLUMN confirmation_sent_at TEXT;
ALTER TABLE event_registration ADD COLUMN confirmations_resent BIGINT NOT NULL DEFAULT 0;
