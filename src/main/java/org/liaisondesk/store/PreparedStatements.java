package org.liaisondesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Statements prepared on one connection once each, found again by their SQL, and closed together: for work that runs
 * the same few statements many times (an import's rows, the writer's saves, the audit chain), where preparing one
 * anew costs as much as running it. The caller binds every parameter and never closes one itself.
 */
final class PreparedStatements implements AutoCloseable {

    private final Connection c;
    private final Map<String, PreparedStatement> bySql = new HashMap<>();

    PreparedStatements(Connection c) {
        this.c = c;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement ps = bySql.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            bySql.put(sql, ps);
        }
        return ps;
    }

    /** Closes every statement, even after one fails to close, and throws the first failure. */
    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : bySql.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        bySql.clear();
        if (first != null) {
            throw first;
        }
    }
}
