package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Status;

/**
 * The statistics dashboard's counts, all grouped in SQL over the index of migration V012, read in one transaction so
 * the numbers agree with each other while a clerk keeps saving.
 */
public final class StatsRepository {

    /**
     * Always the covering index of V012: with a station chosen SQLite would otherwise take the station index and read
     * every matching row of the table (0.28 s instead of 0.08 s per count at 100,000 opinions).
     */
    private static final String OPINIONS = "opinion INDEXED BY opinion_stats";

    private final Database db;

    public StatsRepository(Database db) {
        this.db = db;
    }

    public DashboardCounts counts(OpinionFilter filter) {
        SqlFilter where = SqlFilter.of(filter);
        return db.read(c -> {
            c.setAutoCommit(false);
            try {
                Map<Integer, Long> byArea = new LinkedHashMap<>();
                for (int a = 1; a <= AreaTag.AREA_COUNT; a++) {
                    byArea.put(a, 0L);
                }
                byArea.put(0, 0L);
                group(c, "coalesce(primary_area, 0)", "1", where).forEach((k, v) -> byArea.put(Integer.valueOf(k), v));
                long total = byArea.values().stream().mapToLong(Long::longValue).sum();
                Map<String, Long> byStatus = new LinkedHashMap<>();
                for (Status s : Status.values()) {
                    byStatus.put(s.code(), 0L);
                }
                byStatus.putAll(group(c, "status", "1", where));
                return new DashboardCounts(total, byArea, subtopics(c, where),
                        group(c, "substr(received_at, 1, 7)", "1", where), group(c, "channel", "2 DESC, 1", where),
                        group(c, "station", "1", where), byStatus);
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        });
    }

    /** {@code key, count(*)} of the filtered opinions grouped by {@code key} (a fixed expression, never input). */
    private static Map<String, Long> group(Connection c, String key, String order, SqlFilter where)
            throws SQLException {
        return counted(c, "SELECT " + key + ", count(*) FROM " + OPINIONS + where.sql() + " GROUP BY 1 ORDER BY "
                + order, where);
    }

    private static Map<String, Long> subtopics(Connection c, SqlFilter where) throws SQLException {
        return counted(c, "SELECT coalesce(t.subtopic_id, ''), count(*) FROM " + OPINIONS + " JOIN opinion_tag t "
                + "ON t.opinion_id = opinion.id AND t.is_primary = 1" + where.sql()
                + " GROUP BY 1 ORDER BY 2 DESC, 1", where);
    }

    private static Map<String, Long> counted(Connection c, String sql, SqlFilter where) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }
}
