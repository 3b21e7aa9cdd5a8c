-- Trust and integrity (issue 18): a station takes an export's sequence number before the batch file gets its final
-- name on the medium. A kill between that rename and the export's record leaves a complete file the station never
-- recorded; the next export sees the attempt and takes the next number, so one number never names two contents.
CREATE TABLE export_attempt (
    station      TEXT NOT NULL,
    sequence     INTEGER NOT NULL,
    batch_id     TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    attempted_at TEXT NOT NULL,
    PRIMARY KEY (station, sequence)
);
