-- V032: the full-text index gathers up to 32 MB of new entries in memory before it writes them out as a segment,
-- instead of FTS5's 1 MB (issue #15). A batch import indexes all its opinions in one statement; with 1 MB it wrote a
-- small segment every few hundred opinions and then merged them again: indexing a 100,000-opinion batch took
-- 2.8 s, 2.0-2.5 s with this. A save's few entries are far below either size, so it changes nothing for them.
INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', 33554432);
