-- V015: trust and integrity.
-- (1) The audit log becomes a hash chain. audit_hash holds, for each audit_log entry, the SHA-256 (hex) of the
-- entry's fields and the previous entry's hash, written by the program in the same transaction as the entry
-- (SQLite has no SHA-256 of its own). Entries that existed before this migration are chained once, by the program,
-- right after the migrations ran: the setting 'audit.chain.pending' asks for that and is removed when done.
-- `check` recomputes the chain and reports the first entries where it breaks.
CREATE TABLE audit_hash (
    id   INTEGER PRIMARY KEY,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_hash_no_update BEFORE UPDATE ON audit_hash
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
CREATE TRIGGER audit_hash_no_delete BEFORE DELETE ON audit_hash
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
INSERT INTO setting (key, value) VALUES ('audit.chain.pending', '1')
    ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- (2) Private keys are kept encrypted (AES-256-GCM) under a key derived with PBKDF2-HMAC-SHA256 from the key
-- passphrase an administrator chooses. One row: the derivation's parameters and a check value (a known text
-- encrypted under the derived key) so a wrong passphrase is told apart before any key is touched. key_pair rows
-- written before this migration stay as plain PKCS#8 until the first unlock encrypts them.
CREATE TABLE key_protection (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    kdf        TEXT NOT NULL,
    check_blob BLOB NOT NULL,
    created_at TEXT NOT NULL
);
