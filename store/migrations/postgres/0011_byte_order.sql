-- Article ids and dates sort by their bytes, as on SQLite: a database made
-- with a linguistic collation (en_US.UTF-8, most installs and managed
-- services) chose another day's reading among ties "first by id" than
-- SQLite did for the same articles, and `store copy` changed the plan
-- `push status` had shown (a review's find).
ALTER TABLE articles ALTER COLUMN id TYPE TEXT COLLATE "C";
ALTER TABLE articles ALTER COLUMN published_on TYPE TEXT COLLATE "C";
