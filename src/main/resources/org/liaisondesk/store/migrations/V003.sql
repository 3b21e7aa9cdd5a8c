-- V003: exchange batches. What each batch carried (so the next export knows what was sent, an earlier batch can be
-- written again, and an import notices an opinion listed twice), import outcomes, and conflicts kept aside.

ALTER TABLE batch ADD COLUMN station_name TEXT;
-- Import outcome counts (NULL for exports): new opinions, newer revisions, already held, conflicts kept aside.
ALTER TABLE batch ADD COLUMN added_count INTEGER;
ALTER TABLE batch ADD COLUMN updated_count INTEGER;
ALTER TABLE batch ADD COLUMN unchanged_count INTEGER;
ALTER TABLE batch ADD COLUMN conflict_count INTEGER;

-- A station hands out each export sequence number once.
CREATE UNIQUE INDEX batch_export_sequence ON batch (station, sequence) WHERE direction = 'export';

CREATE TABLE batch_item (
    batch_id   TEXT NOT NULL REFERENCES batch (id),
    opinion_id TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    PRIMARY KEY (batch_id, opinion_id)
) WITHOUT ROWID;
-- "Sent before at this revision?" for the next export.
CREATE INDEX batch_item_by_opinion ON batch_item (opinion_id, revision);

-- An incoming opinion that has the same id and revision as one held but different content, or a number already
-- taken by another opinion: kept here for a person to look at, never silently overwritten.
CREATE TABLE exchange_conflict (
    id          INTEGER PRIMARY KEY,
    batch_id    TEXT NOT NULL REFERENCES batch (id),
    opinion_id  TEXT NOT NULL,
    number      TEXT NOT NULL,
    station     TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('content', 'number')),
    -- The incoming opinion as the batch carried it (JSON).
    incoming    TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT
);
CREATE INDEX exchange_conflict_open ON exchange_conflict (resolved_at, detected_at);
