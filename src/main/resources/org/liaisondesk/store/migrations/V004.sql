-- V004: full-text search and "same matter" links.
--
-- search_doc gives every opinion a stable integer key for the full-text index (the implicit rowid of `opinion` may
-- change on VACUUM, an INTEGER PRIMARY KEY never does) and a change sequence number, bumped whenever an opinion's
-- text or deletion changes, so the similarity index can catch up incrementally.
CREATE TABLE search_doc (
    docid      INTEGER PRIMARY KEY,
    opinion_id TEXT NOT NULL UNIQUE,
    seq        INTEGER NOT NULL
);
CREATE INDEX search_doc_by_seq ON search_doc (seq);

-- The full-text index: bi holds the overlapping character pairs of the text, ch its distinct characters (both made
-- by the program's search_bigrams/search_chars functions, see search.SearchText). Contentless: the text lives only
-- in `opinion`; the ascii tokenizer keeps every non-ASCII character in its token and folds Latin case.
CREATE VIRTUAL TABLE search_fts USING fts5(bi, ch, tokenize = 'ascii', content = '', contentless_delete = 1);

INSERT INTO search_doc (docid, opinion_id, seq) SELECT rowid, id, rowid FROM opinion;
INSERT INTO search_fts (rowid, bi, ch)
    SELECT d.docid, search_bigrams(o.text), search_chars(o.text) FROM search_doc d JOIN opinion o ON o.id = d.opinion_id;

-- Every write path keeps the index in step, in the writer's own transaction.
CREATE TRIGGER opinion_search_insert AFTER INSERT ON opinion
BEGIN
    INSERT INTO search_doc (opinion_id, seq) VALUES (new.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_doc));
    INSERT INTO search_fts (rowid, bi, ch)
        SELECT docid, search_bigrams(new.text), search_chars(new.text) FROM search_doc WHERE opinion_id = new.id;
END;
CREATE TRIGGER opinion_search_text AFTER UPDATE OF text ON opinion WHEN old.text IS NOT new.text
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE opinion_id = new.id);
    INSERT INTO search_fts (rowid, bi, ch)
        SELECT docid, search_bigrams(new.text), search_chars(new.text) FROM search_doc WHERE opinion_id = new.id;
END;
CREATE TRIGGER opinion_search_seq AFTER UPDATE OF text, deleted_at ON opinion
    WHEN old.text IS NOT new.text OR old.deleted_at IS NOT new.deleted_at
BEGIN
    UPDATE search_doc SET seq = (SELECT max(seq) + 1 FROM search_doc) WHERE opinion_id = new.id;
END;
CREATE TRIGGER opinion_search_delete AFTER DELETE ON opinion
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE opinion_id = old.id);
    DELETE FROM search_doc WHERE opinion_id = old.id;
END;

-- "Same matter": opinions a clerk linked because they raise one matter. Every member of a matter has a row naming
-- the matter by one member's id (its first opinion); an opinion without a row stands alone.
CREATE TABLE opinion_link (
    opinion_id TEXT PRIMARY KEY REFERENCES opinion (id) ON DELETE CASCADE,
    matter_id  TEXT NOT NULL,
    linked_by  TEXT NOT NULL,
    linked_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX opinion_link_by_matter ON opinion_link (matter_id);
