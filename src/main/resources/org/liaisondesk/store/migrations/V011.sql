-- V011: the deputies' review. One review per opinion (the latest decision), and a history of every change the review
-- workflow makes: one row per changed field, with who, when and the revision it produced, so the history is
-- structured (before/after) rather than free text. Imported batches merge their history: the same opinion, revision
-- and action is one entry, whichever side stored it first.
CREATE TABLE opinion_review (
    opinion_id  TEXT PRIMARY KEY REFERENCES opinion (id) ON DELETE CASCADE,
    note        TEXT,
    priority    TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'normal')),
    handling    TEXT CHECK (handling IN ('on-the-spot', 'street', 'district', 'deputy-suggestion', 'rejected')),
    reason      TEXT,
    reply       TEXT,
    reviewed_by TEXT,
    reviewed_at TEXT
) WITHOUT ROWID;

CREATE TABLE opinion_history (
    id          INTEGER PRIMARY KEY,
    opinion_id  TEXT NOT NULL REFERENCES opinion (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    revision    INTEGER NOT NULL,
    before      TEXT,
    after       TEXT,
    UNIQUE (opinion_id, revision, action)
);
