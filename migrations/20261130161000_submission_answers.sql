-- How the first submission of a form page was answered, so that a repeat of its token (a double click, a retry
-- after a timeout, Back and send again) is answered the same way: `next` keeps a plain POST's next page; a call
-- from the hydrated app keeps the server function's encoded value and its content type here. Both are filled in
-- once the first answer is sent through `/api/` (the feedback form's own handlers answer its repeats and
-- leave both empty), and never hold a user id, an address or a time of day. Rows are cleared a week after `used_on`.
ALTER TABLE submission ADD COLUMN answer_type TEXT;
ALTER TABLE submission ADD COLUMN answer TEXT;
