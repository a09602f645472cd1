-- Who took part in a ledger activity, where its source knows (a meeting's attendance, a panel's members, a
-- session's co-facilitators, a focus group's named participants), beside the counts on `activity`.
-- Involvement payments and reports read who took part from here. Anonymous responses never become rows here.

CREATE TABLE activity_participant (
    id TEXT PRIMARY KEY,
    activity_id TEXT NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
    -- A person with an account, or (when NULL) a named outsider in `name`.
    person_id TEXT REFERENCES person (id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    -- How they took part: patient, carer, staff or other.
    taking_part_as TEXT NOT NULL,
    -- 1 when they took part with lived experience (a patient, a carer, a volunteer in a lived-experience role).
    lived_experience SMALLINT NOT NULL DEFAULT 0
);
CREATE INDEX activity_participant_activity ON activity_participant (activity_id);
CREATE INDEX activity_participant_person ON activity_participant (person_id);

-- Whether an event was held belongs to the event: information read it from the ledger's table before.
ALTER TABLE event ADD COLUMN held_on TEXT;
UPDATE event SET held_on = (SELECT a.happened_on FROM activity a WHERE a.source_type = 'event' AND a.source_id = event.id);
