-- V021: bulk writes (a batch import) keep the full-text index and the running counts set-based at the end of their
-- own transaction instead of row by row (issue #15: the per-row triggers were four fifths of an import).
--
-- While a transaction holds the one row of bulk_write, the insert triggers of V004 and V008 stand aside for opinions
-- with a rowid above since_rowid (the table's largest rowid when the bulk write began, so exactly the rows inserted
-- by it); before that transaction commits, store.ExchangeRepository indexes and counts those rows in three
-- statements and deletes the row again. Nobody else ever sees the row: it is written and deleted inside one write
-- transaction (WAL readers see the state before or after it), and a rollback takes it away with everything else.
-- Search is therefore exact the moment the import commits, as before.
CREATE TABLE bulk_write (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    since_rowid INTEGER NOT NULL
);

DROP TRIGGER opinion_search_insert;
CREATE TRIGGER opinion_search_insert AFTER INSERT ON opinion
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write WHERE new.rowid > since_rowid)
BEGIN
    INSERT INTO search_doc (opinion_id, seq) VALUES (new.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_doc));
    INSERT INTO search_fts (rowid, bi, ch)
        SELECT docid, search_bigrams(new.text), search_chars(new.text) FROM search_doc WHERE opinion_id = new.id;
END;

DROP TRIGGER opinion_count_insert;
CREATE TRIGGER opinion_count_insert AFTER INSERT ON opinion
    WHEN NOT EXISTS (SELECT 1 FROM bulk_write WHERE new.rowid > since_rowid)
BEGIN
    INSERT INTO opinion_count (deleted, status, channel, area, station, n)
        VALUES (new.deleted_at IS NOT NULL, new.status, new.channel, coalesce(new.primary_area, 0), new.station, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- A row updated after it was inserted by the same bulk write is counted once, as it ends up, at the end.
DROP TRIGGER opinion_count_update;
CREATE TRIGGER opinion_count_update AFTER UPDATE OF deleted_at, status, channel, primary_area, station ON opinion
    WHEN ((old.deleted_at IS NULL) IS NOT (new.deleted_at IS NULL) OR old.status IS NOT new.status
      OR old.channel IS NOT new.channel OR old.primary_area IS NOT new.primary_area OR old.station IS NOT new.station)
      AND NOT EXISTS (SELECT 1 FROM bulk_write WHERE new.rowid > since_rowid)
BEGIN
    UPDATE opinion_count SET n = n - 1
        WHERE deleted = (old.deleted_at IS NOT NULL) AND status = old.status AND channel = old.channel
          AND area = coalesce(old.primary_area, 0) AND station = old.station;
    INSERT INTO opinion_count (deleted, status, channel, area, station, n)
        VALUES (new.deleted_at IS NOT NULL, new.status, new.channel, coalesce(new.primary_area, 0), new.station, 1)
        ON CONFLICT DO UPDATE SET n = n + 1;
END;

-- (deleted_at, received_at) is the first two columns of V012's opinion_stats, which serves every query it served:
-- one index fewer to keep on every insert.
DROP INDEX opinion_by_received;
