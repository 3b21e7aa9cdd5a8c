package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * "Same matter" links (table {@code opinion_link}, migration V004): opinions a clerk recorded as one matter raised
 * again, instead of unrelated records. A matter is named by one member's id.
 */
public final class LinkRepository {

    private final Database db;

    public LinkRepository(Database db) {
        this.db = db;
    }

    /**
     * Puts {@code opinion} into the matter of {@code sameAs} (merging the two matters when both already have
     * members); returns the members of the matter afterwards.
     */
    public List<UUID> link(UUID opinion, UUID sameAs, String actor) {
        return db.write(c -> {
            UUID target = matterOf(c, sameAs).orElse(sameAs);
            UUID source = matterOf(c, opinion).orElse(opinion);
            if (!source.equals(target)) {
                String now = Instant.now().toString();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO opinion_link (opinion_id, matter_id, "
                        + "linked_by, linked_at) VALUES (?,?,?,?) ON CONFLICT (opinion_id) DO NOTHING")) {
                    ps.setString(1, sameAs.toString());
                    ps.setString(2, target.toString());
                    ps.setString(3, actor);
                    ps.setString(4, now);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE opinion_link SET matter_id=? WHERE matter_id=?")) {
                    ps.setString(1, target.toString());
                    ps.setString(2, source.toString());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO opinion_link (opinion_id, matter_id, "
                        + "linked_by, linked_at) VALUES (?,?,?,?) ON CONFLICT (opinion_id) DO UPDATE SET "
                        + "matter_id=excluded.matter_id, linked_by=excluded.linked_by, linked_at=excluded.linked_at")) {
                    ps.setString(1, opinion.toString());
                    ps.setString(2, target.toString());
                    ps.setString(3, actor);
                    ps.setString(4, now);
                    ps.executeUpdate();
                }
                AuditLog.append(c, actor, "link", opinion, "same matter as " + sameAs);
            }
            return members(c, target);
        });
    }

    /** Takes {@code opinion} out of its matter; false when it was not linked. */
    public boolean unlink(UUID opinion, String actor) {
        return db.write(c -> {
            Optional<UUID> matter = matterOf(c, opinion);
            if (matter.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM opinion_link WHERE opinion_id=?")) {
                ps.setString(1, opinion.toString());
                ps.executeUpdate();
            }
            List<UUID> rest = members(c, matter.get());
            if (rest.size() == 1) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM opinion_link WHERE opinion_id=?")) {
                    ps.setString(1, rest.get(0).toString());
                    ps.executeUpdate();
                }
            } else if (matter.get().equals(opinion)) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE opinion_link SET matter_id=? WHERE matter_id=?")) {
                    ps.setString(1, rest.get(0).toString());
                    ps.setString(2, opinion.toString());
                    ps.executeUpdate();
                }
            }
            AuditLog.append(c, actor, "unlink", opinion, null);
            return true;
        });
    }

    /** The opinions of the same matter as {@code opinion}, itself included, earliest linked first. */
    public List<UUID> sameMatter(UUID opinion) {
        return db.read(c -> {
            Optional<UUID> matter = matterOf(c, opinion);
            return matter.isPresent() ? members(c, matter.get()) : List.of(opinion);
        });
    }

    /** Every linked opinion and its matter. */
    public Map<UUID, UUID> matters() {
        return db.read(c -> {
            Map<UUID, UUID> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT opinion_id, matter_id FROM opinion_link");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)));
                }
            }
            return out;
        });
    }

    private static Optional<UUID> matterOf(Connection c, UUID opinion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT matter_id FROM opinion_link WHERE opinion_id=?")) {
            ps.setString(1, opinion.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(UUID.fromString(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private static List<UUID> members(Connection c, UUID matter) throws SQLException {
        List<UUID> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT opinion_id FROM opinion_link WHERE matter_id=? ORDER BY linked_at, opinion_id")) {
            ps.setString(1, matter.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(UUID.fromString(rs.getString(1)));
                }
            }
        }
        return out;
    }
}
