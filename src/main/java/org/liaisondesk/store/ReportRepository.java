package org.liaisondesk.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.liaisondesk.model.DutyRecord;
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.ReceptionDay;
import org.liaisondesk.model.Review;

/**
 * What the periodic reports, the ledger and the deputies' duty records read beyond the dashboard's counts: the
 * review of each opinion, the dates its status changed, the reception days of migration V020.
 */
public final class ReportRepository {

    private final Database db;

    public ReportRepository(Database db) {
        this.db = db;
    }

    /** Review decisions of the filtered opinions, counted. */
    public record ReviewCounts(long reviewed, long urgent, long replied, Map<String, Long> byHandling) {
    }

    public ReviewCounts reviewCounts(OpinionFilter filter) {
        SqlFilter where = SqlFilter.of(filter);
        return db.read(c -> {
            Map<String, Long> byHandling = new LinkedHashMap<>();
            for (Handling h : Handling.values()) {
                byHandling.put(h.code(), 0L);
            }
            long reviewed = 0;
            long urgent = 0;
            long replied = 0;
            // Reviewed: a deputy's review is recorded, or the status says it went past review (older and imported
            // data may carry the status without the record).
            try (PreparedStatement ps = c.prepareStatement("SELECT r.handling, count(*), "
                    + "coalesce(sum(r.priority = 'urgent'), 0), coalesce(sum(r.reply IS NOT NULL AND r.reply <> ''), 0) "
                    + "FROM opinion LEFT JOIN opinion_review r ON r.opinion_id = opinion.id" + where.sql()
                    + " AND (r.reviewed_at IS NOT NULL OR opinion.status IN ('reviewed', 'handling', 'closed')) "
                    + "GROUP BY 1")) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String h = rs.getString(1);
                        if (h != null) {
                            byHandling.merge(h, rs.getLong(2), Long::sum);
                        }
                        reviewed += rs.getLong(2);
                        urgent += rs.getLong(3);
                        replied += rs.getLong(4);
                    }
                }
            }
            return new ReviewCounts(reviewed, urgent, replied, byHandling);
        });
    }

    /** Of {@code ids} (a page of the list), the opinions whose review is recorded. */
    public java.util.Set<UUID> reviewed(List<UUID> ids) {
        return db.read(c -> {
            java.util.Set<UUID> out = new java.util.HashSet<>();
            String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT opinion_id FROM opinion_review WHERE opinion_id IN ("
                    + marks + ") AND reviewed_at IS NOT NULL")) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setString(i + 1, ids.get(i).toString());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(UUID.fromString(rs.getString(1)));
                    }
                }
            }
            return out;
        });
    }

    /** The residents' addresses of the filtered opinions that have one (for the communities section). */
    public void addresses(OpinionFilter filter, Consumer<String> sink) {
        SqlFilter where = SqlFilter.of(filter);
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT constituent_address FROM opinion" + where.sql()
                    + " AND constituent_address IS NOT NULL AND constituent_address <> ''")) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getString(1));
                    }
                }
            }
            return null;
        });
    }

    /** The review of every filtered opinion that has one, by opinion id (for the ledger). */
    public Map<UUID, Review> reviews(OpinionFilter filter) {
        SqlFilter where = SqlFilter.of(filter);
        return db.read(c -> {
            Map<UUID, Review> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.opinion_id, r.note, r.priority, r.handling, "
                    + "r.reason, r.reply, r.reviewed_by, r.reviewed_at FROM opinion JOIN opinion_review r "
                    + "ON r.opinion_id = opinion.id" + where.sql())) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = UUID.fromString(rs.getString(1));
                        String at = rs.getString(8);
                        out.put(id, new Review(id, rs.getString(2),
                                Priority.fromCode(rs.getString(3)).orElse(Priority.NORMAL),
                                rs.getString(4) == null ? null : Handling.fromCode(rs.getString(4)).orElse(null),
                                rs.getString(5), rs.getString(6), rs.getString(7),
                                at == null ? null : Instant.parse(at)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * When each filtered opinion last reached each status, from its history: opinion id → status code → time
     * (ISO instant as stored).
     */
    public Map<UUID, Map<String, String>> statusDates(OpinionFilter filter) {
        SqlFilter where = SqlFilter.of(filter);
        return db.read(c -> {
            Map<UUID, Map<String, String>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT h.opinion_id, h.after, max(h.at) FROM "
                    + "(SELECT id FROM opinion" + where.sql() + ") o JOIN opinion_history h ON h.opinion_id = o.id "
                    + "WHERE h.action = 'status' AND h.after IS NOT NULL GROUP BY 1, 2")) {
                where.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(UUID.fromString(rs.getString(1)), k -> new TreeMap<>())
                                .put(rs.getString(2), rs.getString(3));
                    }
                }
            }
            return out;
        });
    }

    /** Records a reception day with its deputies. */
    public void addReception(ReceptionDay day, String actor, Instant now) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reception_day (id, held_on, place, "
                    + "residents, note, created_at, created_by) VALUES (?,?,?,?,?,?,?)")) {
                ps.setString(1, day.id().toString());
                ps.setString(2, day.heldOn().toString());
                ps.setString(3, day.place());
                ps.setInt(4, day.residents());
                ps.setString(5, day.note());
                ps.setString(6, now.toString());
                ps.setString(7, actor);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO reception_deputy (reception_id, "
                    + "deputy) VALUES (?,?)")) {
                for (String d : day.deputies()) {
                    ps.setString(1, day.id().toString());
                    ps.setString(2, d);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            AuditLog.append(c, actor, "reception", null, day.heldOn() + " " + day.place());
            return null;
        });
    }

    /** Reception days from {@code from} to {@code to} (both inclusive; null: open), by date. */
    public List<ReceptionDay> receptions(LocalDate from, LocalDate to) {
        return db.read(c -> {
            List<ReceptionDay> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.held_on, d.place, d.residents, d.note, "
                    + "(SELECT group_concat(deputy, char(31)) FROM (SELECT deputy FROM reception_deputy "
                    + "WHERE reception_id = d.id ORDER BY deputy)) FROM reception_day d "
                    + "WHERE d.held_on >= ? AND d.held_on <= ? ORDER BY d.held_on, d.place, d.id")) {
                ps.setString(1, from == null ? "0000" : from.toString());
                ps.setString(2, to == null ? "9999" : to.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String names = rs.getString(6);
                        out.add(new ReceptionDay(UUID.fromString(rs.getString(1)), LocalDate.parse(rs.getString(2)),
                                rs.getString(3), names == null ? List.of() : Arrays.asList(names.split("\u001f")),
                                rs.getInt(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Duty records from {@code first} to {@code last} (inclusive; a year for the 履职档案): every deputy who attended a
     * reception day or reviewed an opinion then, by name.
     */
    public List<DutyRecord> dutyRecords(LocalDate first, LocalDate last) {
        String from = first.toString();
        String to = last.plusDays(1).toString();
        int year = first.getYear();
        return db.read(c -> {
            Map<String, long[]> by = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.deputy, count(*), sum(d.residents) "
                    + "FROM reception_deputy p JOIN reception_day d ON d.id = p.reception_id "
                    + "WHERE d.held_on >= ? AND d.held_on < ? GROUP BY 1")) {
                ps.setString(1, from);
                ps.setString(2, to);
                collect(ps, by, 0);
            }
            // reviewed_at is an instant in UTC; China is UTC+8 all year, so a day starts 8 hours earlier in UTC.
            try (PreparedStatement ps = c.prepareStatement("SELECT r.reviewed_by, count(*), "
                    + "sum(r.handling = 'deputy-suggestion') FROM opinion_review r JOIN opinion o "
                    + "ON o.id = r.opinion_id AND o.deleted_at IS NULL WHERE r.reviewed_by IS NOT NULL "
                    + "AND r.reviewed_at >= ? AND r.reviewed_at < ? GROUP BY 1")) {
                ps.setString(1, first.minusDays(1) + "T16:00:00Z");
                ps.setString(2, last + "T16:00:00Z");
                collect(ps, by, 2);
            }
            List<DutyRecord> out = new ArrayList<>();
            by.forEach((name, v) -> out.add(new DutyRecord(name, year, v[0], v[1], v[2], v[3])));
            return out;
        });
    }

    private static void collect(PreparedStatement ps, Map<String, long[]> by, int at) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long[] v = by.computeIfAbsent(rs.getString(1), k -> new long[4]);
                v[at] += rs.getLong(2);
                v[at + 1] += rs.getLong(3);
            }
        }
    }

}
