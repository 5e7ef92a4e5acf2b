-- The search index's analysis of each article; see migrations/sqlite.
CREATE TABLE article_terms (
    article_id TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    data       BYTEA NOT NULL
);
