-- See migrations/sqlite for what each table means.
CREATE TABLE queries (
    id         BIGSERIAL PRIMARY KEY,
    at         BIGINT NOT NULL,
    follower   TEXT NOT NULL,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL,
    rule       TEXT NOT NULL DEFAULT '',
    menu_key   TEXT NOT NULL DEFAULT '',
    number     BIGINT NOT NULL DEFAULT 0,
    article    TEXT NOT NULL DEFAULT '',
    question   TEXT NOT NULL DEFAULT '',
    hits       TEXT NOT NULL DEFAULT '',
    latency_us BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX queries_at ON queries(at);

CREATE TABLE votes (
    question   TEXT NOT NULL,
    article_id TEXT NOT NULL,
    follower   TEXT NOT NULL,
    at         BIGINT NOT NULL,
    PRIMARY KEY (question, article_id, follower)
);
