-- The whole search index, in chunks; see migrations/sqlite.
CREATE TABLE index_snapshot (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   BIGINT NOT NULL,
    saved BIGINT NOT NULL,
    size  BIGINT NOT NULL
);
CREATE TABLE index_snapshot_chunks (
    n    INTEGER PRIMARY KEY,
    data BYTEA NOT NULL
);
