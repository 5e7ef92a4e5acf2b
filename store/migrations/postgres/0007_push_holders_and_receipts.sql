-- See migrations/sqlite for what each column means.
ALTER TABLE push_runs ADD COLUMN started_at BIGINT NOT NULL DEFAULT 0;
ALTER TABLE push_ledger ADD COLUMN msg_id BIGINT NOT NULL DEFAULT 0;
CREATE TABLE push_receipts (
    msg_id      BIGINT PRIMARY KEY,
    kind        TEXT NOT NULL,
    status      TEXT NOT NULL,
    total       BIGINT NOT NULL DEFAULT 0,
    filtered    BIGINT NOT NULL DEFAULT 0,
    sent        BIGINT NOT NULL DEFAULT 0,
    errors      BIGINT NOT NULL DEFAULT 0,
    received_at BIGINT NOT NULL
);
CREATE INDEX push_ledger_msg ON push_ledger(day, msg_id);
