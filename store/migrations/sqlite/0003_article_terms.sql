-- The search index's analysis of each article (its terms, field lengths and
-- character-pair filter), kept with the article so that a server starts
-- without segmenting the whole store again. Derived data: version says
-- which analyser wrote it, and a stale row is recomputed.
CREATE TABLE article_terms (
    article_id TEXT PRIMARY KEY,
    version    INTEGER NOT NULL,
    data       BLOB NOT NULL
);
