-- V029: the dashboard's sub-topic count without a join (issue #15). The primary tag's sub-topic is kept on the
-- opinion row beside primary_area, and in the dashboard's covering index, so "which sub-topics" is one scan of the
-- index like every other dashboard count (before: a join of every opinion to opinion_tag, 0.24 s CPU at 100,000).
--
-- The store writes it with the opinion (OpinionRepository.INSERT); the triggers below keep it right whenever a primary
-- tag is inserted, changed or deleted by any path (saves, reviews, re-tagging, imports). The insert trigger writes
-- nothing when the row already holds the value, so a new opinion costs one look-up, not a second write.
ALTER TABLE opinion ADD COLUMN primary_subtopic TEXT;

UPDATE opinion SET primary_subtopic = (SELECT t.subtopic_id FROM opinion_tag t
    WHERE t.opinion_id = opinion.id AND t.is_primary = 1 ORDER BY t.area LIMIT 1);

CREATE TRIGGER opinion_tag_primary_insert AFTER INSERT ON opinion_tag WHEN new.is_primary = 1
BEGIN
    UPDATE opinion SET primary_subtopic = new.subtopic_id
        WHERE id = new.opinion_id AND primary_subtopic IS NOT new.subtopic_id;
END;

CREATE TRIGGER opinion_tag_primary_update AFTER UPDATE OF opinion_id, is_primary, subtopic_id ON opinion_tag
    WHEN old.is_primary = 1 OR new.is_primary = 1
BEGIN
    UPDATE opinion SET primary_subtopic = (SELECT t.subtopic_id FROM opinion_tag t
            WHERE t.opinion_id = opinion.id AND t.is_primary = 1 ORDER BY t.area LIMIT 1)
        WHERE id IN (old.opinion_id, new.opinion_id);
END;

CREATE TRIGGER opinion_tag_primary_delete AFTER DELETE ON opinion_tag WHEN old.is_primary = 1
BEGIN
    UPDATE opinion SET primary_subtopic = (SELECT t.subtopic_id FROM opinion_tag t
            WHERE t.opinion_id = opinion.id AND t.is_primary = 1 ORDER BY t.area LIMIT 1)
        WHERE id = old.opinion_id AND primary_subtopic IS NOT NULL;
END;

-- V012's covering index with the sub-topic before id (same name: StatsRepository asks for it by name).
DROP INDEX opinion_stats;
CREATE INDEX opinion_stats ON opinion (deleted_at, received_at, station, status, channel, primary_area,
    primary_subtopic, id);

-- Stored same-matter groups (issue #15: "largest matters" compared every opinion with the others at each dashboard
-- open, 20-24 s at 100,000). Each opinion's group is named by its seed, the opinion whose star it joined
-- (search.SimilarityIndex.assign): given once, when the dashboard first needs it after the opinion arrived, and kept,
-- so the dashboard counts groups with one GROUP BY. A changed text takes the opinion, and the group it seeds, out
-- again (they are given a seed anew); a deleted opinion keeps its row (it counts only where its filter includes it).
CREATE TABLE opinion_matter (
    opinion_id TEXT PRIMARY KEY REFERENCES opinion (id) ON DELETE CASCADE,
    seed_id    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX opinion_matter_by_seed ON opinion_matter (seed_id);

CREATE TRIGGER opinion_matter_text AFTER UPDATE OF text ON opinion WHEN old.text IS NOT new.text
BEGIN
    DELETE FROM opinion_matter WHERE opinion_id = new.id OR seed_id = new.id;
END;
