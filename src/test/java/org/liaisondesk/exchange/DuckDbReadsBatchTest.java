package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;

/** A batch is plain JSON: DuckDB's read_json loads it as is, and its counts per area are the station's. */
class DuckDbReadsBatchTest {

    @TempDir
    Path dir;

    @Test
    void duckDbCountsTheSameOpinionsPerArea() throws Exception {
        Path batch;
        Map<String, Long> expected;
        try (AppContext station = ExchangeFixture.station(dir)) {
            ExchangeFixture.addOpinions(station, 2000);
            batch = station.exports().export(Files.createDirectory(dir.resolve("usb")), "clerk").orElseThrow().file();
            expected = station.opinions().stats().byArea();
        }
        String source = "read_json('" + batch.toString().replace("'", "''") + "', maximum_object_size = 104857600)";

        Map<String, Long> byArea = new HashMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT header.count, trailer.count, len(opinions), "
                    + "header.byArea.\"4\" FROM " + source)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2000);
                assertThat(rs.getLong(2)).isEqualTo(2000);
                assertThat(rs.getLong(3)).isEqualTo(2000);
                assertThat(rs.getLong(4)).isEqualTo(expected.get("4"));
            }
            try (ResultSet rs = st.executeQuery("WITH o AS (SELECT unnest(opinions) AS op FROM " + source + ") "
                    + "SELECT coalesce(CAST(list_filter(op.areas, lambda a: a.\"primary\")[1].area AS VARCHAR), "
                    + "'none') AS area, count(*) FROM o GROUP BY 1")) {
                while (rs.next()) {
                    byArea.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        expected.values().removeIf(n -> n == 0);
        assertThat(byArea).isEqualTo(expected);
    }
}
