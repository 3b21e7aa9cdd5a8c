package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This installation's key pairs (private keys sealed under the key passphrase, V015: see docs/batch-encryption.md)
 * and the public keys it trusts.
 */
public final class KeyRepository {

    /** A stored key pair as its X.509 (public) and PKCS#8 (private) encodings. */
    public record StoredKeyPair(String purpose, String algorithm, byte[] publicKey, byte[] privateKey,
                                Instant createdAt) {
    }

    /** A trusted public key: the general station's (kind "general") or a station's signing key (kind "station"). */
    public record TrustedKey(String kind, String owner, String name, String algorithm, byte[] publicKey,
                             String fingerprint, Instant addedAt, String addedBy) {
    }

    /**
     * How the private keys are sealed: the passphrase derivation's parameters ({@code pbkdf2-sha256$<iterations>$
     * <salt base64>}) and a known text sealed under the derived key, to tell a wrong passphrase.
     */
    public record Protection(String kdf, byte[] check, Instant createdAt) {
    }

    private final Database db;

    public KeyRepository(Database db) {
        this.db = db;
    }

    public Optional<StoredKeyPair> keyPair(String purpose) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT purpose, algorithm, public_key, private_key, "
                    + "created_at FROM key_pair WHERE purpose=?")) {
                ps.setString(1, purpose);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredKeyPair(rs.getString(1), rs.getString(2),
                            rs.getBytes(3), rs.getBytes(4), Instant.parse(rs.getString(5))))
                            : Optional.<StoredKeyPair>empty();
                }
            }
        });
    }

    public List<StoredKeyPair> keyPairs() {
        return db.read(c -> {
            List<StoredKeyPair> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT purpose, algorithm, public_key, private_key, "
                    + "created_at FROM key_pair ORDER BY purpose"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredKeyPair(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4),
                            Instant.parse(rs.getString(5))));
                }
            }
            return out;
        });
    }

    public Optional<Protection> protection() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT kdf, check_blob, created_at FROM key_protection "
                    + "WHERE id=1"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Protection(rs.getString(1), rs.getBytes(2),
                        Instant.parse(rs.getString(3)))) : Optional.<Protection>empty();
            }
        });
    }

    /**
     * Sets the key protection and replaces the private keys with {@code sealed} (purpose to sealed key), all in one
     * transaction, overwriting the old bytes in the file ({@code secure_delete}) so no plain key lingers in it.
     */
    public void protect(Protection protection, Map<String, byte[]> sealed, String actor, String action) {
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA secure_delete=ON");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO key_protection (id, kdf, check_blob, "
                    + "created_at) VALUES (1,?,?,?) ON CONFLICT (id) DO UPDATE SET kdf=excluded.kdf, "
                    + "check_blob=excluded.check_blob, created_at=excluded.created_at")) {
                ps.setString(1, protection.kdf());
                ps.setBytes(2, protection.check());
                ps.setString(3, protection.createdAt().toString());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE key_pair SET private_key=? WHERE purpose=?")) {
                for (Map.Entry<String, byte[]> e : sealed.entrySet()) {
                    ps.setBytes(1, e.getValue());
                    ps.setString(2, e.getKey());
                    ps.executeUpdate();
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA secure_delete=OFF"); // the old cells are overwritten by now
            }
            AuditLog.append(c, actor, action, null, String.join(" ", sealed.keySet()));
            return null;
        });
    }

    /**
     * Stores a key pair unless one exists for that purpose (keys are never silently replaced: batches in transit
     * depend on them); returns the pair now stored.
     */
    public StoredKeyPair addKeyPairIfAbsent(StoredKeyPair pair, String fingerprint, String actor) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO key_pair (purpose, algorithm, public_key, "
                    + "private_key, created_at) VALUES (?,?,?,?,?) ON CONFLICT (purpose) DO NOTHING")) {
                ps.setString(1, pair.purpose());
                ps.setString(2, pair.algorithm());
                ps.setBytes(3, pair.publicKey());
                ps.setBytes(4, pair.privateKey());
                ps.setString(5, pair.createdAt().toString());
                if (ps.executeUpdate() == 1) {
                    AuditLog.append(c, actor, "key-generate", null, pair.purpose() + " " + fingerprint);
                }
            }
            return null;
        });
        return keyPair(pair.purpose()).orElseThrow();
    }

    /** Adds or replaces a trusted key (an administrator's deliberate act, recorded with the old fingerprint). */
    public void trust(TrustedKey key) {
        db.write(c -> {
            trustIn(c, key);
            return null;
        });
    }

    /** Adds or replaces a trusted key and, when given, its companion (another kind, same owner) in one transaction. */
    public void trust(TrustedKey key, TrustedKey companion) {
        db.write(c -> {
            trustIn(c, key);
            if (companion != null) {
                trustIn(c, companion);
            }
            return null;
        });
    }

    /** At a station: the general station's key, replacing any earlier one in the same transaction. */
    public void replaceGeneral(TrustedKey key) {
        replaceGeneral(key, null);
    }

    /**
     * At a station: the general station's agreement key and, when given, its signing key (kind "general-signing"),
     * replacing those of any other general station in the same transaction.
     */
    public void replaceGeneral(TrustedKey key, TrustedKey signing) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM trusted_key WHERE kind IN ('general', "
                    + "'general-signing') AND owner<>?")) {
                ps.setString(1, key.owner());
                ps.executeUpdate();
            }
            trustIn(c, key);
            if (signing != null) {
                trustIn(c, signing);
            }
            return null;
        });
    }

    public Optional<TrustedKey> trusted(String kind, String owner) {
        return db.read(c -> trustedIn(c, kind, owner));
    }

    /** The general station's key at a station (there is at most one). */
    public Optional<TrustedKey> trustedGeneral() {
        return trustedList("general").stream().findFirst();
    }

    public List<TrustedKey> trustedList(String kind) {
        return db.read(c -> {
            List<TrustedKey> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, owner, name, algorithm, public_key, "
                    + "fingerprint, added_at, added_by FROM trusted_key WHERE kind=? ORDER BY owner")) {
                ps.setString(1, kind);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(readTrusted(rs));
                    }
                }
            }
            return out;
        });
    }

    private static void trustIn(Connection c, TrustedKey key) throws SQLException {
        String previous = trustedIn(c, key.kind(), key.owner()).map(TrustedKey::fingerprint).orElse(null);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trusted_key (kind, owner, name, algorithm, "
                + "public_key, fingerprint, added_at, added_by) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT (kind, owner) "
                + "DO UPDATE SET name=excluded.name, algorithm=excluded.algorithm, public_key=excluded.public_key, "
                + "fingerprint=excluded.fingerprint, added_at=excluded.added_at, added_by=excluded.added_by")) {
            ps.setString(1, key.kind());
            ps.setString(2, key.owner());
            ps.setString(3, key.name());
            ps.setString(4, key.algorithm());
            ps.setBytes(5, key.publicKey());
            ps.setString(6, key.fingerprint());
            ps.setString(7, key.addedAt().toString());
            ps.setString(8, key.addedBy());
            ps.executeUpdate();
        }
        AuditLog.append(c, key.addedBy(), "key-trust", null, key.kind() + " " + key.owner() + " "
                + key.fingerprint() + (previous == null ? "" : " replacing " + previous));
    }

    private static Optional<TrustedKey> trustedIn(Connection c, String kind, String owner)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, owner, name, algorithm, public_key, fingerprint, "
                + "added_at, added_by FROM trusted_key WHERE kind=? AND owner=?")) {
            ps.setString(1, kind);
            ps.setString(2, owner);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readTrusted(rs)) : Optional.empty();
            }
        }
    }

    private static TrustedKey readTrusted(ResultSet rs) throws SQLException {
        return new TrustedKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                rs.getString(6), Instant.parse(rs.getString(7)), rs.getString(8));
    }
}
