-- The single-use token each served copy of a form page carries: a repeated submission of one copy (a retried
-- upload, a double click without JavaScript) stores nothing more and goes where the first went.
CREATE TABLE submission (
    -- SHA-256 of the token the page carried.
    token_hash TEXT PRIMARY KEY,
    -- Where the first submission went on to; a repeat is sent there too.
    next TEXT NOT NULL,
    -- The day it was used (a date, not a time): enough to clear tokens after a few days.
    used_on TEXT NOT NULL
);
