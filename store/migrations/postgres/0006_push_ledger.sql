-- See migrations/sqlite for what each row means.
CREATE TABLE push_ledger (
    day        TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    article_id TEXT NOT NULL,
    mode       TEXT NOT NULL,
    state      TEXT NOT NULL,
    reason     TEXT NOT NULL DEFAULT '',
    attempts   INTEGER NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (day, recipient)
);
CREATE INDEX push_ledger_state ON push_ledger(day, state);

CREATE TABLE push_runs (
    day         TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    lease_until BIGINT NOT NULL,
    state       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE media (
    url         TEXT PRIMARY KEY,
    media_id    TEXT NOT NULL,
    uploaded_at BIGINT NOT NULL
);
