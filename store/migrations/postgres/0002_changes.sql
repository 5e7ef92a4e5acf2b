-- Every add, update and delete of an article, in order, so that every
-- replica brings its search index up to date by polling. Writers take an
-- advisory lock before they insert here (Store.recordChange), so sequence
-- numbers become visible in commit order and a poller never skips one.
CREATE TABLE changes (
    seq        BIGSERIAL PRIMARY KEY,
    article_id TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0,
    at         BIGINT NOT NULL
);
