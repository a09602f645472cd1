-- The involvement ledger: every involvement activity, at whichever of the five continuum levels, in one table.

CREATE TABLE activity (
    id TEXT PRIMARY KEY,
    service_id TEXT NOT NULL REFERENCES service (id) ON DELETE CASCADE,
    -- information, consultation, participation, inclusion, partnership
    level TEXT NOT NULL,
    -- leaflet, open_day, feedback_form, focus_group, steering_group_meeting, volunteer_role,
    -- co_delivered_session, interview_panel, other
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    -- The day it happened, YYYY-MM-DD.
    happened_on TEXT NOT NULL,
    -- How many took part, by who they are.
    patients BIGINT NOT NULL DEFAULT 0,
    carers BIGINT NOT NULL DEFAULT 0,
    staff BIGINT NOT NULL DEFAULT 0,
    others BIGINT NOT NULL DEFAULT 0,
    -- What it was for.
    purpose TEXT NOT NULL DEFAULT '',
    -- What came of it: outcome and impact.
    outcome TEXT NOT NULL DEFAULT '',
    -- The record in another capability that produced this row (an event, a form, a meeting), if any; one
    -- ledger row per source record.
    source_type TEXT,
    source_id TEXT,
    recorded_by TEXT REFERENCES person (id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX activity_service_day ON activity (service_id, happened_on);
CREATE UNIQUE INDEX activity_source ON activity (source_type, source_id);
