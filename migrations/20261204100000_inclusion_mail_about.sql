-- Inclusion fixes (issue 16, tester 16d).

-- The record a queued mail is about ("volunteer_application:<id>"), so that a capability deleting a record
-- for retention deletes the mail about it too (`mail::delete_about`): an applicant's name, address and the
-- coordinator's note outlive the application nowhere. NULL for mail about no record that is ever deleted.
ALTER TABLE outbox_mail ADD COLUMN about TEXT;
CREATE INDEX outbox_mail_about ON outbox_mail (about);

-- An application sent again whose words the safeguarding screener flagged: kept (its link, if any, still
-- runs out as before) until the flag on its application is reviewed, so the words reach a reviewer.
ALTER TABLE volunteer_application_resend ADD COLUMN flagged SMALLINT NOT NULL DEFAULT 0;
