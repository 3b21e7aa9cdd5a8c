package org.liaisondesk.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered schema migrations ({@code migrations/V001.sql}, {@code V002.sql}, ...) applied in order at start-up, each
 * in its own transaction; {@code PRAGMA user_version} records the last one applied.
 */
final class Migrations {

    private static final String RESOURCE = "migrations/V%03d.sql";
    /** {@code PRAGMA application_id} of our databases (set by V014): "LDK1". */
    static final int APPLICATION_ID = 0x4C444B31;

    private Migrations() {
    }

    /** Far above any real count; migrations are found by probing names because a jar cannot list a folder. */
    private static final int MAX_VERSION = 200;

    /** The schema version this build writes: the highest migration it ships. */
    static int latestVersion() {
        for (int v = MAX_VERSION; v > 0; v--) {
            if (exists(v)) {
                return v;
            }
        }
        return 0;
    }

    private static boolean exists(int version) {
        return Migrations.class.getResource(String.format(RESOURCE, version)) != null;
    }

    static void migrate(Connection c, Path file) throws SQLException {
        int current = userVersion(c);
        int latest = latestVersion();
        if (current > latest) {
            throw new StoreException("store.error.tooNew", file, current, latest);
        }
        if (current == 0 && TestTemplate.enabled() && isEmpty(c)) {
            TestTemplate.restoreInto(c);
        } else {
            migrateTo(c, latest);
        }
        chainAuditLog(c);
    }

    private static boolean isEmpty(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_schema")) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    /** Chains the audit entries written before V015, once, in its own transaction (see {@link AuditLog}). */
    private static void chainAuditLog(Connection c) throws SQLException {
        if (!AuditLog.chainPendingFlag(c)) {
            return; // the usual case: no write transaction at every start
        }
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                AuditLog.chainPending(c);
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /** Applies the migrations after the current version up to {@code target}; tests use it to build old schemas. */
    static void migrateTo(Connection c, int target) throws SQLException {
        for (int v = userVersion(c) + 1; v <= target; v++) {
            if (exists(v)) {
                apply(c, v);
            }
        }
    }

    static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void apply(Connection c, int version) throws SQLException {
        List<String> statements = statements(read(version));
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                for (String sql : statements) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version=" + version);
                st.execute("COMMIT");
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }

    static String read(int version) {
        String name = String.format(RESOURCE, version);
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + name, e);
        }
    }

    /**
     * Splits a script into statements at lines ending in {@code ;}; a {@code CREATE TRIGGER} runs until its
     * {@code END;} line because its body holds semicolons of its own.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
                continue;
            }
            current.append(line).append('\n');
            if (current.toString().stripLeading().toUpperCase().startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
                out.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
