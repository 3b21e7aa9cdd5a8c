package org.liaisondesk.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.liaisondesk.model.AuditAnchor;
import org.liaisondesk.model.HealthIssue;

/**
 * Appends to the audit log inside the caller's transaction, so a change and its record commit together. Every entry
 * is chained (V015): {@code audit_hash} holds SHA-256 over the entry's fields and the previous entry's hash, so an
 * entry edited, inserted or removed with a foreign tool (after dropping the append-only triggers) breaks the chain
 * at that point, which {@link #verify} finds.
 */
final class AuditLog {

    /** Set by migration V015: the entries written before the chain existed are still to be chained, once. */
    static final String CHAIN_PENDING = "audit.chain.pending";
    /** The hash before the first entry. */
    static final String GENESIS = "0".repeat(64);
    /** How many break points {@code check} lists. */
    private static final int MAX_BREAKS = 5;

    /** The newest entry's id and hash: what an export carries as the anchor of the chain. */
    record Head(long id, String hash) {
    }

    private AuditLog() {
    }

    static void append(Connection c, String actor, String action, UUID opinionId, String detail) throws SQLException {
        try (PreparedStatements statements = new PreparedStatements(c)) {
            append(statements::get, actor, action, opinionId, detail);
        }
    }

    /** As {@link #append(Connection, String, String, UUID, String)} with the writer's kept statements: a save. */
    static void append(Database db, Connection c, String actor, String action, UUID opinionId, String detail)
            throws SQLException {
        append(sql -> db.cached(c, sql), actor, action, opinionId, detail);
    }

    /** Where an append gets its statements: the caller closes them, or they are kept. */
    @FunctionalInterface
    private interface Statements {
        PreparedStatement get(String sql) throws SQLException;
    }

    private static void append(Statements statements, String actor, String action, UUID opinionId, String detail)
            throws SQLException {
        String at = Instant.now().toString();
        String who = actor == null ? "?" : actor;
        String opinion = opinionId == null ? null : opinionId.toString();
        long id;
        PreparedStatement insert = statements.get(
                "INSERT INTO audit_log (at, actor, action, opinion_id, detail) VALUES (?,?,?,?,?) RETURNING id");
        insert.setString(1, at);
        insert.setString(2, who);
        insert.setString(3, action);
        insert.setString(4, opinion);
        insert.setString(5, detail);
        try (ResultSet rs = insert.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        String previous = GENESIS;
        PreparedStatement last = statements.get("SELECT hash FROM audit_hash WHERE id < ? ORDER BY id DESC LIMIT 1");
        last.setLong(1, id);
        try (ResultSet rs = last.executeQuery()) {
            if (rs.next()) {
                previous = rs.getString(1);
            }
        }
        insertHash(statements, id, hash(previous, id, at, who, action, opinion, detail));
    }

    /** The newest chained entry, or id 0 and the genesis hash on an empty log. */
    static Head head(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, hash FROM audit_hash ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, GENESIS);
        }
    }

    /**
     * After migrations: chains the entries written before V015, once (in the caller's transaction). Later entries
     * without a hash are never chained silently: {@link #verify} reports them.
     */
    static void chainPending(Connection c) throws SQLException {
        if (!chainPendingFlag(c)) {
            return;
        }
        String previous = GENESIS;
        try (PreparedStatements statements = new PreparedStatements(c); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT a.id, a.at, a.actor, "
                + "a.action, a.opinion_id, a.detail, h.hash FROM audit_log a LEFT JOIN audit_hash h ON h.id = a.id "
                + "ORDER BY a.id")) {
            while (rs.next()) {
                String stored = rs.getString(7);
                if (stored == null) {
                    stored = hash(previous, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6));
                    insertHash(statements::get, rs.getLong(1), stored);
                }
                previous = stored;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM setting WHERE key=?")) {
            ps.setString(1, CHAIN_PENDING);
            ps.executeUpdate();
        }
    }

    /**
     * Recomputes every entry's hash from its fields and the previous entry's stored hash; an entry whose hash is
     * missing or differs is a break (edited, inserted, or the entry before it removed). Lists the first few.
     */
    static List<HealthIssue> verify(Connection c) throws SQLException {
        List<HealthIssue> issues = new ArrayList<>();
        long breaks = 0;
        String previous = GENESIS;
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT a.id, a.at, a.actor, "
                + "a.action, a.opinion_id, a.detail, h.hash FROM audit_log a LEFT JOIN audit_hash h ON h.id = a.id "
                + "ORDER BY a.id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String stored = rs.getString(7);
                String expected = hash(previous, id, rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6));
                if (!expected.equals(stored)) {
                    if (breaks++ < MAX_BREAKS) {
                        issues.add(HealthIssue.of("audit.chain.broken", id, String.valueOf(rs.getString(2)),
                                String.valueOf(rs.getString(4))));
                    }
                }
                previous = stored == null ? expected : stored;
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT count(*) FROM audit_hash h WHERE NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = h.id)")) {
            if (rs.next() && rs.getLong(1) > 0) {
                breaks += rs.getLong(1);
                issues.add(HealthIssue.of("audit.chain.removed", rs.getLong(1)));
            }
        }
        if (breaks > MAX_BREAKS) {
            issues.add(HealthIssue.of("audit.chain.more", breaks - MAX_BREAKS));
        }
        return issues;
    }

    /**
     * Compares the chain with heads recorded elsewhere (the general station, on import): a chain rewritten as a whole
     * passes {@link #verify} but no longer has the hash an anchor recorded for its entry.
     */
    static List<HealthIssue> verifyAnchors(Connection c, List<AuditAnchor> anchors) throws SQLException {
        List<HealthIssue> issues = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_hash WHERE id = ?")) {
            for (AuditAnchor anchor : anchors) {
                ps.setLong(1, anchor.entry());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        issues.add(HealthIssue.of("audit.anchor.missing", anchor.entry(), anchor.sequence()));
                    } else if (!rs.getString(1).equals(anchor.hash())) {
                        issues.add(HealthIssue.of("audit.anchor.changed", anchor.entry(), anchor.sequence()));
                    }
                }
            }
        }
        return issues;
    }

    /** True while the entries from before V015 still wait to be chained. */
    static boolean chainPendingFlag(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM setting WHERE key=?")) {
            ps.setString(1, CHAIN_PENDING);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertHash(Statements statements, long id, String hash) throws SQLException {
        PreparedStatement ps = statements.get("INSERT INTO audit_hash (id, hash) VALUES (?,?)");
        ps.setLong(1, id);
        ps.setString(2, hash);
        ps.executeUpdate();
    }

    /** SHA-256 over the previous hash and each field, length-prefixed so no two entries encode alike. */
    static String hash(String previous, long id, String at, String actor, String action, String opinionId,
                       String detail) {
        StringBuilder s = new StringBuilder(previous).append('|').append(id);
        for (String field : new String[] {at, actor, action, opinionId, detail}) {
            s.append('|');
            if (field == null) {
                s.append('-');
            } else {
                s.append(field.length()).append(':').append(field);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
