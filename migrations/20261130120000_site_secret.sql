-- Secrets the app servers of one deployment share, made at first start when no setting gives them:
-- `device_key` signs the cookie that recognises a browser someone signed in from before (sign-in throttling).
-- The first server to start inserts it; the others read the same row.
CREATE TABLE site_secret (
    name TEXT PRIMARY KEY,
    -- Base64 (URL-safe, no padding) of the random bytes.
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
);
