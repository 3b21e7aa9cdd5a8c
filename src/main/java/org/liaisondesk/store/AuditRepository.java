package org.liaisondesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.liaisondesk.model.AuditEntry;
import org.liaisondesk.model.AuditQuery;

/**
 * The append-only audit log: reading it, and recording events that change no row of their own (backups, exports,
 * key changes). Changes to opinions are recorded by their repositories in the same transaction.
 */
public final class AuditRepository {

    private final Database db;

    public AuditRepository(Database db) {
        this.db = db;
    }

    public void record(String actor, String action, UUID opinionId, String detail) {
        db.write(c -> {
            AuditLog.append(c, actor, action, opinionId, detail);
            return null;
        });
    }

    /** Matching entries, newest first, streamed to {@code sink}. */
    public void forEach(AuditQuery q, Consumer<AuditEntry> sink) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (q.opinionId() != null) {
            where.add("opinion_id = ?");
            params.add(q.opinionId());
        }
        if (q.actor() != null) {
            where.add("actor = ?");
            params.add(q.actor());
        }
        if (q.action() != null) {
            where.add("action = ?");
            params.add(q.action());
        }
        String sql = "SELECT id, at, actor, action, opinion_id, detail FROM audit_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY id DESC LIMIT ?";
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object p : params) {
                    ps.setObject(i++, p);
                }
                ps.setInt(i, q.limit() <= 0 ? -1 : q.limit());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new AuditEntry(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return null;
        });
    }

    public List<AuditEntry> find(AuditQuery q) {
        List<AuditEntry> out = new ArrayList<>();
        forEach(q, out::add);
        return out;
    }
}
