-- One row per (day, recipient) of the daily push: marked before the API call
-- and after it, so that a crash leaves an unambiguous record and a rerun
-- sends every missing delivery and none twice. recipient is an openid, or
-- 'broadcast' for a mass send.
CREATE TABLE push_ledger (
    day        TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    article_id TEXT NOT NULL,
    mode       TEXT NOT NULL,
    state      TEXT NOT NULL, -- sending, sent, skipped, failed, unknown
    reason     TEXT NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (day, recipient)
);
CREATE INDEX push_ledger_state ON push_ledger(day, state);

-- Who runs the push of a day: a lease, so that two processes on one store
-- never both deliver, and a crashed holder's lease runs out.
CREATE TABLE push_runs (
    day         TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    lease_until INTEGER NOT NULL,
    state       TEXT NOT NULL, -- running, done, stopped
    note        TEXT NOT NULL DEFAULT ''
);

-- Permanent material uploaded for mass sends (covers), by source URL, so an
-- image is uploaded once.
CREATE TABLE media (
    url         TEXT PRIMARY KEY,
    media_id    TEXT NOT NULL,
    uploaded_at INTEGER NOT NULL
);
