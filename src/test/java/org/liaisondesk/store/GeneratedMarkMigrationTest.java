package org.liaisondesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V025 marks generated opinions. Before it, {@code generate} only counted what it made (setting
 * {@code generate.opinions}): where that count covers every opinion they are all marked, otherwise none is (which
 * ones were generated cannot be known).
 */
class GeneratedMarkMigrationTest {

    @TempDir
    Path dir;

    @Test
    void anOldDatabaseMadeOnlyByGenerateHasEveryOpinionMarked() throws Exception {
        assertThat(upgradedWith(2, 2)).isEqualTo(2);
    }

    @Test
    void anOldDatabaseWithRealOpinionsBesideGeneratedOnesHasNoneMarked() throws Exception {
        assertThat(upgradedWith(3, 2)).isZero();
    }

    @Test
    void anOldDatabaseWhereGenerateNeverRanHasNoneMarked() throws Exception {
        assertThat(upgradedWith(2, -1)).isZero();
    }

    /** A version-24 database with {@code opinions} opinions and the counter (-1: none); the marked count after. */
    private long upgradedWith(int opinions, int counted) throws Exception {
        Path file = dir.resolve("v24-" + opinions + "-" + counted + ".db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            SearchFunctions.register(c);
            Migrations.migrateTo(c, 24);
            for (int i = 1; i <= opinions; i++) {
                st.execute("INSERT INTO opinion (id, number, station, received_at, channel, text, status, "
                        + "created_at, updated_at) VALUES ('" + UUID.randomUUID() + "', 'GS-1-2023-00000" + i
                        + "', 'GS-1', '2023-01-01T09:00', 'visit', '小区门口路灯坏了', 'recorded', "
                        + "'2023-01-01T01:00:00Z', '2023-01-01T01:00:00Z')");
            }
            if (counted >= 0) {
                st.execute("INSERT INTO setting (key, value) VALUES ('generate.opinions', '" + counted + "')");
            }
        }
        Database.open(file).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM opinion WHERE generated = 1")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
