-- V020: deputies' reception days (代表接待日): when and where deputies received residents, which deputies attended
-- and how many residents came. The duty records (代表履职档案) and the annual report count these per deputy and
-- year. Deputies are named as the station writes them (a deputy need not have an account in this program).
CREATE TABLE reception_day (
    id          TEXT PRIMARY KEY,
    held_on     TEXT NOT NULL,
    place       TEXT NOT NULL,
    residents   INTEGER NOT NULL DEFAULT 0 CHECK (residents >= 0),
    note        TEXT,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX reception_day_by_date ON reception_day (held_on);

CREATE TABLE reception_deputy (
    reception_id TEXT NOT NULL REFERENCES reception_day (id) ON DELETE CASCADE,
    deputy       TEXT NOT NULL,
    PRIMARY KEY (reception_id, deputy)
) WITHOUT ROWID;
CREATE INDEX reception_deputy_by_name ON reception_deputy (deputy);
