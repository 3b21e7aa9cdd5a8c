package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.StationMode;

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

    /**
     * The folder query of docs/batch-format.md, as written there, over two stations' batches in sub-folders (one
     * station sent a second batch carrying an edited and a deleted opinion again): its counts per station and area
     * are the general station's after importing the same batches.
     */
    @Test
    void theDocumentedFolderQueryCountsWhatTheGeneralStationHolds() throws Exception {
        Path batches = dir.resolve("batches");
        List<Path> files = new ArrayList<>();
        try (AppContext a = ExchangeFixture.station(dir.resolve("a"))) {
            ExchangeFixture.addOpinions(a, 300);
            files.add(a.exports().export(Files.createDirectories(batches.resolve("a")), "clerk").orElseThrow().file());
            Opinion first = a.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 2).items().get(0);
            Opinion second = a.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 2).items().get(1);
            a.opinionService().edit(first.id(), first.revision(), new OpinionInput(first.receivedAt(),
                    first.channel(), first.constituent(), first.receivedBy(), "小区门口的路灯坏了一个月",
                    first.tags()), "clerk");
            a.opinionService().delete(second.id(), "clerk");
            files.add(a.exports().export(batches.resolve("a"), "clerk").orElseThrow().file());
        }
        try (AppContext b = AppContext.open(dir.resolve("b").resolve("station.db"), Messages.forLanguage("en"))) {
            b.stations().initialize("GS-008", "拱墅区联络站", StationMode.STATION, "test");
            List<Opinion> own = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Opinion o = ExchangeFixture.opinion(i);
                own.add(new Opinion(UUID.randomUUID(), null, "GS-008", o.receivedAt(), o.channel(), o.constituent(),
                        o.receivedBy(), o.text(), o.tags(), o.status(), o.createdAt(), o.updatedAt(), 1, false));
            }
            b.opinions().createAll(own, "test");
            files.add(b.exports().export(Files.createDirectories(batches.resolve("b")), "clerk").orElseThrow().file());
        }
        Map<String, Long> expected = new TreeMap<>();
        try (AppContext general = ExchangeFixture.general(dir)) {
            general.imports().importPaths(files, "test");
            for (String station : List.of(ExchangeFixture.STATION, "GS-008")) {
                Map<Integer, Long> held = general.stats().dashboard(OpinionFilter.ALL.withStation(station)).counts()
                        .byArea();
                held.forEach((area, n) -> {
                    if (n > 0) {
                        expected.put(station + "/" + (area == 0 ? "none" : area.toString()), n);
                    }
                });
            }
        }
        String documented = documentedFolderQuery().replace("'batches/**/*.ldbatch.json'",
                "'" + batches.toString().replace("'", "''") + "/**/*.ldbatch.json'");
        Map<String, Long> counted = new TreeMap<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery(documented)) {
            while (rs.next()) {
                counted.put(rs.getString("station") + "/" + rs.getString("area"), rs.getLong("opinions"));
            }
        }
        assertThat(counted).isEqualTo(expected);
        assertThat(counted.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(499);
    }

    /** The SQL block of docs/batch-format.md that reads a folder of batches. */
    private static String documentedFolderQuery() throws Exception {
        String doc = Files.readString(Path.of("docs", "batch-format.md"));
        int at = doc.indexOf("read_json('batches/**/*.ldbatch.json'");
        assertThat(at).as("the folder query in docs/batch-format.md").isPositive();
        int start = doc.lastIndexOf("```sql", at) + "```sql".length();
        int end = doc.indexOf("```", at);
        return doc.substring(start, end).trim().replaceAll(";$", "");
    }
}
