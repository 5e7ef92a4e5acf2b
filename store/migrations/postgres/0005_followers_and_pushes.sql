CREATE TABLE followers (
    openid              TEXT PRIMARY KEY,
    subscribed          INTEGER NOT NULL DEFAULT 1,
    subscribed_at       BIGINT NOT NULL DEFAULT 0,
    unsubscribed_at     BIGINT NOT NULL DEFAULT 0,
    last_interaction_at BIGINT NOT NULL DEFAULT 0,
    push_opt_out        INTEGER NOT NULL DEFAULT 0,
    scene               TEXT NOT NULL DEFAULT ''
);
CREATE INDEX followers_push ON followers(subscribed, push_opt_out, last_interaction_at);

CREATE TABLE daily_readings (
    day        TEXT PRIMARY KEY,
    article_id TEXT NOT NULL,
    chosen_at  BIGINT NOT NULL
);
CREATE INDEX daily_readings_article ON daily_readings(article_id);
