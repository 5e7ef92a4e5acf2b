-- When a stopping process kept each replay: a process started before the
-- last one stopped reads what that one kept then (a rolling restart).
-- Rows kept before this column are read by the next start only. IF NOT
-- EXISTS: a build between 0009 and this one had them already.
ALTER TABLE webhook_replays ADD COLUMN IF NOT EXISTS saved_ms BIGINT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS webhook_replays_saved ON webhook_replays(saved_ms);

-- An account whose WeChat has sent an encrypted request in compat mode:
-- plaintext is a forgery from then on, also after a restart (it was taken
-- again as the first request after one). A start in wechat.mode: plain
-- forgets it.
CREATE TABLE IF NOT EXISTS webhook_sealed (
    app_id    TEXT PRIMARY KEY,
    sealed_ms BIGINT NOT NULL
);
