-- Return batches signed and encrypted (issue 13): besides the general station's agreement key and each station's
-- signing key, a station now trusts the general station's Ed25519 signing key (kind 'general-signing', owner = the
-- general station's code) and the general station each station's X25519 agreement key (kind 'station-agreement',
-- owner = station code), so return batches can be encrypted to the station and signed by the general station.
-- SQLite cannot widen a CHECK constraint in place: the table is rebuilt with the same columns and rows.
CREATE TABLE trusted_key_v022 (
    kind        TEXT NOT NULL CHECK (kind IN ('general', 'station', 'general-signing', 'station-agreement')),
    owner       TEXT NOT NULL,
    name        TEXT,
    algorithm   TEXT NOT NULL,
    public_key  BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    PRIMARY KEY (kind, owner)
);
INSERT INTO trusted_key_v022 (kind, owner, name, algorithm, public_key, fingerprint, added_at, added_by)
    SELECT kind, owner, name, algorithm, public_key, fingerprint, added_at, added_by FROM trusted_key;
DROP TABLE trusted_key;
ALTER TABLE trusted_key_v022 RENAME TO trusted_key;
