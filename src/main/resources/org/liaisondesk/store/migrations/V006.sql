-- V006: reliability and security. Local accounts with hashed passwords and lockout, this installation's key pairs
-- for encrypted batches, and the public keys it trusts (the general station's, or each station's signing key).

CREATE TABLE app_user (
    name             TEXT PRIMARY KEY,
    role             TEXT NOT NULL CHECK (role IN ('admin', 'clerk', 'deputy', 'general-staff')),
    -- 'pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>': the parameters travel with the hash.
    password_hash    TEXT NOT NULL,
    failed_attempts  INTEGER NOT NULL DEFAULT 0,
    locked_until     TEXT,
    created_at       TEXT NOT NULL,
    password_set_at  TEXT NOT NULL
);

-- This installation's own key pairs: 'signing' (Ed25519, every installation) and 'agreement' (X25519, the
-- general station). Keys are stored as X.509 / PKCS#8 encodings.
CREATE TABLE key_pair (
    purpose     TEXT PRIMARY KEY CHECK (purpose IN ('signing', 'agreement')),
    algorithm   TEXT NOT NULL,
    public_key  BLOB NOT NULL,
    private_key BLOB NOT NULL,
    created_at  TEXT NOT NULL
);

-- Public keys of others: at a station, the general station's agreement key (kind 'general', one row); at the
-- general station, each station's signing key (kind 'station', owner = station code).
CREATE TABLE trusted_key (
    kind        TEXT NOT NULL CHECK (kind IN ('general', 'station')),
    owner       TEXT NOT NULL,
    name        TEXT,
    algorithm   TEXT NOT NULL,
    public_key  BLOB NOT NULL,
    fingerprint TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL,
    PRIMARY KEY (kind, owner)
);

CREATE INDEX audit_by_actor ON audit_log (actor, id);
CREATE INDEX audit_by_action ON audit_log (action, id);
