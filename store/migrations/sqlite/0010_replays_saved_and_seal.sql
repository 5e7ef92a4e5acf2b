-- When a stopping process kept each replay: a process started before the
-- last one stopped reads what that one kept then (a rolling restart).
-- Rows kept before this column are read by the next start only. The table
-- is made again rather than altered: a build between 0009 and this one
-- had the column already.
CREATE TABLE webhook_replays_new (
    hash     INTEGER PRIMARY KEY,
    until_ms INTEGER NOT NULL,
    saved_ms INTEGER NOT NULL DEFAULT 0
);
INSERT INTO webhook_replays_new (hash, until_ms) SELECT hash, until_ms FROM webhook_replays;
DROP TABLE webhook_replays;
ALTER TABLE webhook_replays_new RENAME TO webhook_replays;
CREATE INDEX IF NOT EXISTS webhook_replays_saved ON webhook_replays(saved_ms);

-- An account whose WeChat has sent an encrypted request in compat mode:
-- plaintext is a forgery from then on, also after a restart (it was taken
-- again as the first request after one). A start in wechat.mode: plain
-- forgets it.
CREATE TABLE IF NOT EXISTS webhook_sealed (
    app_id    TEXT PRIMARY KEY,
    sealed_ms INTEGER NOT NULL
);
