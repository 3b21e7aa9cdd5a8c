package org.liaisondesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station that upgrades from any earlier release must end with exactly the schema a new installation gets:
 * every table, index, trigger and view, word for word, and the same schema version.
 */
class MigrationUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aDatabaseUpgradedFromEveryEarlierVersionHasTheSchemaOfAFreshOne() throws Exception {
        Path freshFile = dir.resolve("fresh.db");
        Database.open(freshFile).close();
        List<String> fresh = schema(freshFile);
        int latest = Migrations.latestVersion();

        for (int from = 1; from < latest; from++) {
            Path old = dir.resolve("from-" + from + ".db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + old);
                 Statement st = c.createStatement()) {
                SearchFunctions.register(c);
                Migrations.migrateTo(c, from);
                // One opinion written by that version, so data-moving migrations have something to move.
                st.execute("INSERT INTO opinion (id, number, station, received_at, channel, text, status, "
                        + "created_at, updated_at) VALUES ('" + UUID.randomUUID() + "', 'GS-1-2023-000001', "
                        + "'GS-1', '2023-01-01T09:00', 'visit', '小区门口路灯坏了', 'recorded', "
                        + "'2023-01-01T01:00:00Z', '2023-01-01T01:00:00Z')");
            }
            Database.open(old).close();
            assertThat(schema(old)).as("upgraded from version %d", from).isEqualTo(fresh);
        }
    }

    private static List<String> schema(Path file) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_master "
                    + "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                            + rs.getString(4));
                }
            }
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                out.add("user_version " + rs.getInt(1));
            }
        }
        return out;
    }
}
