-- V030: an opinion saved on its own no longer writes the full-text index in its save's transaction (issue #15: the
-- index's segment, written and merged at every commit, was over a third of a clerk's save, and the search key's
-- three b-trees more pages of that commit). The insert trigger only notes the opinion in search_pending;
-- store.SearchRepository.indexPending gives what waits there its search key and its full-text row in one go, a
-- moment later (service.SearchIndexer) and before the program closes. Meanwhile search reads the waiting opinions
-- themselves and confirms them by their text, as it confirms every candidate of the index, so search stays exact
-- the moment a save commits.
--
-- A waiting opinion has no search_doc row yet, so V004's triggers for edits leave it alone; the last trigger below
-- indexes it when it is edited. Bulk writes (V021) index their rows themselves before they commit.
CREATE TABLE search_pending (
    opinion_id TEXT PRIMARY KEY
) WITHOUT ROWID;

DROP TRIGGER opinion_search_insert;
CREATE TRIGGER opinion_search_insert AFTER INSERT ON opinion
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write WHERE new.rowid > since_rowid)
BEGIN
    INSERT INTO search_pending (opinion_id) VALUES (new.id);
END;

DROP TRIGGER opinion_search_delete;
CREATE TRIGGER opinion_search_delete AFTER DELETE ON opinion
BEGIN
    DELETE FROM search_fts WHERE rowid = (SELECT docid FROM search_doc WHERE opinion_id = old.id);
    DELETE FROM search_doc WHERE opinion_id = old.id;
    DELETE FROM search_pending WHERE opinion_id = old.id;
END;

-- An edit or deletion of an opinion that still waits indexes it at once, as the triggers above change the index for
-- one already indexed: the change must show as a change number (search_doc.seq) to those who follow the changes
-- (the similarity index, the stored same-matter groups).
CREATE TRIGGER opinion_search_waiting AFTER UPDATE OF text, deleted_at ON opinion
    WHEN (old.text IS NOT new.text OR old.deleted_at IS NOT new.deleted_at)
      AND EXISTS (SELECT 1 FROM search_pending WHERE opinion_id = new.id)
BEGIN
    DELETE FROM search_pending WHERE opinion_id = new.id;
    INSERT INTO search_doc (opinion_id, seq) VALUES (new.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_doc));
    INSERT INTO search_fts (rowid, bi, ch)
        SELECT docid, search_bigrams(new.text), search_chars(new.text) FROM search_doc WHERE opinion_id = new.id;
END;
