-- An hourly involvement payment pays the activity's real length (issue 17 §7, "amount per hour").

-- How long the activity lasted, in whole minutes between the real instants its start and end name in the
-- service's time zone; NULL when its source does not know (a panel has only a start, a focus group and an
-- activity recorded by hand no times). Written by ledger::api::record from LedgerSource::length_minutes.
ALTER TABLE activity ADD COLUMN length_minutes BIGINT;

-- What an hourly offer paid for: the minutes (the activity's length, or the rate card's hours paid when it
-- has none) and the rate in pence per hour at the time of the offer. Both NULL for a per-session rate.
ALTER TABLE payment_offer ADD COLUMN paid_minutes BIGINT;
ALTER TABLE payment_offer ADD COLUMN hourly_rate_pence BIGINT;
-- The amount offered before the activity's recorded length changed it (while the offer was unanswered),
-- shown beside the offer so that no amount changes silently. NULL when never changed.
ALTER TABLE payment_offer ADD COLUMN repriced_from_pence BIGINT;
