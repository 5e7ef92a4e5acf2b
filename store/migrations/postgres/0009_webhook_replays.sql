-- The messages a single process answered lately, kept over a restart: a
-- copy of one of their requests, replayed while its timestamp still
-- passes, is answered with nothing (a fleet keeps this in Redis). hash is
-- the message's dedupe key's 64-bit FNV-1a hash, until_ms when a replay
-- could no longer pass, saved_ms when a stopping process kept it: a
-- process started before the last one stopped reads what it kept then.
CREATE TABLE webhook_replays (
    hash     BIGINT PRIMARY KEY,
    until_ms BIGINT NOT NULL,
    saved_ms BIGINT NOT NULL
);
CREATE INDEX webhook_replays_saved ON webhook_replays(saved_ms);

-- An account whose WeChat has sent an encrypted request in compat mode:
-- plaintext is a forgery from then on, also after a restart (it was taken
-- again as the first request after one). wechat.mode: plain forgets it.
CREATE TABLE webhook_sealed (
    app_id    TEXT PRIMARY KEY,
    sealed_ms BIGINT NOT NULL
);
