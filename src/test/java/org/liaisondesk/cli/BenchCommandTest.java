package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.liaisondesk.bench.WindowStartup;
import org.junit.jupiter.api.io.TempDir;

/** The bench command end to end on a tiny database: every figure present, with its goal; no timing asserted. */
class BenchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> FIGURES = List.of("generate_per_s", "tag_per_s", "suggest_p95_ms", "save_ms_p50",
            "save_ratio", "list_open_ms", "search_p50_ms", "search_p95_ms", "export_per_s", "export_ratio",
            "import_per_s", "import_ratio", "heap_peak_mb", "heap_peak_raw_mb", "startup_cli_ms", "startup_ms",
            "startup_ratio", "dashboard_ms", "largest_matters_ms", "matters_grouping_ms", "clusters_ms",
            "list_first_rows_ms", "close_ms", "exit_backup_ms", "export_floor_ratio", "import_floor_ratio");

    @TempDir
    Path dir;

    @Test
    void tinyRunPrintsEveryFigureWithGoalAndMetFlag() throws Exception {
        Path db = dir.resolve("untouched.db");
        CliRunner.Result r = new CliRunner(db).run("bench", "--count", "1000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("opinions").asLong()).isEqualTo(1000);
        assertThat(doc.get("cores").asInt()).isPositive();
        assertThat(doc.has("allMet")).isTrue();
        JsonNode figures = doc.get("figures");
        assertThat(figures.fieldNames()).toIterable().containsAll(FIGURES);
        for (String name : FIGURES) {
            JsonNode f = figures.get(name);
            assertThat(f.has("goal")).as(name).isTrue();
            assertThat(f.has("met")).as(name).isTrue();
            if (f.get("pending").isNull()) {
                assertThat(f.get("value").asDouble()).as(name).isPositive();
            }
            if (!f.get("goal").isNull() && !f.get("value").isNull()) {
                assertThat(f.get("met").isBoolean()).as(name).isTrue();
            }
        }
        for (String measured : List.of("tag_per_s", "suggest_p95_ms", "save_ms_p50", "save_ratio", "list_open_ms",
                "search_p50_ms", "search_p95_ms", "export_per_s", "export_ratio", "import_per_s", "import_ratio",
                "heap_peak_mb", "startup_cli_ms", "export_floor_ratio", "import_floor_ratio")) {
            assertThat(figures.get(measured).get("pending").isNull()).as(measured).isTrue();
        }
        for (String withBaseline : List.of("save_ms_p50", "export_per_s", "import_per_s", "startup_cli_ms")) {
            assertThat(figures.get(withBaseline).get("baseline").asDouble()).as(withBaseline).isPositive();
        }
        assertThat(Files.exists(db)).as("bench never uses the --db database").isFalse();
    }

    /** The general station's scale run, tiny: 50 stations' batches imported, then what such a station does. */
    @Test
    void scaleRunImportsFiftyStationsBatchesAndMeasuresTheGeneralStation() throws Exception {
        CliRunner.Result r = new CliRunner(dir.resolve("x.db")).run("bench", "--scale", "1000", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("opinions").asLong()).isEqualTo(1000);
        assertThat(doc.get("stations").asInt()).isEqualTo(50);
        JsonNode figures = doc.get("figures");
        for (String name : List.of("import_s", "import_per_s", "heap_peak_mb", "db_size_mb", "search_p95_ms",
                "dashboard_ms", "largest_matters_ms", "list_first_rows_ms", "check_ms")) {
            assertThat(figures.get(name).get("value").asDouble()).as(name).isPositive();
        }
        assertThat(figures.get("heap_peak_mb").get("goal").asDouble()).isEqualTo(512);
    }

    @Test
    void tableIsLocalized() {
        CliRunner.Result r = new CliRunner(dir.resolve("x.db")).run("--lang", "en", "bench", "--count", "1000");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("save_ratio", "bare INSERT + COMMIT", "Benchmark: 1000 opinions");
        assertThat(r.err()).contains("Measuring: saving one opinion");
    }

    /** Without a display (CI), --window is refused up front with the way to run it, before minutes of work. */
    @Test
    void windowStartupWithoutADisplayIsRefusedWithTheWayToRunIt() {
        Assumptions.assumeFalse(WindowStartup.displayAvailable(), "a display is available");
        CliRunner.Result r = new CliRunner(dir.resolve("x.db")).run("--lang", "en", "bench", "--count", "1000",
                "--window");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("xvfb-run -a java -jar liaison-desk.jar bench --window");
        assertThat(r.out()).isEmpty();
    }

    /**
     * On a display (xvfb-run mvn verify): the window and the minimal window start. The tests run from class folders,
     * which a class-data archive cannot hold, so the figures with the archive wait for the jar and say so.
     */
    @Test
    void windowStartupIsMeasuredOnADisplay() throws Exception {
        Assumptions.assumeTrue(WindowStartup.displayAvailable(), "no display");
        CliRunner.Result r = new CliRunner(dir.resolve("x.db")).run("bench", "--count", "1000", "--window", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode figures = JSON.readTree(r.out()).get("figures");
        assertThat(figures.get("startup_plain_ms").get("value").asDouble()).isPositive();
        assertThat(figures.get("startup_plain_ms").get("baseline").asDouble()).isPositive();
        for (String name : List.of("startup_ms", "startup_ratio")) {
            assertThat(figures.get(name).get("pending").asText()).as(name).contains("java -jar");
        }
    }

    @Test
    void tooSmallACountIsRejected() {
        CliRunner.Result r = new CliRunner(dir.resolve("x.db")).run("bench", "--count", "5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("1000");
    }
}
