-- V016: closing the loop (issue 13). The handling of an opinion after the deputies' review: 交办 to a handling unit
-- with a due date in working days, 签收, 答复, 反馈群众, 回访, 办结归档, and the side paths (退回, 延期, 重办,
-- 转为代表建议, 不予受理). opinion.status keeps its five codes (recorded/reviewed/exported/handling/closed); the finer
-- handling stage lives in handling_case.stage. Handling changes do not bump opinion.revision (the revision belongs to
-- the opinion's content and its upward conflict check); handling_case.version counts handling changes instead, and
-- handling_case.dirty lists the fields changed here and not yet sent; sent_fields those sent in batch sent_seq (or
-- earlier) that the other side has not yet acknowledged (its batches carry the last sequence they read). A field the
-- other side changed too, while it is dirty or unacknowledged here, is a conflict; other fields merge one by one.

-- 承办单位: maintained at the general station, sent down in return batches.
CREATE TABLE handling_unit (
    code       TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('community', 'street', 'district-dept', 'city-dept', 'other')),
    contact    TEXT,
    active     INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL
) WITHOUT ROWID;

-- One row per opinion that entered handling.
CREATE TABLE handling_case (
    opinion_id      TEXT PRIMARY KEY REFERENCES opinion (id) ON DELETE CASCADE,
    station         TEXT NOT NULL,
    stage           TEXT NOT NULL,
    assignment_no   TEXT,
    route           TEXT,
    main_unit       TEXT,
    assisting_units TEXT,
    deputy_opinion  TEXT,
    assigned_at     TEXT,
    assigned_by     TEXT,
    due_date        TEXT,
    span_start      TEXT,
    extensions      INTEGER,
    signed_at       TEXT,
    reply_text      TEXT,
    reply_signed_by TEXT,
    reply_date      TEXT,
    reply_file      TEXT,
    outcome         TEXT CHECK (outcome IN ('A', 'B', 'C', 'D')),
    outcome_note    TEXT,
    promised_date   TEXT,
    fed_back_at     TEXT,
    rating          TEXT CHECK (rating IN ('satisfied', 'basically-satisfied', 'dissatisfied')),
    visited_at      TEXT,
    visit_note      TEXT,
    rehandlings     INTEGER,
    suggestion_no   TEXT,
    reason          TEXT,
    referral        TEXT,
    closed_at       TEXT,
    version         INTEGER NOT NULL DEFAULT 1,
    dirty           TEXT NOT NULL DEFAULT '',
    sent_fields     TEXT NOT NULL DEFAULT '',
    sent_seq        INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX handling_case_station ON handling_case (station, stage);
CREATE INDEX handling_case_due ON handling_case (due_date);
CREATE INDEX handling_case_assignment ON handling_case (assignment_no);

-- Every handling change, who/when/before/after like opinion_history; event_id makes a merge from a batch idempotent.
-- sent = 0 while the change was made here and has not yet left in a batch.
CREATE TABLE handling_event (
    event_id   TEXT PRIMARY KEY,
    opinion_id TEXT NOT NULL REFERENCES opinion (id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    actor      TEXT NOT NULL,
    action     TEXT NOT NULL,
    before     TEXT,
    after      TEXT,
    sent       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX handling_event_opinion ON handling_event (opinion_id, at);
CREATE INDEX handling_event_unsent ON handling_event (sent) WHERE sent = 0;

-- 交办单 numbers per station and year: GS-007-2026-0012.
CREATE TABLE assignment_counter (
    station TEXT NOT NULL,
    year    INTEGER NOT NULL,
    last    INTEGER NOT NULL,
    PRIMARY KEY (station, year)
) WITHOUT ROWID;

-- Working-day calendar years loaded at the general station (or received from it); they override the built-in years.
CREATE TABLE work_calendar (
    year      INTEGER PRIMARY KEY,
    source    TEXT,
    holidays  TEXT NOT NULL,
    workdays  TEXT NOT NULL,
    loaded_at TEXT NOT NULL
);

-- Time limits per route (overrides of the built-in defaults).
CREATE TABLE handling_limit (
    route  TEXT PRIMARY KEY,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    unit   TEXT NOT NULL CHECK (unit IN ('working-days', 'months'))
) WITHOUT ROWID;

-- Reply templates (答复模板) the general station sends down.
CREATE TABLE reply_template (
    name TEXT PRIMARY KEY,
    text TEXT NOT NULL
) WITHOUT ROWID;

-- Handling batches in both directions: 'down' (return batch, general → station) and 'up' (station → general);
-- reference is the digest of the unit registry, calendar and templates a down batch carried.
CREATE TABLE handling_batch (
    batch_id    TEXT PRIMARY KEY,
    direction   TEXT NOT NULL CHECK (direction IN ('down', 'up')),
    role        TEXT NOT NULL CHECK (role IN ('written', 'read')),
    station     TEXT NOT NULL,
    sequence    INTEGER NOT NULL,
    sha256      TEXT NOT NULL,
    file_name   TEXT,
    cases       INTEGER NOT NULL,
    reference   TEXT,
    at          TEXT NOT NULL,
    UNIQUE (direction, role, station, sequence)
) WITHOUT ROWID;

-- A handling field both sides changed since the last exchange with different values: kept for a person to resolve.
CREATE TABLE handling_conflict (
    id          INTEGER PRIMARY KEY,
    opinion_id  TEXT NOT NULL REFERENCES opinion (id) ON DELETE CASCADE,
    batch_id    TEXT NOT NULL,
    field       TEXT NOT NULL,
    local_value TEXT,
    incoming    TEXT,
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    resolved_by TEXT,
    resolution  TEXT
);

-- A newer revision of an opinion arriving in an upward batch carries the station's coarse status (recorded, reviewed,
-- exported); once the opinion is in handling here, its status follows the handling stage instead of going back.
CREATE TRIGGER handling_keeps_status AFTER UPDATE OF status ON opinion
FOR EACH ROW WHEN NEW.status IN ('recorded', 'reviewed', 'exported')
    AND EXISTS (SELECT 1 FROM handling_case h WHERE h.opinion_id = NEW.id
                AND h.stage NOT IN ('registered', 'reviewed'))
BEGIN
    UPDATE opinion SET status = (SELECT CASE WHEN h.stage IN ('archived', 'not-accepted') THEN 'closed'
                                             ELSE 'handling' END
                                 FROM handling_case h WHERE h.opinion_id = NEW.id)
    WHERE id = NEW.id;
END;
