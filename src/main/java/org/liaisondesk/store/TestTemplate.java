package org.liaisondesk.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * For the test suite only (system property {@code liaisondesk.test.templateDatabase=true}, set by the surefire
 * configuration, never by the program): a new, empty database receives a copy of one database migrated once per JVM
 * (SQLite's backup API) instead of running every migration with its durable commits again. Hundreds of tests start
 * from an empty database, so this saves minutes; the template itself is made by the real migrations, so the schema
 * is the same (MigrationUpgradeTest compares upgraded databases with such fresh ones).
 */
final class TestTemplate {

    static final String PROPERTY = "liaisondesk.test.templateDatabase";

    private static final ThreadLocal<Boolean> MAKING = ThreadLocal.withInitial(() -> false);
    private static Path template;

    private TestTemplate() {
    }

    static boolean enabled() {
        return Boolean.getBoolean(PROPERTY) && !MAKING.get();
    }

    /**
     * Replaces the empty database of {@code c} with the migrated template (made on first use). One at a time: two
     * restores reading the template at once could leave one database empty without an error (the scale run opens
     * its stations' databases on several threads).
     */
    static synchronized void restoreInto(Connection c) throws SQLException {
        Path source = template();
        try (Statement st = c.createStatement()) {
            st.executeUpdate("restore from \"" + source + "\"");
        }
    }

    private static synchronized Path template() {
        if (template == null) {
            MAKING.set(true);
            try {
                Path dir = Files.createTempDirectory("liaisondesk-template");
                Path file = dir.resolve("template.db");
                Database.open(file).close();
                for (Path p : new Path[] {file, dir}) {
                    p.toFile().deleteOnExit();
                }
                template = file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                MAKING.set(false);
            }
        }
        return template;
    }
}
