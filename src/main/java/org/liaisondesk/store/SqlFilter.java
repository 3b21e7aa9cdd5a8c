package org.liaisondesk.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liaisondesk.model.OpinionFilter;

/** An {@link OpinionFilter} as a WHERE clause with its parameters, always bound, never spliced into SQL. */
record SqlFilter(String sql, List<Object> params) {

    static SqlFilter of(OpinionFilter f) {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        parts.add(f.deleted() ? "deleted_at IS NOT NULL" : "deleted_at IS NULL");
        if (f.status() != null) {
            parts.add("status = ?");
            params.add(f.status().code());
        }
        if (f.channel() != null) {
            parts.add("channel = ?");
            params.add(f.channel().code());
        }
        if (f.receivedFrom() != null) {
            parts.add("received_at >= ?");
            params.add(f.receivedFrom().atStartOfDay().toString());
        }
        if (f.receivedTo() != null) {
            parts.add("received_at < ?");
            params.add(f.receivedTo().plusDays(1).atStartOfDay().toString());
        }
        if (f.area() != null) {
            if (f.area() == 0) {
                parts.add("primary_area IS NULL");
            } else {
                parts.add("primary_area = ?");
                params.add(f.area());
            }
        }
        if (f.station() != null) {
            parts.add("station = ?");
            params.add(f.station());
        }
        if (f.textContains() != null && !f.textContains().isEmpty()) {
            parts.add("instr(text, ?) > 0");
            params.add(f.textContains());
        }
        return new SqlFilter(" WHERE " + String.join(" AND ", parts), params);
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
