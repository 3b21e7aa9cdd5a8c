package org.liaisondesk.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.liaisondesk.model.HealthIssue;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;

/**
 * Health checks, consistent copies and restores of the database file. The copy is made with {@code VACUUM INTO}
 * from one read snapshot, so it is safe while the window keeps writing; a restore goes through SQLite's online
 * backup API on the writer connection, so open readers see either the old or the new database, never a mix.
 */
public final class Maintenance {

    /** How many lines of {@code integrity_check} output are worth showing a person. */
    private static final int MAX_INTEGRITY_LINES = 20;
    private static final int SAMPLE = 5;
    static final List<String> AUDIT_TRIGGERS = List.of("audit_log_no_update", "audit_log_no_delete");

    private final Database db;

    public Maintenance(Database db) {
        this.db = db;
    }

    /**
     * Every check: file integrity (each index against its table), foreign keys, full-text indexes, the audit log's
     * protection, and that each opinion's primary area matches its tags. {@code quick} (start-up) runs only
     * {@code quick_check} (no index cross-check) and the audit log's protection.
     */
    public List<HealthIssue> check(boolean quick) {
        List<HealthIssue> issues = new ArrayList<>(db.read(c -> {
            List<HealthIssue> found = new ArrayList<>(integrity(c, quick));
            if (!found.isEmpty()) {
                return found; // further queries on a damaged file only add noise
            }
            found.addAll(auditLog(c));
            if (!quick) {
                // Whole-table scans: the check command's, not every start's (seconds at a million opinions).
                found.addAll(foreignKeys(c));
                found.addAll(primaryAreas(c));
                found.addAll(AuditLog.verify(c));
            }
            return found;
        }));
        if (issues.isEmpty() && !quick && !db.readingOnly()) { // FTS5's own check runs as a write
            issues.addAll(fullTextIndexes());
        }
        return issues;
    }

    /** Writes a consistent, compact copy to {@code target}, which must not exist yet. */
    public void copyTo(Path target) {
        db.withOwnConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toAbsolutePath().toString());
                ps.execute();
            }
            return null;
        });
    }

    /**
     * Copies the database page by page with SQLite's online backup API, without reading its b-trees: the copy of a
     * database too damaged for {@link #copyTo}. Never with plain file I/O, which would drop this process's locks on
     * the live file (see {@link Database}).
     */
    public void rawCopyTo(Path target) {
        db.withOwnConnection(c -> {
            int rc = ((SQLiteConnection) c).getDatabase().backup("main", target.toAbsolutePath().toString(), null);
            if (rc != 0) {
                throw new SQLException("copy failed with SQLite result code " + rc);
            }
            return null;
        });
    }

    /**
     * Checks a copy on its own: readable SQLite, intact, a Liaison Desk schema this program can open. With
     * {@code mayWrite} the copy is also switched to a self-contained journal mode (no -wal file beside it).
     */
    public static List<HealthIssue> verifyCopy(Path file, boolean mayWrite) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(!mayWrite);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            if (mayWrite) {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA journal_mode=DELETE");
                }
            }
            List<HealthIssue> issues = integrity(c, false);
            if (!issues.isEmpty()) {
                return issues;
            }
            int version = Migrations.userVersion(c);
            if (version == 0 || !tableExists(c, "opinion") || !tableExists(c, "audit_log")) {
                return List.of(HealthIssue.of("health.notOurs", file));
            }
            if (version > Migrations.latestVersion()) {
                return List.of(HealthIssue.of("health.tooNew", file, version, Migrations.latestVersion()));
            }
            return List.of();
        } catch (SQLException e) {
            return List.of(HealthIssue.of("health.unreadable", file, String.valueOf(e.getMessage())));
        }
    }

    /**
     * The identity (station code, name, mode) recorded in a backup or other database file's own {@code station}
     * table, read without changing the file; empty when the file has none (never set up) or cannot be read.
     */
    public static Optional<Station> identityOf(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT code, name, mode FROM station WHERE id=1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String code = rs.getString(1);
            String name = rs.getString(2);
            return StationMode.fromCode(rs.getString(3)).map(mode -> new Station(code, name, mode));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /**
     * Replaces the whole database with the contents of {@code source} (already verified by the caller) and brings
     * its schema up to date. Other connections of this program see the new contents at their next read.
     */
    public void restoreFrom(Path source) {
        db.exclusive(c -> {
            int rc = ((SQLiteConnection) c).getDatabase().restore("main", source.toAbsolutePath().toString(), null);
            if (rc != 0) {
                throw new SQLException("restore failed with SQLite result code " + rc);
            }
            Migrations.migrate(c, db.file());
            return null;
        });
    }

    private static List<HealthIssue> integrity(Connection c, boolean quick) throws SQLException {
        List<HealthIssue> issues = new ArrayList<>();
        String pragma = (quick ? "PRAGMA quick_check(" : "PRAGMA integrity_check(") + MAX_INTEGRITY_LINES + ")";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(pragma)) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equalsIgnoreCase(line)) {
                    issues.add(HealthIssue.of("health.integrity", line));
                }
            }
        } catch (SQLException e) {
            issues.add(HealthIssue.of("health.integrity", String.valueOf(e.getMessage())));
        }
        return issues;
    }

    private static List<HealthIssue> foreignKeys(Connection c) throws SQLException {
        List<HealthIssue> issues = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
            while (rs.next() && issues.size() < MAX_INTEGRITY_LINES) {
                issues.add(HealthIssue.of("health.foreignKey", rs.getString("table"), rs.getLong("rowid"),
                        rs.getString("parent")));
            }
        }
        return issues;
    }

    private static List<HealthIssue> auditLog(Connection c) throws SQLException {
        List<HealthIssue> issues = new ArrayList<>();
        for (String trigger : AUDIT_TRIGGERS) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT sql FROM sqlite_master WHERE type='trigger' AND name=? AND tbl_name='audit_log'")) {
                ps.setString(1, trigger);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getString(1) == null || !rs.getString(1).contains("RAISE(ABORT")) {
                        issues.add(HealthIssue.of("health.auditTrigger", trigger));
                    }
                }
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT (SELECT count(*) FROM opinion), (SELECT count(*) FROM audit_log)")) {
            if (rs.next() && rs.getLong(1) > 0 && rs.getLong(2) == 0) {
                issues.add(HealthIssue.of("health.auditEmpty", rs.getLong(1)));
            }
        }
        return issues;
    }

    private static List<HealthIssue> primaryAreas(Connection c) throws SQLException {
        List<HealthIssue> issues = new ArrayList<>();
        sample(c, "SELECT o.number FROM opinion o WHERE o.primary_area IS NOT (SELECT t.area FROM opinion_tag t "
                + "WHERE t.opinion_id = o.id AND t.is_primary = 1 LIMIT 1) ORDER BY o.number", "health.primaryArea",
                issues);
        // V029's copy of the primary tag's sub-topic, which the dashboard counts
        sample(c, "SELECT o.number FROM opinion o WHERE o.primary_subtopic IS NOT (SELECT t.subtopic_id "
                + "FROM opinion_tag t WHERE t.opinion_id = o.id AND t.is_primary = 1 ORDER BY t.area LIMIT 1) "
                + "ORDER BY o.number", "perf.health.primarySubtopic", issues);
        sample(c, "SELECT o.number FROM opinion o JOIN opinion_tag t ON t.opinion_id = o.id GROUP BY o.id "
                + "HAVING sum(t.is_primary) <> 1 ORDER BY o.number", "health.primaryTagCount", issues);
        return issues;
    }

    /** Adds one issue with the count and the first few opinion numbers that {@code sql} returns, if any. */
    private static void sample(Connection c, String sql, String key, List<HealthIssue> issues) throws SQLException {
        List<String> numbers = new ArrayList<>();
        long count = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                if (numbers.size() < SAMPLE) {
                    numbers.add(rs.getString(1));
                }
                count++;
            }
        }
        if (count > 0) {
            issues.add(HealthIssue.of(key, count, String.join(", ", numbers)));
        }
    }

    /**
     * FTS5 tables (the search feature's, whatever their names) checked with their own {@code integrity-check}
     * command. It is written as an INSERT, so it runs in a write transaction, though it changes nothing.
     */
    private List<HealthIssue> fullTextIndexes() {
        List<String> tables = db.read(c -> {
            List<String> names = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master "
                    + "WHERE type='table' AND lower(sql) LIKE '%using fts5%' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
        List<HealthIssue> issues = new ArrayList<>();
        for (String table : tables) {
            String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
            try {
                db.write(c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("INSERT INTO " + quoted + "(" + quoted + ") VALUES ('integrity-check')");
                    }
                    return null;
                });
            } catch (IllegalStateException | StoreException e) {
                issues.add(HealthIssue.of("health.searchIndex", table, rootMessage(e)));
            }
        }
        return issues;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static boolean tableExists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
