-- When the holder of a day's push took it, to name it to a second process.
ALTER TABLE push_runs ADD COLUMN started_at INTEGER NOT NULL DEFAULT 0;

-- WeChat's id of a template message or mass send, to match its receipt.
ALTER TABLE push_ledger ADD COLUMN msg_id INTEGER NOT NULL DEFAULT 0;

-- WeChat's own receipts of what it delivered: MASSSENDJOBFINISH (a mass
-- send's counts) and TEMPLATESENDJOBFINISH (one template message's status),
-- by WeChat's msg id.
CREATE TABLE push_receipts (
    msg_id      INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL, -- broadcast or template
    status      TEXT NOT NULL,
    total       INTEGER NOT NULL DEFAULT 0,
    filtered    INTEGER NOT NULL DEFAULT 0,
    sent        INTEGER NOT NULL DEFAULT 0,
    errors      INTEGER NOT NULL DEFAULT 0,
    received_at INTEGER NOT NULL
);
CREATE INDEX push_ledger_msg ON push_ledger(day, msg_id);
