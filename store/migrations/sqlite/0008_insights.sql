-- The query log: what followers sent and how the bot answered, for the
-- operators' reports. The follower is a keyed hash, never the openid.
CREATE TABLE queries (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    follower   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL,
    rule       TEXT NOT NULL DEFAULT '',
    menu_key   TEXT NOT NULL DEFAULT '',
    number     INTEGER NOT NULL DEFAULT 0,
    article    TEXT NOT NULL DEFAULT '',
    question   TEXT NOT NULL DEFAULT '',
    hits       TEXT NOT NULL DEFAULT '',
    latency_us INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX queries_at ON queries(at);

-- Followers' choices from numbered lists: a vote for an article on a
-- question, one per follower (the latest).
CREATE TABLE votes (
    question   TEXT NOT NULL,
    article_id TEXT NOT NULL,
    follower   TEXT NOT NULL,
    at         INTEGER NOT NULL,
    PRIMARY KEY (question, article_id, follower)
);
