-- V002: tagging. Report versions the tags were made against, and every confirmation or correction a person made,
-- which the tagger learns from.

CREATE TABLE taxonomy (
    version     TEXT PRIMARY KEY,
    title       TEXT NOT NULL,
    report_text TEXT NOT NULL,
    loaded_at   TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tag_feedback (
    id               INTEGER PRIMARY KEY,
    opinion_id       TEXT REFERENCES opinion (id) ON DELETE SET NULL,
    text             TEXT NOT NULL,
    -- Area numbers chosen by the person, primary first, comma-separated; '' when no area fits.
    areas            TEXT NOT NULL,
    -- What the tagger had proposed, same form, so accuracy over time can be measured.
    proposed         TEXT NOT NULL,
    actor            TEXT NOT NULL,
    at               TEXT NOT NULL,
    taxonomy_version TEXT
);
