-- V001: the foundation schema. Times are ISO-8601 text: received_at is the station's local time
-- ('2023-05-01T09:30:00'), created_at/updated_at are UTC instants ('2023-05-01T01:30:00Z').

-- This installation's identity: one row, set by the first-run dialog or `init`.
CREATE TABLE station (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    mode        TEXT NOT NULL CHECK (mode IN ('station', 'general')),
    created_at  TEXT NOT NULL
);

CREATE TABLE opinion (
    id                  TEXT PRIMARY KEY,
    number              TEXT NOT NULL,
    station             TEXT NOT NULL,
    received_at         TEXT NOT NULL,
    channel             TEXT NOT NULL,
    constituent_name    TEXT,
    constituent_phone   TEXT,
    constituent_address TEXT,
    consent_to_contact  INTEGER NOT NULL DEFAULT 0,
    received_by         TEXT,
    text                TEXT NOT NULL,
    -- Denormalised from opinion_tag so the list filters and sorts by area without a join; NULL: no area fits.
    primary_area        INTEGER CHECK (primary_area BETWEEN 1 AND 6),
    status              TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    revision            INTEGER NOT NULL DEFAULT 1,
    -- Deleting keeps the row (recoverable): only deleted_at is set.
    deleted_at          TEXT,
    UNIQUE (station, number)
);
CREATE INDEX opinion_by_received ON opinion (deleted_at, received_at);
CREATE INDEX opinion_by_status ON opinion (status, received_at);
CREATE INDEX opinion_by_area ON opinion (primary_area, received_at);
CREATE INDEX opinion_by_channel ON opinion (channel, received_at);
CREATE INDEX opinion_by_station ON opinion (station, received_at);

CREATE TABLE opinion_tag (
    opinion_id       TEXT NOT NULL REFERENCES opinion (id) ON DELETE CASCADE,
    area             INTEGER NOT NULL CHECK (area BETWEEN 1 AND 6),
    subtopic_id      TEXT,
    clause           TEXT,
    is_primary       INTEGER NOT NULL DEFAULT 0,
    score            REAL NOT NULL DEFAULT 0,
    source           TEXT NOT NULL CHECK (source IN ('auto', 'clerk', 'deputy')),
    set_by           TEXT,
    taxonomy_version TEXT,
    PRIMARY KEY (opinion_id, area)
) WITHOUT ROWID;
CREATE INDEX opinion_tag_by_area ON opinion_tag (area, opinion_id);

-- Per station and year, the last number handed out: GS-007-2023-000123.
CREATE TABLE opinion_sequence (
    station TEXT NOT NULL,
    year    INTEGER NOT NULL,
    last    INTEGER NOT NULL,
    PRIMARY KEY (station, year)
) WITHOUT ROWID;

-- The half-typed opinion of the entry form, kept so a crash or accidental close loses nothing.
CREATE TABLE draft (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    content  TEXT NOT NULL,
    saved_at TEXT NOT NULL
);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Append-only record of who changed what; the reliability work adds viewing and checking.
CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    opinion_id TEXT,
    detail     TEXT
);
CREATE INDEX audit_by_opinion ON audit_log (opinion_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

-- Batches written to or read from removable media; the exchange work extends it.
CREATE TABLE batch (
    id             TEXT PRIMARY KEY,
    direction      TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    station        TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    created_at     TEXT NOT NULL,
    recorded_at    TEXT NOT NULL,
    opinion_count  INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    file_name      TEXT
);
CREATE INDEX batch_by_station ON batch (direction, station, sequence);
