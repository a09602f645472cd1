-- Partnership, the rest of issue 17. How many of a panel's outcomes departed from the lived-experience
-- members' view, kept on the panel and counted in the transaction that records each outcome, so that the
-- involvement report still counts them after the housekeeping deletes the candidates (and their reasons).
ALTER TABLE panel ADD COLUMN departures BIGINT NOT NULL DEFAULT 0;
UPDATE panel SET departures = (
    SELECT COUNT(*) FROM panel_candidate c WHERE c.panel_id = panel.id AND c.departure_reason <> ''
);


-- When a candidate's scores were first open to the panel (every eligible member had submitted): from then on
-- they stay open, so a member who becomes ready afterwards does not seal them again for those who have seen
-- them. NULL while sealed (or closed by the chair, which `closed_at` records). A candidate with an outcome
-- was necessarily open by then.
ALTER TABLE panel_candidate ADD COLUMN unsealed_at TEXT;
UPDATE panel_candidate SET unsealed_at = decided_at WHERE outcome IS NOT NULL AND closed_at IS NULL;
