-- Every add, update and delete of an article, in order, so that running
-- servers can bring their search index up to date with imports made by
-- other processes.
CREATE TABLE changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id TEXT NOT NULL,
    deleted    INTEGER NOT NULL DEFAULT 0,
    at         INTEGER NOT NULL
);
