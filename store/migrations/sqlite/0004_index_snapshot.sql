-- The whole search index, so that a server starts without rebuilding it
-- article by article. A cache: seq is the last change it reflects, and
-- later changes are replayed from the changes table. The blob is kept in
-- chunks: SQLite would otherwise hold the whole of it in its own memory
-- while it is read, and keep that memory afterwards.
CREATE TABLE index_snapshot (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    saved INTEGER NOT NULL,
    size  INTEGER NOT NULL
);
CREATE TABLE index_snapshot_chunks (
    n    INTEGER PRIMARY KEY,
    data BLOB NOT NULL
);
