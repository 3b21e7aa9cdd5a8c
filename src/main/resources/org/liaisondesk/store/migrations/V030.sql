-- V030: an opinion saved on its own no longer writes the full-text index in its save's transaction (issue #15: the
-- index's segment, written and merged at every commit, was over a third of a clerk's save). Its search key is
-- handed out as before and noted in search_pending; store.SearchRepository.indexPending indexes what waits there in
-- one statement a moment later (service.SearchIndexer), and before the program closes. Meanwhile every search also
-- reads the waiting opinions themselves and confirms them by their text, as it confirms every candidate of the
-- index, so search stays exact the moment a save commits.
--
-- Bulk writes (V021) index their rows themselves before they commit, and an opinion's later edits and deletion keep
-- the index in step as before; while an opinion waits, they leave the index alone: it will be indexed as it is then.
CREATE TABLE search_pending (
    docid INTEGER PRIMARY KEY
);

DROP TRIGGER opinion_search_insert;
CREATE TRIGGER opinion_search_insert AFTER INSERT ON opinion
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write WHERE new.rowid > since_rowid)
BEGIN
    INSERT INTO search_doc (opinion_id, seq) VALUES (new.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_doc));
    INSERT INTO search_pending (docid) SELECT docid FROM search_doc WHERE opinion_id = new.id;
END;

DROP TRIGGER opinion_search_text;
CREATE TRIGGER opinion_search_text AFTER UPDATE OF text ON opinion WHEN old.text IS NOT new.text
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE opinion_id = new.id
        AND docid NOT IN (SELECT docid FROM search_pending));
    INSERT INTO search_fts (rowid, bi, ch)
        SELECT docid, search_bigrams(new.text), search_chars(new.text) FROM search_doc WHERE opinion_id = new.id
            AND docid NOT IN (SELECT docid FROM search_pending);
END;

DROP TRIGGER opinion_search_delete;
CREATE TRIGGER opinion_search_delete AFTER DELETE ON opinion
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE opinion_id = old.id
        AND docid NOT IN (SELECT docid FROM search_pending));
    DELETE FROM search_pending WHERE docid = (SELECT docid FROM search_doc WHERE opinion_id = old.id);
    DELETE FROM search_doc WHERE opinion_id = old.id;
END;
