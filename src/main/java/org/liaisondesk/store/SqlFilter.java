package org.liaisondesk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.search.SearchText;

/**
 * An {@link OpinionFilter} as a WHERE clause with its parameters, always bound, never spliced into SQL. The text
 * filter uses the full-text index (migration V004) and then checks the exact substring, Latin letters ignoring case.
 */
record SqlFilter(String sql, List<Object> params) {

    static SqlFilter of(OpinionFilter f) {
        boolean text = f.textContains() != null && !f.textContains().isEmpty();
        return of(f, text);
    }

    /**
     * The filter for a query driven by the full-text index: the other conditions are kept off their indexes
     * (SQLite's unary {@code +}), so the planner starts from the index's few candidates, not a scan of them all.
     */
    static SqlFilter ofIndexDriven(OpinionFilter f) {
        return of(f, true);
    }

    private static SqlFilter of(OpinionFilter f, boolean indexDriven) {
        String c = indexDriven ? "+" : "";
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        parts.add(c + (f.deleted() ? "deleted_at IS NOT NULL" : "deleted_at IS NULL"));
        if (f.status() != null) {
            parts.add(c + "status = ?");
            params.add(f.status().code());
        }
        if (f.channel() != null) {
            parts.add(c + "channel = ?");
            params.add(f.channel().code());
        }
        if (f.receivedFrom() != null) {
            parts.add(c + "received_at >= ?");
            params.add(f.receivedFrom().atStartOfDay().toString());
        }
        if (f.receivedTo() != null) {
            parts.add(c + "received_at < ?");
            params.add(f.receivedTo().plusDays(1).atStartOfDay().toString());
        }
        if (f.area() != null) {
            if (f.area() == 0) {
                parts.add(c + "primary_area IS NULL");
            } else {
                parts.add(c + "primary_area = ?");
                params.add(f.area());
            }
        }
        if (f.station() != null) {
            parts.add(c + "station = ?");
            params.add(f.station());
        }
        if (f.textContains() != null && !f.textContains().isEmpty()) {
            String query = SearchText.fold(f.textContains());
            SearchText.matchExpression(query).ifPresent(expression -> {
                // the index's candidates, and the opinions still waiting for it (V030)
                parts.add("(id IN (SELECT search_doc.opinion_id FROM search_fts JOIN search_doc "
                        + "ON search_doc.docid = search_fts.rowid WHERE search_fts MATCH ?) "
                        + "OR id IN (SELECT opinion_id FROM search_pending))");
                params.add(expression);
            });
            parts.add(CONTAINS);
            params.add(query);
        }
        return new SqlFilter(" WHERE " + String.join(" AND ", parts), params);
    }

    /**
     * The exact check behind every search: the text, folded as the index folds it ({@code search_fold}, see
     * {@link SearchFunctions}), contains the folded query. The full-text index only narrows
     * the candidates; this decides, so there are no false positives.
     */
    static final String CONTAINS = "instr(search_fold(text), ?) > 0";

    /** This filter and one more condition with its parameter. */
    SqlFilter and(String condition, Object param) {
        List<Object> more = new ArrayList<>(params);
        more.add(param);
        return new SqlFilter(sql + " AND " + condition, more);
    }

    /**
     * The same filter over the running counts of {@code opinion_count} (V008), when it only asks for what those
     * counts are kept by; empty for date ranges and text, which must count the rows themselves.
     */
    static Optional<SqlFilter> overCounts(OpinionFilter f) {
        if (f.receivedFrom() != null || f.receivedTo() != null
                || (f.textContains() != null && !f.textContains().isEmpty())) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        parts.add("deleted = ?");
        params.add(f.deleted() ? 1 : 0);
        if (f.status() != null) {
            parts.add("status = ?");
            params.add(f.status().code());
        }
        if (f.channel() != null) {
            parts.add("channel = ?");
            params.add(f.channel().code());
        }
        if (f.area() != null) {
            parts.add("area = ?");
            params.add(f.area());
        }
        if (f.station() != null) {
            parts.add("station = ?");
            params.add(f.station());
        }
        return Optional.of(new SqlFilter(" WHERE " + String.join(" AND ", parts), params));
    }

    /** Binds the parameters from {@code first}; returns the next free index. */
    int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            ps.setObject(i++, p);
        }
        return i;
    }
}
