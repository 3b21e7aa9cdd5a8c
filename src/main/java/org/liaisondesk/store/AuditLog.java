package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Appends to the audit log inside the caller's transaction, so a change and its record commit together. */
final class AuditLog {

    private AuditLog() {
    }

    static void append(Connection c, String actor, String action, UUID opinionId, String detail) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, opinion_id, detail) VALUES (?,?,?,?,?)")) {
            ps.setString(1, Instant.now().toString());
            ps.setString(2, actor == null ? "?" : actor);
            ps.setString(3, action);
            ps.setString(4, opinionId == null ? null : opinionId.toString());
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }
}
