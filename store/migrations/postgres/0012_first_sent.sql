-- When a delivery was first marked sending: WeChat drops a repeat of a
-- template message's client_msg_id only within 10 minutes of it, and the
-- row's updated_at moved with every outcome and rerun (a review's find: a
-- rerun resent it 10m20s after the key first went out).
ALTER TABLE push_ledger ADD COLUMN IF NOT EXISTS first_sent_at BIGINT NOT NULL DEFAULT 0;
