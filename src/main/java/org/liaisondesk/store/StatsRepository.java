package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
        Optional<SqlFilter> running = SqlFilter.overCounts(filter);
        return db.read(c -> {
            c.setAutoCommit(false);
            try {
                Map<Integer, Long> byArea = new LinkedHashMap<>();
                for (int a = 1; a <= AreaTag.AREA_COUNT; a++) {
                    byArea.put(a, 0L);
                }
                byArea.put(0, 0L);
                group(c, "coalesce(primary_area, 0)", "area", "1", where, running)
                        .forEach((k, v) -> byArea.put(Integer.valueOf(k), v));
                long total = byArea.values().stream().mapToLong(Long::longValue).sum();
                Map<String, Long> byStatus = new LinkedHashMap<>();
                for (Status s : Status.values()) {
                    byStatus.put(s.code(), 0L);
                }
                byStatus.putAll(group(c, "status", "status", "1", where, running));
                return new DashboardCounts(total, byArea, subtopics(c, where),
                        months(c, where),
                        group(c, "channel", "channel", "2 DESC, 1", where, running),
                        group(c, "station", "station", "1", where, running), byStatus);
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

    /**
     * The same grouping from the running counts of V008 ({@code countKey}, its column in {@code opinion_count}) when
     * the filter is one they are kept by (no dates, no text): a few hundred rows instead of a scan of every opinion.
     */
    private static Map<String, Long> group(Connection c, String key, String countKey, String order, SqlFilter where,
                                           Optional<SqlFilter> running) throws SQLException {
        if (running.isEmpty()) {
            return group(c, key, order, where);
        }
        return counted(c, "SELECT " + countKey + ", sum(n) FROM opinion_count" + running.get().sql()
                + " GROUP BY 1 HAVING sum(n) > 0 ORDER BY " + order, running.get());
    }

    /** More months than this between the first and the last opinion: grouped by a sort instead (bad dates). */
    private static final int MONTH_RANGES = 600;

    /**
     * Opinions per month ("yyyy-MM", months without any left out), oldest first: one count per month over the
     * index's date range, which reads each entry once and sorts nothing (a GROUP BY on the month sorted every row).
     */
    private static Map<String, Long> months(Connection c, SqlFilter where) throws SQLException {
        String first = edge(c, where, "");
        if (first == null) {
            return new LinkedHashMap<>();
        }
        YearMonth month = YearMonth.parse(first.substring(0, 7));
        YearMonth last = YearMonth.parse(edge(c, where, " DESC").substring(0, 7));
        if (month.plusMonths(MONTH_RANGES).isBefore(last)) {
            return group(c, "substr(received_at, 1, 7)", "1", where);
        }
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + OPINIONS + where.sql()
                + " AND received_at >= ? AND received_at < ?")) {
            for (; !month.isAfter(last); month = month.plusMonths(1)) {
                int i = where.bind(ps, 1);
                ps.setString(i, month.toString());
                ps.setString(i + 1, month.plusMonths(1).toString());
                try (ResultSet rs = ps.executeQuery()) {
                    long n = rs.next() ? rs.getLong(1) : 0;
                    if (n > 0) {
                        out.put(month.toString(), n);
                    }
                }
            }
        }
        return out;
    }

    /** The earliest (or with " DESC" the latest) received_at of the filtered opinions, or null. */
    private static String edge(Connection c, SqlFilter where, String direction) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT received_at FROM " + OPINIONS + where.sql()
                + " ORDER BY received_at" + direction + " LIMIT 1")) {
            where.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * Sub-topics of the primary tags ("" for a primary tag without one), from the row's copy of V029 in the covering
     * index: opinions without a primary tag (primary_area NULL) are not counted, as in the join this replaced.
     */
    private static Map<String, Long> subtopics(Connection c, SqlFilter where) throws SQLException {
        return counted(c, "SELECT coalesce(primary_subtopic, ''), count(*) FROM " + OPINIONS + where.sql()
                + " AND primary_area IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1", where);
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
