-- The messages a single process answered lately, kept over a restart: a
-- copy of one of their requests, replayed while its timestamp still
-- passes, is answered with nothing (a fleet keeps this in Redis). hash is
-- the message's dedupe key's 64-bit FNV-1a hash, until when a replay could
-- still pass (milliseconds since 1970).
CREATE TABLE webhook_replays (
    hash     INTEGER PRIMARY KEY,
    until_ms INTEGER NOT NULL
);
