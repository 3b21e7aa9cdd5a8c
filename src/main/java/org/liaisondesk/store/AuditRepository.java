package org.liaisondesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.liaisondesk.model.AuditAnchor;
import org.liaisondesk.model.AuditEntry;
import org.liaisondesk.model.AuditQuery;
import org.liaisondesk.model.HealthIssue;

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

    /** Where this database's audit chain no longer has the hashes the general station recorded for it. */
    public List<HealthIssue> verifyAnchors(List<AuditAnchor> anchors) {
        return db.read(c -> AuditLog.verifyAnchors(c, anchors));
    }

    /**
     * At the general station: the heads of {@code station}'s audit chain its imported batches carried, in the order
     * they arrived, one per batch (a batch imported again adds none).
     */
    public List<AuditAnchor> anchorsOf(String station) {
        return db.read(c -> {
            Map<String, AuditAnchor> byBatch = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT at, detail FROM audit_log WHERE action='import' "
                    + "AND detail LIKE ? ORDER BY id")) {
                ps.setString(1, "batch=% station=" + station + " sequence=% auditHead=%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Matcher m = IMPORTED.matcher(rs.getString(2));
                        if (m.matches() && m.group(2).equals(station)) {
                            String signer = m.group(4).equals("none") ? null : m.group(4);
                            byBatch.putIfAbsent(m.group(1), new AuditAnchor(Long.parseLong(m.group(3)), m.group(1),
                                    Long.parseLong(m.group(5)), m.group(6), rs.getString(1), signer));
                        }
                    }
                }
            }
            return List.copyOf(byBatch.values());
        });
    }

    /**
     * An import's audit detail (see ImportService): the file name may hold anything, so the head is the last field
     * and the signer the last {@code signedBy} before it.
     */
    private static final Pattern IMPORTED = Pattern.compile("batch=(\\S+) station=(\\S+) sequence=(\\d+) file=.*"
            + " signedBy=(\\S+) auditHead=(\\d+):([0-9a-f]{64})(?: (?:added|alreadyImported)=.*)?", Pattern.DOTALL);

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
