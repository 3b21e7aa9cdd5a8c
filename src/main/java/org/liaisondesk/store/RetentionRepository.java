package org.liaisondesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Erases residents' personal details (name, phone, address, consent) from closed opinions past the retention
 * period; the text and the tags stay. Each erased opinion gets its own audit entry in the same transaction.
 */
public final class RetentionRepository {

    /** Closed, last changed before the cut-off (bound as the one parameter), still holding personal details. */
    private static final String DUE = " WHERE status='closed' AND updated_at < ? AND (constituent_name IS NOT NULL "
            + "OR constituent_phone IS NOT NULL OR constituent_address IS NOT NULL)";

    private final Database db;

    public RetentionRepository(Database db) {
        this.db = db;
    }

    /** How many closed opinions last changed before {@code cutoff} still hold personal details. */
    public long countDue(Instant cutoff) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM opinion" + DUE)) {
                ps.setString(1, cutoff.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Erases the personal details of every due opinion; returns how many. */
    public int erase(Instant cutoff, Instant now, String actor) {
        return db.write(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM opinion" + DUE)) {
                ps.setString(1, cutoff.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE opinion SET constituent_name=NULL, "
                    + "constituent_phone=NULL, constituent_address=NULL, consent_to_contact=0, updated_at=?, "
                    + "revision=revision+1 WHERE id=?")) {
                for (String id : ids) {
                    ps.setString(1, now.toString());
                    ps.setString(2, id);
                    ps.executeUpdate();
                    AuditLog.append(c, actor, "retention-erase", UUID.fromString(id), "closed before " + cutoff);
                }
            }
            return ids.size();
        });
    }
}
